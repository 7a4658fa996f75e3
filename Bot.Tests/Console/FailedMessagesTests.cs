using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// A reply Twilio refuses (a fake Twilio on 127.0.0.1) shows on the failed-messages page with Twilio's
/// reason, the dashboard's "gagal" figure links there, and "Kirim ulang" sends it again exactly once.
/// </summary>
public sealed class FailedMessagesTests : IAsyncLifetime
{
    private const string Citizen = "whatsapp:+6281200083001";

    /// <summary>The citizen's address as the store keeps it.</summary>
    private const string Number = "+6281200083001";

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
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_reply_is_listed_with_its_reason_and_a_retry_sends_it_once()
    {
        _twilio.AlwaysFor(Citizen, FakeFault.InvalidTo());
        using (var http = _host.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await WhatsApp.PostSignedAsync(_host, http, "SM" + new string('1', 32), Citizen, "halo")).StatusCode);
        }

        var failed = await WaitForAsync(async () =>
        {
            await using var db = _host.Store.CreateDbContext();
            var rows = await db.OutboundMessages.Where(m => m.To == Number).ToListAsync();
            return rows.Count > 0 && rows.All(m => m.Status == OutboundStatus.Failed) ? rows : null;
        });
        Assert.All(failed, m => Assert.Equal("21211", m.ErrorCode));
        Assert.Empty(_twilio.Accepted);
        var retried = failed[0];

        using var officer = await ConsoleClient.SignedInAsync(_host, OfficerRole.ServiceOfficer);

        // The dashboard counts it and links to the list of today's failures.
        var home = await ConsoleClient.TextAsync(await officer.Http.GetAsync("/console"));
        Assert.Matches(
            $"<a class=\"figure figure-link figure-warn\" data-figure=\"failed\" href=\"/console/pesan-gagal\\?periode=hari-ini\">\\s*<span class=\"figure-value\">{failed.Count}</span>\\s*<span class=\"figure-label\">Pesan keluar gagal hari ini</span>",
            home);

        var list = await officer.Http.GetAsync("/console/pesan-gagal?periode=hari-ini");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await ConsoleClient.TextAsync(list);
        var text = AuditLogTests.Visible(html);
        Assert.Contains($"data-outbound=\"{retried.Id}\"", html);
        Assert.Contains("nomor tujuan tidak valid", text);
        Assert.Contains("The 'To' number is not a valid phone number. (kode 21211)", text);
        Assert.Contains("Kirim ulang", text);
        Assert.DoesNotContain("6281200083001", text); // the number is masked in the list

        // Nobody of another office can send it again.
        var elsewhere = await ConsoleData.AddOfficeAsync(_host, OfficeType.Lapas);
        using (var stranger = await ConsoleClient.SignedInAsync(_host, OfficerRole.ServiceOfficer, elsewhere.Id))
        {
            Assert.DoesNotContain($"data-outbound=\"{retried.Id}\"", await ConsoleClient.TextAsync(await stranger.Http.GetAsync("/console/pesan-gagal")));
            var refused = await stranger.PostFormAsync("/console/pesan-gagal", [], $"/console/pesan-gagal?handler=Retry&id={retried.Id}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // Twilio takes the number again; without a retry nothing is sent.
        _twilio.Forget(Citizen);
        await Task.Delay(1000);
        Assert.Empty(_twilio.Accepted);

        var retry = await officer.PostFormAsync("/console/pesan-gagal?periode=hari-ini", [], $"/console/pesan-gagal?handler=Retry&id={retried.Id}&periode=hari-ini");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("/console/pesan-gagal?periode=hari-ini", ConsoleAccessTests.Target(retry));
        await WaitForAsync(() => Task.FromResult(_twilio.Accepted.Any(r => r.To == Citizen) ? "sent" : null));

        // A second click (or a second officer) finds it no longer failed and sends nothing.
        var again = await officer.PostFormAsync("/console/pesan-gagal", [], $"/console/pesan-gagal?handler=Retry&id={retried.Id}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var notice = AuditLogTests.Visible(await ConsoleClient.TextAsync(await officer.Http.GetAsync("/console/pesan-gagal")));
        Assert.Contains("tidak lagi gagal", notice);

        await Task.Delay(1500); // several outbox passes
        var accepted = Assert.Single(_twilio.Accepted);
        Assert.Equal(Citizen, accepted.To);
        Assert.Equal(retried.Body, accepted.Body);

        await using var check = _host.Store.CreateDbContext();
        var row = await check.OutboundMessages.SingleAsync(m => m.Id == retried.Id);
        Assert.Equal(OutboundStatus.Sent, row.Status);
        Assert.Null(row.ErrorCode);
        Assert.All(await check.OutboundMessages.Where(m => m.To == Number && m.Id != retried.Id).ToListAsync(), m => Assert.Equal(OutboundStatus.Failed, m.Status));
        var audited = await check.AuditEntries.Where(a => a.Action == "outbound.retry").ToListAsync();
        var entry = Assert.Single(audited);
        Assert.Equal($"OutboundMessage/{retried.Id}", entry.Subject);
        Assert.Contains("21211", entry.Details);

        var after = await ConsoleClient.TextAsync(await officer.Http.GetAsync("/console/pesan-gagal?periode=hari-ini"));
        Assert.DoesNotContain($"data-outbound=\"{retried.Id}\"", after);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition was not met within 20 seconds.");
    }
}

/// <summary>Signed Twilio webhooks for console tests that need a WhatsApp conversation.</summary>
internal static class WhatsApp
{
    public static async Task<HttpResponseMessage> PostSignedAsync(TestHost host, HttpClient http, string sid, string from, string body)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", sid), new("AccountSid", FakeTwilioServer.AccountSid), new("From", from), new("To", FakeTwilioServer.From),
            new("Body", body), new("NumMedia", "0"), new("ProfileName", "Warga"), new("WaId", from.Replace("whatsapp:+", "", StringComparison.Ordinal)),
        ];
        var url = new Uri(host.BaseAddress, "/webhooks/whatsapp").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilioServer.AuthToken, url, form));
        return await http.SendAsync(request);
    }
}
