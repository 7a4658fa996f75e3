using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// Whatever a person sends is shown to officers as text: a WhatsApp profile name, a complaint and a
/// reporter name carrying markup are written out literally on every console page in a real
/// browser, and no script of theirs runs.
/// </summary>
public sealed class StoredScriptBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Password = "merah-putih-2026";
    private const string Citizen = "whatsapp:+6281200073001";
    private const string ProfileName = "<img src=x onerror=\"window.__xss='profile'\">Siti";
    private const string Description = "<script>window.__xss='body'</script><img src=x onerror=\"window.__xss='body'\"> Kursi ruang tunggu patah semua.";
    private const string ReporterName = "\"><svg onload=\"window.__xss='reporter'\"></svg>Aminah";

    private FakeTwilioServer _twilio = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = _twilio.BaseAddress.ToString().TrimEnd('/'),
        });
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!.Id;
        var accounts = _host.Services.GetRequiredService<OfficerAccounts>();
        await accounts.CreateAsync("kepala", "Kepala Rutan", OfficerRole.Kepala, office, Password, "test", CancellationToken.None);
        await accounts.CreateAsync("admin", "Admin Rutan", OfficerRole.Admin, office, Password, "test", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Markup_from_a_person_is_shown_as_text_and_runs_no_script_on_any_console_page()
    {
        using var http = _host.CreateClient();
        var i = 0;
        foreach (var text in new[] { "4", "1", "5", Description, "lewati", "tidak", ReporterName, "ya", "status litmas <b onmouseover=alert(1)>12/2026</b>", "petugas" })
        {
            await SendSignedAsync(http, $"SMxss{i++:D30}", text);
        }

        await using var db = _host.Store.CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.UserAddress == "+6281200073001");
        var complaint = await db.Complaints.SingleAsync(c => c.ConversationId == conversation.Id);
        Assert.Equal(ReporterName, complaint.ReporterName);

        // Where the markup must be written out as text for the head of office.
        var shown = new Dictionary<string, string[]>
        {
            ["/console/percakapan"] = [],
            [$"/console/percakapan/{conversation.Id}"] = [ProfileName, Description],
            ["/console/pengaduan"] = [],
            [$"/console/pengaduan/{complaint.Id}"] = [Description],
            [$"/console/pengaduan/{complaint.Id}/pelapor"] = [ReporterName],
        };
        string[] alsoVisited = ["/console", "/console/litmas", "/console/litmas/percobaan", "/console/visits", "/console/integrasi", "/console/audit"];
        await using (var head = await SignedInAsync("kepala"))
        {
            foreach (var (path, texts) in shown.Concat(alsoVisited.Select(p => KeyValuePair.Create(p, Array.Empty<string>()))))
            {
                await AssertInertAsync(head.Page, path, texts);
            }
        }

        await using var admin = await SignedInAsync("admin");
        foreach (var path in new[] { "/console", "/console/audit", "/console/petugas", "/console/jawaban", "/console/visits/settings", "/console/litmas/percobaan", "/console/integrasi" })
        {
            await AssertInertAsync(admin.Page, path, []);
        }
    }

    private static async Task AssertInertAsync(IPage page, string path, IReadOnlyList<string> literally)
    {
        var dialogs = new List<string>();
        void OnDialog(object? sender, IDialog dialog)
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        }

        page.Dialog += OnDialog;
        try
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Empty(dialogs);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"a script from a person ran on {path}");
            var planted = await page.EvaluateAsync<int>(
                "() => document.querySelectorAll('img[src=\"x\"], svg[onload], b[onmouseover], [onerror]').length"
                + " + [...document.scripts].filter(s => s.textContent.includes('__xss')).length");
            Assert.True(planted == 0, $"{path} turned a person's text into {planted} element(s)");
            var body = await page.InnerTextAsync("body");
            foreach (var text in literally)
            {
                Assert.True(body.Contains(text, StringComparison.Ordinal), $"{path} should show, as text: {text}");
            }
        }
        finally
        {
            page.Dialog -= OnDialog;
        }
    }

    private async Task<BrowserSession> SignedInAsync(string userName)
    {
        var session = await browser.NewPageAsync(_host.BaseAddress);
        await session.Page.GotoAsync("/console/masuk");
        await session.Page.FillAsync("#username", userName);
        await session.Page.FillAsync("#password", Password);
        await session.Page.ClickAsync("#signin-submit");
        await session.Page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));
        return session;
    }

    /// <summary>Posts a signed Twilio webhook and waits until the bot has handled it, so the flow sees the messages in order.</summary>
    private async Task SendSignedAsync(HttpClient http, string sid, string body)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", sid), new("AccountSid", FakeTwilioServer.AccountSid), new("From", Citizen), new("To", FakeTwilioServer.From),
            new("Body", body), new("NumMedia", "0"), new("ProfileName", ProfileName), new("WaId", "6281200073001"),
        ];
        var url = new Uri(_host.BaseAddress, "/webhooks/whatsapp").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilioServer.AuthToken, url, form));
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = _host.Store.CreateDbContext();
            if (await db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.Status != InboundStatus.Pending))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"\"{body}\" was not handled in time");
            await Task.Delay(50);
        }
    }
}
