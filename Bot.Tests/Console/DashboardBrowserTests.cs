using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// The dashboard shows the day's work of each service, and each figure opens the list it counts,
/// showing the record behind it, on a phone and on a laptop.
/// </summary>
public sealed class DashboardBrowserTests(Browser browser, ConsoleHost service)
    : IClassFixture<Browser>, IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task Each_work_figure_links_to_the_list_that_shows_what_it_counts(int width, int height)
    {
        var office = await ConsoleData.AddOfficeAsync(Host, OfficeType.Lapas);
        var world = await SeedAsync(office);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala, office.Id);

        await using var session = await browser.NewPageAsync(Host.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/console/masuk");
        await page.Locator("#username").FillAsync(head.UserName);
        await page.Locator("#password").FillAsync(ConsoleClient.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        await AuditLogBrowserTests.AssertFitsAsync(page);

        // The work comes first, then the messages.
        await Expect(page.Locator("#dashboard-today > div[id]").First).ToHaveAttributeAsync("id", "dashboard-work");
        await Expect(page.Locator("#dashboard-today > div[id]").Nth(1)).ToHaveAttributeAsync("id", "dashboard-messages");
        await Expect(page.Locator("[data-figure='visits-dipanggil'] .figure-value")).ToHaveTextAsync("0");

        (string Figure, string Url, string Row)[] links =
        [
            ("visits-terdaftar", "/console/visits?status=terdaftar", $"#visits tr[data-code='{world.VisitCode}']"),
            ("complaints-due", "/console/pengaduan?tenggat=hari-ini", $"#open-complaints tr[data-complaint='{world.DueComplaint}']"),
            ("complaints-late", "/console/pengaduan?tenggat=terlambat", $"#open-complaints tr[data-complaint='{world.LateComplaint}']"),
            ("integration-waiting", "/console/integrasi", $"#queue-table tr[data-code='{world.IntegrationCode}']"),
            ("litmas-late", "/console/litmas?tahap=belum-selesai&sop=terlambat", $"#case-table tr[data-case='{world.LitmasId}']"),
            ("handover-waiting", "/console/percakapan", $"#waiting tr[data-conversation='{world.WaitingConversation}']"),
            ("left-messages", "/console/percakapan#tickets", $"#tickets tr[data-conversation='{world.TicketConversation}']"),
            ("failed", "/console/pesan-gagal?periode=hari-ini", $"#failed-table tr[data-outbound='{world.FailedMessage}']"),
        ];
        foreach (var (figure, url, row) in links)
        {
            var link = page.Locator($"a[data-figure='{figure}']");
            await Expect(link.Locator(".figure-value")).ToHaveTextAsync("1");
            await Expect(link).ToHaveAttributeAsync("href", url);
            await link.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(url) + "$"));
            await Expect(page.Locator(row)).ToHaveCountAsync(1);
            await AuditLogBrowserTests.AssertFitsAsync(page);
            await page.GoBackAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        }

        // The filtered lists show only what the figure counts.
        await page.GotoAsync("/console/pengaduan?tenggat=terlambat");
        await Expect(page.Locator("#open-complaints tbody tr")).ToHaveCountAsync(1);
        await page.GotoAsync("/console/visits?status=terdaftar");
        await Expect(page.Locator("#status")).ToHaveValueAsync("terdaftar");
        await page.GotoAsync("/console/visits?status=selesai");
        await Expect(page.Locator("#visit-empty")).ToContainTextAsync("Tidak ada kunjungan berstatus \"Selesai\"");

        Assert.Empty(session.Errors);
    }

    private sealed record World(
        string VisitCode,
        string DueComplaint,
        string LateComplaint,
        string IntegrationCode,
        long LitmasId,
        long WaitingConversation,
        long TicketConversation,
        long FailedMessage);

    /// <summary>One record of each kind of work in <paramref name="office"/>, and one that is not work (a finished litmas case).</summary>
    private async Task<World> SeedAsync(Office office)
    {
        var now = DateTime.UtcNow;
        var today = office.LocalDate(now);
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        Conversation Person(string phone) => new()
        {
            OfficeId = office.Id, Channel = ChannelKind.Simulator, UserAddress = phone, CreatedAt = now, LastInboundAt = now, LastActivityAt = now,
        };

        var visitor = Person("+6281300090001");
        var complainant = Person("+6281300090002");
        var waiting = Person("+6281300090003");
        var ticket = Person("+6281300090004");
        var unreached = Person("+6281300090005");
        var inmate = new Inmate
        {
            OfficeId = office.Id, RegistrationNumber = $"BI-{tag}", RegistrationKey = Roster.RegistrationKey($"BI-{tag}"),
            FullName = "Hendra Gunawan", NameKey = InmateNameMatcher.Key("Hendra Gunawan"), CellBlock = "A", UpdatedAt = now,
        };
        var visit = new Visit
        {
            OfficeId = office.Id, Code = $"VC-{tag}", Inmate = inmate, Channel = ChannelKind.Simulator,
            RequesterName = "Siti", Relationship = "parent", CallNumber = "+6281300090001",
            SlotStart = VisitBookings.ToUtc(office, today.ToDateTime(new TimeOnly(12, 0))), SlotMinutes = 15, Station = 1, QueueNumber = 1,
            Status = VisitStatus.Booked, CreatedAt = now, RequestedAt = now,
        };
        Complaint Complaint(string code, DateOnly reviewDue) => new()
        {
            Code = code, OfficeId = office.Id, Conversation = complainant, Channel = ChannelKind.Simulator, Category = ComplaintCategory.Facilities,
            Description = "Kursi ruang tunggu rusak.", ReporterName = "Warga", Status = ComplaintStatus.Received, ReceivedAt = now.AddDays(-3),
            VerificationDue = reviewDue, AnswerDue = today.AddDays(10),
        };
        var due = Complaint($"ADU-D{tag[..5]}", today);
        var late = Complaint($"ADU-L{tag[..5]}", today.AddDays(-1));
        var integration = new IntegrationRequest
        {
            OfficeId = office.Id, ReferenceCode = $"INF-{tag}", Status = IntegrationRequestStatus.Submitted, Relationship = "family",
            Programme = IntegrationProgramme.Pb, RequesterName = "Siti Aminah", InmateName = "Budi Santoso", SubmittedAt = now.AddMinutes(-2),
        };
        LitmasCase Litmas(string number, LitmasStage stage) => new()
        {
            OfficeId = office.Id, RegistrationNumber = number, NumberKey = LitmasNumber.Key(number), ClientName = "Andi", PkName = "Bu Rina",
            RequestedBy = "Lapas Kelas IIA", Stage = stage, StageUpdatedAt = now, LetterReceivedAt = now.AddHours(-3), PublishedAt = now.AddHours(-1),
        };
        var litmas = Litmas($"LIT-{tag}/A", LitmasStage.Penelitian);
        var failed = new OutboundMessage
        {
            Conversation = unreached, Channel = ChannelKind.Simulator, To = unreached.UserAddress, Body = "Menu utama", Kind = OutboundKind.Reply,
            Status = OutboundStatus.Failed, CreatedAt = now, NextAttemptAt = now, StatusUpdatedAt = now, Attempts = 1,
            ErrorCode = "21211", ErrorMessage = "The 'To' number is not a valid phone number.",
        };

        await using var db = Host.Store.CreateDbContext();
        db.Conversations.Add(visitor);
        using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        visit.ConversationId = visitor.Id;
        db.Visits.Add(visit);
        db.Complaints.AddRange(due, late);
        db.IntegrationRequests.Add(integration);
        db.LitmasCases.AddRange(litmas, Litmas($"LIT-{tag}/B", LitmasStage.Selesai));
        db.Handovers.AddRange(
            new Handover { Conversation = waiting, OfficeId = office.Id, Status = HandoverStatus.Waiting, RequestedAt = now.AddMinutes(-2), Reason = "asked" },
            new Handover { Conversation = ticket, OfficeId = office.Id, Status = HandoverStatus.Expired, RequestedAt = now.AddHours(-1), Reason = "asked", LeftMessage = "Tolong hubungi saya." });
        db.OutboundMessages.Add(failed);
        using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return new World(visit.Code, due.Code, late.Code, integration.ReferenceCode, litmas.Id, waiting.Id, ticket.Id, failed.Id);
    }
}
