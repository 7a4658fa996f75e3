using ChatBot.Bot.OfficerConsole.Assessments;
using ChatBot.Bot.Tests.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Assessments;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Console.Assessments;

/// <summary>
/// The PK is reminded of a due assessment three working days before it and on the day, once each, with a fake
/// clock walked day by day through March 2026 with a weekend and two holidays (Thursday 19 and Friday 20):
/// a due date on a Tuesday after the holidays, and one on a Sunday (reminded on the Friday before).
/// </summary>
public sealed class AssessmentReminderTests : IAsyncLifetime
{
    private const string PkPhone = "+6281100000021";
    private const string PkEmail = "rina@bapas-magelang.test";

    /// <summary>Monday 16 March 2026, 00.00 WIB.</summary>
    private static readonly DateTimeOffset MondayMidnight = new(2026, 3, 15, 17, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(MondayMidnight);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(
        settings: new Dictionary<string, string?>
        {
            ["Sla:Holidays:0"] = "2026-03-19",
            ["Sla:Holidays:1"] = "2026-03-20",
            ["Assessments:ConsoleUrl"] = "https://konsol.bapas-magelang.test",
            ["Assessments:CheckInterval"] = "06:00:00",
        },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reminders_go_on_the_right_working_days_once_each()
    {
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var rina = await AbhWorld.OfficerAsync(_host, "rina", "Rina Wulandari", OfficerRole.Pk, phone: PkPhone, email: PkEmail);
        var end = new DateOnly(2027, 3, 1);
        var tuesday = await AssessmentWorld.ClientAsync(_host, office.Id, rina.Id, "PB-301/BPS/2026", "Agus Salim Wibowo", new DateOnly(2026, 3, 17), end);
        var sunday = await AssessmentWorld.ClientAsync(_host, office.Id, rina.Id, "CB-302/BPS/2026", "Dewi Kartika", new DateOnly(2026, 3, 22), end);
        // A client without a PK is nobody's to remind; one whose supervision ends before the due date has none.
        await AssessmentWorld.ClientAsync(_host, office.Id, null, "PB-303/BPS/2026", "Tanpa Pk", new DateOnly(2026, 3, 17), end);
        await AssessmentWorld.ClientAsync(_host, office.Id, rina.Id, "PB-304/BPS/2026", "Singkat Sekali", new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 23));

        var sent = new List<(DateOnly Day, long ClientId, string Stage)>();
        for (var day = 0; day < 16; day++)
        {
            var date = new DateOnly(2026, 3, 16).AddDays(day);
            // Before the office's morning nothing goes out, even on a reminder day.
            _clock.SetUtcNow(MondayMidnight.AddDays(day).AddHours(6));
            Assert.Equal(0, await PassAsync());
            _clock.SetUtcNow(MondayMidnight.AddDays(day).AddHours(9));
            await PassAsync();
            var messages = await MessagesAsync();
            Assert.Equal(0, await PassAsync()); // a second pass the same day sends nothing again
            Assert.Equal(messages.Count, (await MessagesAsync()).Count);
            await using var db = _host.Store.CreateDbContext();
            sent.AddRange((await db.AssessmentReminders.AsNoTracking().ToListAsync())
                .Where(r => office.LocalDate(r.SentAt) == date)
                .Select(r => (date, r.ClientId, r.Stage)));
        }

        Assert.Equal(
        [
            (new DateOnly(2026, 3, 17), tuesday.Id, AssessmentRules.BeforeStage),  // 3 working days before Tue 24: Mon 23, Wed 18, Tue 17
            (new DateOnly(2026, 3, 24), tuesday.Id, AssessmentRules.DueStage),
            (new DateOnly(2026, 3, 25), sunday.Id, AssessmentRules.BeforeStage),   // 3 working days before Sun 29: Fri 27, Thu 26, Wed 25
            (new DateOnly(2026, 3, 27), sunday.Id, AssessmentRules.DueStage),      // the last working day before Sunday
        ], sent.OrderBy(s => s.Day));

        // Each reminder reached the PK on WhatsApp and by e-mail; the message names the client by number and initials only.
        var all = await MessagesAsync();
        Assert.Equal(8, all.Count);
        Assert.Equal(4, all.Count(m => m.Channel == ChannelKind.WhatsApp && m.To == PkPhone));
        Assert.Equal(4, all.Count(m => m.Channel == ChannelKind.Email && m.To == PkEmail));
        Assert.All(all, m => Assert.Equal(AssessmentReminders.Topic, m.Topic));
        var first = all[0];
        Assert.Contains("Asesmen awal klien A.S.W. (PB-301/BPS/2026) jatuh tempo Selasa, 24 Maret 2026, 3 hari kerja lagi.", first.Body);
        Assert.Contains($"https://konsol.bapas-magelang.test/console/klien/{tuesday.Id}", first.Body);
        Assert.DoesNotContain("Agus", first.Body);
        Assert.Contains("jatuh tempo Minggu, 29 Maret 2026; hari ini hari kerja terakhir", all.Last().Body);
        Assert.Contains("[Asesmen] PB-301/BPS/2026", first.Payload);
    }

    [Fact]
    public async Task A_recorded_assessment_ends_the_reminders_of_its_due_date()
    {
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var rina = await AbhWorld.OfficerAsync(_host, "rina2", "Rina Wulandari", OfficerRole.Pk, phone: PkPhone);
        var client = await AssessmentWorld.ClientAsync(_host, office.Id, rina.Id, "PB-311/BPS/2026", "Agus Salim", new DateOnly(2026, 3, 17), new DateOnly(2027, 3, 1));
        _clock.SetUtcNow(MondayMidnight.AddDays(1).AddHours(9));
        Assert.Equal(1, await PassAsync());

        await using (var db = _host.Store.CreateDbContext())
        {
            db.Assessments.Add(new Assessment
            {
                OfficeId = office.Id, ClientId = client.Id, Kind = AssessmentKind.Initial, DueOn = new DateOnly(2026, 3, 24), AssessedOn = new DateOnly(2026, 3, 18),
                AssessorOfficerId = rina.Id, Risk = RiskLevel.Rendah, Needs = "pekerjaan", Recommendation = "Bimbingan kerja", CreatedAt = DateTime.UtcNow,
            });
            using (await _host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        _clock.SetUtcNow(MondayMidnight.AddDays(8).AddHours(9)); // Tuesday 24: the next one is a year away
        Assert.Equal(0, await PassAsync());
        Assert.Single(await MessagesAsync());
    }

    private Task<int> PassAsync() => _host.Services.GetRequiredService<AssessmentReminders>().RunPassAsync(CancellationToken.None);

    private async Task<List<OutboundMessage>> MessagesAsync()
    {
        await using var db = _host.Store.CreateDbContext();
        return await db.OutboundMessages.AsNoTracking().Where(m => m.Topic == AssessmentReminders.Topic).OrderBy(m => m.Id).ToListAsync();
    }
}
