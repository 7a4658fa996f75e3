using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Integration;

/// <summary>
/// In a real browser: a service officer verifies a request against the roster (the console proposes the
/// match) and answers it; the requester receives the answer once on WhatsApp (Twilio on 127.0.0.1, as
/// the template the topic names, the requester never having written there) and once by e-mail (a real
/// mail server).
/// </summary>
public sealed class IntegrationBrowserTests(Browser browser, MailServer mail) : IClassFixture<Browser>, IClassFixture<MailServer>, IAsyncLifetime
{
    private const string Password = "merah-putih-2026";
    private const string ContentSid = "HX0123456789abcdef0123456789abcdef";
    private FakeTwilioServer _twilio = null!;
    private MailHarness _harness = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        _harness = new MailHarness(mail);
        _host = await _harness.StartHostAsync(more: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = _twilio.BaseAddress.ToString().TrimEnd('/'),
            ["Channels:WhatsApp:Templates:integration-answer:ContentSid"] = ContentSid,
            ["Channels:WhatsApp:Templates:integration-answer:Variables:1"] = "code",
            ["Channels:WhatsApp:Templates:integration-answer:Variables:2"] = "body",
        });
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await _host.Services.GetRequiredService<OfficerAccounts>()
            .CreateAsync("rina", "Rina Wulandari", OfficerRole.ServiceOfficer, office.Id, Password, "test", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task An_officer_verifies_the_proposed_roster_match_and_the_answer_reaches_whatsapp_and_email_once_each()
    {
        await IntegrationWorld.AddInmateAsync(_host, "Budi Santoso", "B.I-601/2025");
        await IntegrationWorld.AddInmateAsync(_host, "Joko Widodo", "B.I-602/2025");
        var email = mail.Address("warga3");
        var request = await IntegrationWorld.SubmitAsync(_host, "+6281300099001", email, inmate: "budi santoso");

        await using var officer = await browser.NewPageAsync(_host.BaseAddress);
        var page = officer.Page;
        await page.GotoAsync("/console/masuk");
        await page.FillAsync("#username", "rina");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#officer-name")).ToHaveTextAsync("Rina Wulandari");

        await page.GotoAsync("/console/integrasi");
        var row = page.Locator($"#queue-table tr[data-code='{request.ReferenceCode}']");
        await Expect(row.Locator(".sla")).ToHaveTextAsync("Tepat waktu");
        await row.Locator("a").ClickAsync();

        // The roster entry matching the name given is proposed, and chosen by default; the other is not offered.
        var proposed = page.Locator("#proposals input[data-proposed]");
        await Expect(proposed).ToHaveCountAsync(1);
        await Expect(page.Locator("#proposals")).ToContainTextAsync("Budi Santoso — B.I-601/2025");
        await Expect(page.Locator("#proposals")).Not.ToContainTextAsync("Joko");
        await Expect(proposed).ToBeCheckedAsync();
        await page.ClickAsync("#verify-submit");
        await Expect(page.Locator("#notice")).ToContainTextAsync("terverifikasi");
        await Expect(page.Locator("#matched")).ToContainTextAsync("B.I-601/2025");

        const string information = "Usulan PB atas nama Budi Santoso sudah dibahas sidang TPP tanggal 2 Februari 2026 dan menunggu SK.";
        await page.FillAsync("#answer", information);
        await page.ClickAsync("#answer-submit");
        await Expect(page.Locator("#notice")).ToContainTextAsync("WhatsApp dan email");
        await Expect(page.Locator("#status")).ToContainTextAsync("Selesai");

        var mailed = await _harness.WaitForMailAsync("warga3", m => (m.Subject ?? "").Contains(request.ReferenceCode, StringComparison.Ordinal));
        Assert.Contains(information, mailed.TextBody);
        await _harness.WaitUntilAsync(() => Task.FromResult(_twilio.Accepted.Count > 0), "the answer reached Twilio");
        // Both rows are settled; nothing more goes out.
        await _harness.WaitUntilAsync(async () =>
        {
            await using var db = _host.Store.CreateDbContext();
            return await db.OutboundMessages.CountAsync(m => m.Topic == "integration-answer" && (m.Status == ChatBot.Domain.Conversations.OutboundStatus.Queued)) == 0;
        }, "the outbox settled");

        var whatsApp = Assert.Single(_twilio.Accepted);
        Assert.Equal("whatsapp:+6281300099001", whatsApp.To);
        Assert.Equal(ContentSid, whatsApp.ContentSid);
        Assert.Contains(request.ReferenceCode, whatsApp.ContentVariables);
        Assert.Contains("sidang TPP tanggal 2 Februari 2026", whatsApp.ContentVariables);
        Assert.Single(await _harness.InboxAsync("warga3"), m => (m.Subject ?? "").Contains(request.ReferenceCode, StringComparison.Ordinal));

        await using var check = _host.Store.CreateDbContext();
        var closed = await check.IntegrationRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal((IntegrationRequestStatus.Closed, IntegrationOutcome.Answered), (closed.Status, closed.Outcome));
        Assert.Equal("rina", check.RequestEvents.Single(e => e.Code == request.ReferenceCode && e.Step == "answer").Actor);
        Assert.Empty(officer.Errors);
    }
}
