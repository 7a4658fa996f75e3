using ChatBot.Bot.Flows.Guidance;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Flows.Guidance;

/// <summary>
/// A BATAKO counter on Monday 09.00 WIB, set up on a Friday (fake clock): the clients of its town are invited
/// (case and spacing do not matter), and on Sunday, the day before, from the office's opening hour, those who
/// said HADIR are reminded once and the PK hears once which clients did not answer.
/// </summary>
public sealed class GuidanceReminderTests : IAsyncLifetime
{
    /// <summary>Friday 6 March 2026, 10.00 WIB.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 3, 6, 3, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(FridayMorning);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["Guidance:CheckInterval"] = "01:00:00" },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_day_before_attending_clients_are_reminded_once_and_non_responders_are_flagged_to_their_PK()
    {
        var desk = _host.Services.GetRequiredService<GuidanceDesk>();
        var reminders = _host.Services.GetRequiredService<GuidanceReminders>();
        var pk = await AbhWorld.OfficerAsync(_host, "rudi", "Rudi Hartono", OfficerRole.Pk, phone: "+6281100000777", email: "rudi@bapas-magelang.test");
        var attending = await GuidanceWorld.ClientAsync(_host, "Agus Salim", pk.Id, phone: "+6281300060001", town: "kota  magelang");
        var silent = await GuidanceWorld.ClientAsync(_host, "Bambang Riyadi", pk.Id, phone: "+6281300060002", town: "KOTA MAGELANG ");
        var byMail = await GuidanceWorld.ClientAsync(_host, "Citra Lestari", pk.Id, email: "Citra@Contoh.test", town: "Kota Magelang");
        var unreachable = await GuidanceWorld.ClientAsync(_host, "Dedi Kurnia", pk.Id, town: "Kota Magelang");
        var elsewhere = await GuidanceWorld.ClientAsync(_host, "Eko Prasetyo", pk.Id, phone: "+6281300060005", town: "Kabupaten Temanggung");

        var monday = new DateTime(2026, 3, 9, 9, 0, 0);
        var counter = await desk.OpenCounterAsync(pk, new SessionPlan("Wajib lapor dan bimbingan", "Balai Desa Rejowinangun", monday, monday.AddHours(3), "Kota  Magelang"), CancellationToken.None);
        Assert.True(counter.Ok, counter.Problem);
        Assert.Equal(4, counter.Count);
        var sent = await desk.SendInvitationsAsync(pk, counter.Id!.Value, CancellationToken.None);
        Assert.Equal(3, sent.Count);

        await using (var db = _host.Store.CreateDbContext())
        {
            var invited = await db.GuidanceInvitations.AsNoTracking().Where(i => i.SessionId == counter.Id).ToListAsync();
            Assert.DoesNotContain(invited, i => i.ClientId == elsewhere.Id);
            Assert.Null(invited.Single(i => i.ClientId == unreachable.Id).SentAt);
            var mail = await db.OutboundMessages.AsNoTracking().Include(m => m.Conversation)
                .SingleAsync(m => m.Channel == ChannelKind.Email && m.Topic == GuidanceDesk.InvitationTopic);
            Assert.Equal("citra@contoh.test", mail.To);
            Assert.Contains("Pojok BATAKO di Kota Magelang", mail.Body);
            Assert.Contains("Senin, 9 Maret 2026", mail.Body);
            Assert.Contains("09.00–12.00 WIB", mail.Body);
            var answered = invited.Single(i => i.ClientId == attending.Id);
            await db.GuidanceInvitations.Where(i => i.Id == answered.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Answer, InvitationAnswer.Attending).SetProperty(i => i.AnsweredAt, FridayMorning.UtcDateTime));
        }

        // Friday and Sunday before opening: not the day before yet.
        Assert.Equal(0, await reminders.RunPassAsync(CancellationToken.None));
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await reminders.RunPassAsync(CancellationToken.None));

        // Sunday 08.30: one reminder, two clients flagged (the unreachable one was never invited by chat).
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 8, 8, 30, 0, TimeSpan.FromHours(7)));
        Assert.Equal(3, await reminders.RunPassAsync(CancellationToken.None));
        Assert.Equal(0, await reminders.RunPassAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await reminders.RunPassAsync(CancellationToken.None));

        await using (var db = _host.Store.CreateDbContext())
        {
            var reminded = await db.OutboundMessages.AsNoTracking().Where(m => m.Topic == GuidanceDesk.ReminderTopic).ToListAsync();
            var reminder = Assert.Single(reminded);
            Assert.Equal("+6281300060001", reminder.To);
            Assert.Contains("Besok", reminder.Body);
            var toPk = await db.OutboundMessages.AsNoTracking().Where(m => m.Topic == GuidanceDesk.NoAnswerTopic).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal([ChannelKind.WhatsApp, ChannelKind.Email], toPk.Select(m => m.Channel));
            Assert.Equal(["+6281100000777", "rudi@bapas-magelang.test"], toPk.Select(m => m.To));
            Assert.All(toPk, m => Assert.Contains("2 klien Anda belum menjawab", m.Body));
            Assert.All(toPk, m => Assert.Contains("B.R. (", m.Body));
            Assert.All(toPk, m => Assert.Contains("C.L. (", m.Body));
            Assert.All(toPk, m => Assert.DoesNotContain("Bambang", m.Body));
            var invitations = await db.GuidanceInvitations.AsNoTracking().Where(i => i.SessionId == counter.Id).ToListAsync();
            Assert.NotNull(invitations.Single(i => i.ClientId == silent.Id).NoAnswerFlaggedAt);
            Assert.NotNull(invitations.Single(i => i.ClientId == byMail.Id).NoAnswerFlaggedAt);
            Assert.Null(invitations.Single(i => i.ClientId == attending.Id).NoAnswerFlaggedAt);
            Assert.NotNull(invitations.Single(i => i.ClientId == attending.Id).RemindedAt);
        }
    }
}
