using System.Net;
using System.Text;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// The real service with WhatsApp switched on, a signed Twilio webhook in, and a fake Twilio REST
/// server on 127.0.0.1 that records what the bot sends out.
/// </summary>
public sealed class WhatsAppEndToEndTests : IAsyncLifetime
{
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
    public async Task Halo_on_WhatsApp_gets_the_menu_through_Twilio_once()
    {
        using var http = _host.CreateClient();
        var webhook = await PostSignedAsync(http, "SM0000000000000000000000000000e2e1", "halo");
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal("text/xml", webhook.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await webhook.Content.ReadAsStringAsync());

        // Twilio retries the same webhook: it is stored and answered once.
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(http, "SM0000000000000000000000000000e2e1", "halo")).StatusCode);

        var sent = await WaitForAsync(() => _twilio.Accepted.Count >= 1);
        var request = Assert.Single(sent);
        Assert.Equal("whatsapp:+6281200009001", request.To);
        Assert.Equal(FakeTwilioServer.From, request.From);
        Assert.Contains("Selamat datang", request.Body);
        Assert.Contains("1. Pendaftaran kunjungan video call", request.Body);

        await Task.Delay(500);
        Assert.Single(_twilio.Accepted);
        await using var db = _host.Store.CreateDbContext();
        var row = await db.OutboundMessages.SingleAsync(m => m.Channel == ChannelKind.WhatsApp);
        Assert.Equal(OutboundStatus.Sent, row.Status);
        Assert.Equal(request.Sid, row.ProviderMessageId);
    }

    [Fact]
    public async Task An_unsigned_webhook_is_refused_and_nothing_is_stored()
    {
        using var http = _host.CreateClient();
        var response = await http.PostAsync("/webhooks/whatsapp", new FormUrlEncodedContent(Form("SM0000000000000000000000000000e2e2", "halo")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = _host.Store.CreateDbContext();
        Assert.Equal(0, await db.InboundMessages.CountAsync(m => m.Channel == ChannelKind.WhatsApp));
    }

    private async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, string sid, string body)
    {
        var form = Form(sid, body);
        var url = new Uri(_host.BaseAddress, "/webhooks/whatsapp").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilioServer.AuthToken, url, form));
        return await http.SendAsync(request);
    }

    private static List<KeyValuePair<string, string>> Form(string sid, string body) =>
    [
        new("MessageSid", sid),
        new("AccountSid", FakeTwilioServer.AccountSid),
        new("From", "whatsapp:+6281200009001"),
        new("To", FakeTwilioServer.From),
        new("Body", body),
        new("NumMedia", "0"),
        new("ProfileName", "Siti"),
        new("WaId", "6281200009001"),
    ];

    private async Task<IReadOnlyList<FakeTwilioRequest>> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "Twilio did not receive the expected requests in time.");
        return _twilio.Accepted;
    }

    [Fact]
    public async Task A_photo_reaches_the_turn_checked_and_a_disguised_program_is_refused_politely()
    {
        await using var media = await MediaTestServer.StartAsync(FakeTwilioServer.AccountSid, FakeTwilioServer.AuthToken);
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = media.BaseAddress.ToString().TrimEnd('/'),
        });
        using var http = host.CreateClient();
        var photo = media.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "application/pdf"));
        var program = media.Add(new MediaTestServer.Media([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "image/jpeg"));

        await PostSignedAsync(http, host, "SM0000000000000000000000000000e2e3", "", photo, "application/pdf");
        await PostSignedAsync(http, host, "SM0000000000000000000000000000e2e4", "", program, "image/jpeg");

        await using var db = host.Store.CreateDbContext();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await db.InboundMessages.CountAsync(m => m.Channel == ChannelKind.WhatsApp && m.Status == InboundStatus.Done) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var stored = await db.InboundMessages.SingleAsync(m => m.ProviderMessageId == "SM0000000000000000000000000000e2e3");
        Assert.Contains("image/jpeg", stored.Attachments);
        var refused = await db.InboundMessages.SingleAsync(m => m.ProviderMessageId == "SM0000000000000000000000000000e2e4");
        Assert.Null(refused.Attachments);
        var answer = await db.OutboundMessages.SingleAsync(m => m.InboundMessageId == refused.Id);
        Assert.Contains("tidak dapat kami terima", answer.Body);
    }

    private static async Task PostSignedAsync(HttpClient http, TestHost host, string sid, string body, string mediaUrl, string contentType)
    {
        List<KeyValuePair<string, string>> form = [.. Form(sid, body).Where(f => f.Key != "NumMedia"), new("NumMedia", "1"), new("MediaUrl0", mediaUrl), new("MediaContentType0", contentType)];
        var url = new Uri(host.BaseAddress, "/webhooks/whatsapp").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilioServer.AuthToken, url, form));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }
}
