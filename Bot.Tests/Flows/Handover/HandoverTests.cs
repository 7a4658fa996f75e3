using ChatBot.Bot.Flows.Handover;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Simulator;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.Handover;

/// <summary>A person asks for an officer; officers take, answer, hand back, close; nobody waits forever.</summary>
public sealed class HandoverTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private Officer _siti = null!;
    private Officer _budi = null!;

    private HandoverService Handovers => _host.Services.GetRequiredService<HandoverService>();

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(extraDialogs: [new TestFormDialog()]);
        var accounts = _host.Services.GetRequiredService<OfficerAccounts>();
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        _siti = await accounts.CreateAsync("siti", "Siti Rahma", OfficerRole.ServiceOfficer, office.Id, "merah-putih-2026", "test", CancellationToken.None);
        _budi = await accounts.CreateAsync("budi", "Budi Santoso", OfficerRole.ServiceOfficer, office.Id, "garuda-pancasila-45", "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Asking_for_an_officer_queues_the_person_and_the_bot_falls_silent()
    {
        await _host.Chat("081200007001").Send("petugas").Expect("antrean ke-*1*", "*batal*").RunAsync();
        await _host.Chat("081200007002").Send("halo").Expect("Selamat datang").Send("8").Expect("antrean ke-*2*").RunAsync();
        await _host.Chat("081200007001").Send("halo, tolong dibantu").ExpectSilence().Send("1").ExpectSilence().RunAsync();

        await using var db = _host.Store.CreateDbContext();
        var waiting = await db.Handovers.Where(h => h.Status == HandoverStatus.Waiting).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(2, waiting.Count);
        Assert.Equal("asked", waiting[0].Reason);
        Assert.Equal("menu", waiting[1].Reason);
    }

    [Fact]
    public async Task A_waiting_person_can_leave_the_queue_with_batal() =>
        await _host.Chat("081200007003")
            .Send("petugas").Expect("antrean")
            .Send("batal").Expect("dibatalkan", "Silakan pilih layanan")
            .Send("1").Expect("Siapa nama Anda?")
            .RunAsync();

    [Fact]
    public async Task What_the_bot_had_collected_is_kept_for_the_officer()
    {
        await _host.Chat("081200007004").Send("1").Expect("Siapa nama Anda?").Send("Ani").Expect("Halo Ani").Send("petugas").Expect("antrean").RunAsync();
        await using var db = _host.Store.CreateDbContext();
        var handover = await db.Handovers.Include(h => h.Conversation).SingleAsync(h => h.Conversation!.UserAddress == "+6281200007004");
        Assert.Contains("Ani", handover.CollectedState);
    }

    [Fact]
    public async Task An_officer_takes_answers_and_hands_back_and_the_bot_answers_again()
    {
        const string phone = "+6281200007005";
        using var inbox = _host.Hub.Subscribe(phone);
        await _host.Chat(phone).Send("petugas").Expect("antrean").RunAsync();
        var (handoverId, conversationId) = await WaitingAsync(phone);

        Assert.Equal(HandoverActionResult.Done, await Handovers.TakeAsync(handoverId, _siti, CancellationToken.None));
        Assert.Contains("Siti Rahma", await NextAsync(inbox, "terhubung"));

        await _host.Chat(phone).Send("Saya mau tanya jadwal besuk").ExpectSilence().RunAsync();
        Assert.Equal(HandoverActionResult.Done, await Handovers.ReplyAsync(conversationId, _siti, "Jadwal besuk Senin–Kamis pukul 09.00.", CancellationToken.None));
        Assert.Equal("Jadwal besuk Senin–Kamis pukul 09.00.", await NextAsync(inbox, "Jadwal besuk"));

        // Only the officer who took it may answer.
        Assert.Equal(HandoverActionResult.Forbidden, await Handovers.ReplyAsync(conversationId, _budi, "Saya juga", CancellationToken.None));

        Assert.Equal(HandoverActionResult.Done, await Handovers.HandBackAsync(conversationId, _siti, CancellationToken.None));
        var handedBack = await NextAsync(inbox, "layanan otomatis");
        Assert.Contains("1. Pendaftaran kunjungan video call", handedBack);

        await _host.Chat(phone).Send("1").Expect("Siapa nama Anda?").RunAsync();
    }

    [Fact]
    public async Task Two_officers_taking_the_same_conversation_at_once_exactly_one_succeeds()
    {
        const string phone = "+6281200007006";
        await _host.Chat(phone).Send("petugas").Expect("antrean").RunAsync();
        var (handoverId, _) = await WaitingAsync(phone);

        var results = await Task.WhenAll(
            Task.Run(() => Handovers.TakeAsync(handoverId, _siti, CancellationToken.None)),
            Task.Run(() => Handovers.TakeAsync(handoverId, _budi, CancellationToken.None)));

        Assert.Single(results, r => r == HandoverActionResult.Done);
        Assert.Single(results, r => r == HandoverActionResult.Conflict);
        await using var db = _host.Store.CreateDbContext();
        var handover = await db.Handovers.SingleAsync(h => h.Id == handoverId);
        Assert.Equal(HandoverStatus.Active, handover.Status);
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.ConversationId == handover.ConversationId && m.Kind == OutboundKind.Officer));
    }

    [Fact]
    public async Task Closing_thanks_the_person_and_the_bot_answers_again()
    {
        const string phone = "+6281200007007";
        using var inbox = _host.Hub.Subscribe(phone);
        await _host.Chat(phone).Send("petugas").Expect("antrean").RunAsync();
        var (handoverId, conversationId) = await WaitingAsync(phone);
        await Handovers.TakeAsync(handoverId, _budi, CancellationToken.None);

        Assert.Equal(HandoverActionResult.Done, await Handovers.CloseAsync(conversationId, _budi, CancellationToken.None));
        await NextAsync(inbox, "ditutup");
        await _host.Chat(phone).Send("halo").Expect("Selamat datang").RunAsync();
    }

    [Fact]
    public async Task Nobody_taking_it_in_time_lets_the_person_leave_a_message_as_a_ticket()
    {
        const string phone = "+6281200007008";
        using var inbox = _host.Hub.Subscribe(phone);
        await _host.Chat(phone).Send("petugas").Expect("antrean").RunAsync();
        var (handoverId, _) = await WaitingAsync(phone);

        Assert.True(await Handovers.ExpireOverdueAsync(TimeSpan.Zero, CancellationToken.None) >= 1);
        Assert.Contains("tulis pesan Anda", await NextAsync(inbox, "belum ada petugas"));

        await _host.Chat(phone).Send("Anak saya belum dapat jadwal kunjungan.").Expect("nomor tiket", LeaveMessageDialog.TicketCode(handoverId)).RunAsync();
        await using var db = _host.Store.CreateDbContext();
        var handover = await db.Handovers.SingleAsync(h => h.Id == handoverId);
        Assert.Equal(HandoverStatus.Expired, handover.Status);
        Assert.Equal("Anak saya belum dapat jadwal kunjungan.", handover.LeftMessage);
        Assert.Equal(HandoverActionResult.Conflict, await Handovers.TakeAsync(handoverId, _siti, CancellationToken.None));
    }

    [Fact]
    public async Task An_officer_answers_a_left_message_in_the_persons_chat_and_closes_it()
    {
        const string phone = "+6281200007010";
        using var inbox = _host.Hub.Subscribe(phone);
        await _host.Chat(phone).Send("petugas").Expect("antrean").RunAsync();
        var (handoverId, conversationId) = await WaitingAsync(phone);
        await Handovers.ExpireOverdueAsync(TimeSpan.Zero, CancellationToken.None);
        await NextAsync(inbox, "belum ada petugas");
        await _host.Chat(phone).Send("Kapan jadwal kunjungan dibuka lagi?").Expect("nomor tiket").RunAsync();

        Assert.Equal(HandoverActionResult.Done, await Handovers.AnswerTicketAsync(handoverId, _siti, CancellationToken.None));
        Assert.Equal(HandoverActionResult.Conflict, await Handovers.AnswerTicketAsync(handoverId, _budi, CancellationToken.None));
        Assert.Contains(LeaveMessageDialog.TicketCode(handoverId), await NextAsync(inbox, "sekarang dijawab petugas"));

        Assert.Equal(HandoverActionResult.Done, await Handovers.ReplyAsync(conversationId, _siti, "Jadwal dibuka lagi Senin depan, Bu.", CancellationToken.None));
        await NextAsync(inbox, "Senin depan");
        await _host.Chat(phone).Send("Baik, terima kasih").ExpectSilence().RunAsync();

        Assert.Equal(HandoverActionResult.Done, await Handovers.CloseAsync(conversationId, _siti, CancellationToken.None));
        await NextAsync(inbox, "ditutup");
        await _host.Chat(phone).Send("halo").Expect("Selamat datang").RunAsync();
    }

    [Fact]
    public async Task A_left_message_closed_without_an_answer_leaves_the_queue_and_the_person_is_not_messaged()
    {
        const string phone = "+6281200007011";
        await _host.Chat(phone).Send("petugas").Expect("antrean").RunAsync();
        var (handoverId, _) = await WaitingAsync(phone);
        await Handovers.ExpireOverdueAsync(TimeSpan.Zero, CancellationToken.None);
        await _host.Chat(phone).Send("Sudah saya telepon, terima kasih.").Expect("nomor tiket").RunAsync();
        await using var db = _host.Store.CreateDbContext();
        var conversationId = await db.Conversations.Where(c => c.UserAddress == phone).Select(c => c.Id).SingleAsync();
        var messagesBefore = await db.OutboundMessages.CountAsync(m => m.ConversationId == conversationId);

        Assert.Equal(HandoverActionResult.Done, await Handovers.CloseTicketAsync(handoverId, _budi, CancellationToken.None));
        Assert.Equal(HandoverActionResult.Conflict, await Handovers.AnswerTicketAsync(handoverId, _siti, CancellationToken.None));
        var queue = await _host.Services.GetRequiredService<ChatBot.Bot.OfficerConsole.Conversations.ConversationQueries>()
            .QueueAsync([_siti.OfficeId], CancellationToken.None);
        Assert.DoesNotContain(queue, e => e.HandoverId == handoverId);
        Assert.Equal(messagesBefore, await db.OutboundMessages.CountAsync(m => m.ConversationId == conversationId));
        Assert.Equal(_budi.Id, (await db.Handovers.SingleAsync(h => h.Id == handoverId)).EndedByOfficerId);
    }

    [Fact]
    public async Task Outside_service_hours_the_person_is_told_when_officers_answer()
    {
        await using (var db = _host.Store.CreateDbContext())
        {
            var office = await db.Offices.SingleAsync();
            office.WorkDays = 1 << (int)DayOfWeek.Monday;
            office.OpensAt = new TimeOnly(0, 0);
            office.ClosesAt = new TimeOnly(0, 1);
            await db.SaveChangesAsync();
        }

        await _host.Services.GetRequiredService<OfficeDirectory>().ReloadAsync(CancellationToken.None);
        await _host.Chat("081200007009").Send("petugas").Expect("di luar jam layanan", "Senin", "00.00 WIB").RunAsync();
    }

    private async Task<(long HandoverId, long ConversationId)> WaitingAsync(string phone)
    {
        await using var db = _host.Store.CreateDbContext();
        var handover = await db.Handovers.Include(h => h.Conversation)
            .SingleAsync(h => h.Conversation!.UserAddress == phone && h.Status == HandoverStatus.Waiting);
        return (handover.Id, handover.ConversationId);
    }

    /// <summary>The next message the person's phone receives that contains <paramref name="fragment"/>.</summary>
    private static async Task<string> NextAsync(SimulatorHub.Subscription inbox, string fragment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var delivery = await inbox.Reader.ReadAsync(timeout.Token);
            if (delivery.Body.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return delivery.Body;
            }
        }
    }
}
