using ChatBot.Bot.Tests.Support;
using System.Net;
using System.Text.Json;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>One running service with the WhatsApp webhooks, shared by a test class.</summary>
public sealed class WebhookHostFixture : IAsyncLifetime
{
    public WebhookTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebhookTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Twilio's incoming-message webhook through the real host: signatures, storing once, refusals.</summary>
public sealed class WebhookTests(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private const string Path = WhatsAppEndpoints.MessagesPath;

    private WebhookTestHost Host => fixture.Host;

    /// <summary>A text message as Twilio posts it for WhatsApp, including fields we do not read.</summary>
    internal static List<KeyValuePair<string, string>> TwilioForm(
        string messageSid, string body = "halo", string from = "whatsapp:+6281234567890", string accountSid = WebhookTestHost.AccountSid) =>
    [
        new("SmsMessageSid", messageSid),
        new("NumMedia", "0"),
        new("ProfileName", "Siti"),
        new("MessageType", "text"),
        new("SmsSid", messageSid),
        new("WaId", from.Replace("whatsapp:+", "", StringComparison.Ordinal)),
        new("SmsStatus", "received"),
        new("Body", body),
        new("To", WebhookTestHost.OurNumber),
        new("NumSegments", "1"),
        new("ReferralNumMedia", "0"),
        new("MessageSid", messageSid),
        new("AccountSid", accountSid),
        new("From", from),
        new("ApiVersion", "2010-04-01"),
        new("ChannelMetadata", """{"type":"whatsapp","data":{"context":{"ProfileName":"Siti","WaId":"6281234567890"}}}"""),
    ];

    internal static string NewSid(string prefix = "SM") => prefix + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_correctly_signed_message_is_stored_once_and_answered_with_empty_twiml()
    {
        var sid = NewSid();
        var form = TwilioForm(sid);

        var response = await Host.PostAsync(Path, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(WhatsAppEndpoints.EmptyTwiml, await response.Content.ReadAsStringAsync());

        var row = Assert.Single(await RowsAsync(sid));
        Assert.Equal(ChannelKind.WhatsApp, row.Channel);
        Assert.Equal("+6281234567890", row.From);
        Assert.Equal("whatsapp:+14155238886", row.To);
        Assert.Equal("halo", row.Body);
        Assert.Equal("Siti", row.SenderName);
        Assert.Null(row.Attachments);
        Assert.NotNull(row.OfficeId); // the office answering on our number

        using var payload = JsonDocument.Parse(row.Payload!);
        foreach (var (key, value) in form)
        {
            Assert.Equal(value, payload.RootElement.GetProperty(key).GetString());
        }

        Assert.Equal(JsonValueKind.Array, payload.RootElement.GetProperty("media").ValueKind);
        Assert.Equal(0, payload.RootElement.GetProperty("media").GetArrayLength());
    }

    [Fact]
    public async Task The_same_MessageSid_twice_is_answered_both_times_and_stored_once()
    {
        var sid = NewSid();

        var first = await Host.PostAsync(Path, TwilioForm(sid));
        var second = await Host.PostAsync(Path, TwilioForm(sid));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(WhatsAppEndpoints.EmptyTwiml, await second.Content.ReadAsStringAsync());
        Assert.Single(await RowsAsync(sid));
    }

    [Fact]
    public async Task A_tampered_body_is_refused_and_nothing_is_stored()
    {
        var sid = NewSid();
        var signed = TwilioForm(sid, "halo");
        var signature = TwilioSignature.Compute(WebhookTestHost.AuthToken, Host.LocalUrl(Path), signed);

        var response = await Host.PostAsync(Path, TwilioForm(sid, "transfer semua"), signature: signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await RowsAsync(sid));
    }

    [Fact]
    public async Task A_missing_or_empty_signature_is_refused_and_nothing_is_stored()
    {
        var sid = NewSid();

        var missing = await Host.PostAsync(Path, TwilioForm(sid), sign: false);
        var empty = await Host.PostAsync(Path, TwilioForm(sid), signature: "");

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, empty.StatusCode);
        Assert.Empty(await RowsAsync(sid));
    }

    [Fact]
    public async Task A_signature_made_with_another_token_is_refused()
    {
        var sid = NewSid();

        var response = await Host.PostAsync(Path, TwilioForm(sid), token: "someone-elses-token");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await RowsAsync(sid));
    }

    [Fact]
    public async Task A_correctly_signed_message_for_another_account_is_refused()
    {
        var sid = NewSid();

        var response = await Host.PostAsync(Path, TwilioForm(sid, accountSid: "AC" + new string('f', 32)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await RowsAsync(sid));
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413()
    {
        var sid = NewSid();

        var response = await Host.PostAsync(Path, TwilioForm(sid, new string('a', 70 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await RowsAsync(sid));
    }

    [Fact]
    public async Task A_chunked_body_over_64_KB_is_refused_with_413_too()
    {
        var sid = NewSid();
        var encoded = await new FormUrlEncodedContent(TwilioForm(sid, new string('a', 70 * 1024))).ReadAsByteArrayAsync();
        using var http = Host.CreateClient();
        // A stream of unknown length is sent chunked, without Content-Length.
        using var content = new StreamContent(new NonSeekableStream(encoded));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        request.Headers.Add(TwilioSignature.HeaderName, "irrelevant");

        var response = await http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await RowsAsync(sid));
    }

    [Fact]
    public async Task A_form_without_MessageSid_is_a_400()
    {
        var form = TwilioForm(NewSid()).Where(f => f.Key is not ("MessageSid" or "SmsMessageSid" or "SmsSid")).ToList();

        var response = await Host.PostAsync(Path, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_button_reply_and_a_picture_keep_every_field_in_the_payload()
    {
        var sid = NewSid("MM");
        var mediaUrl = $"https://api.twilio.com/2010-04-01/Accounts/{WebhookTestHost.AccountSid}/Messages/{sid}/Media/ME{Guid.NewGuid():N}";
        var form = TwilioForm(sid, body: "")
            .Where(f => f.Key != "NumMedia")
            .Concat(
            [
                new("NumMedia", "1"),
                new("MediaUrl0", mediaUrl),
                new("MediaContentType0", "image/jpeg"),
                new("ButtonPayload", "visit_yes"),
                new("ButtonText", "Ya"),
                new("OriginalRepliedMessageSid", "SM" + new string('0', 32)),
                new("SomeFutureField", "kept"),
            ])
            .ToList();

        var response = await Host.PostAsync(Path, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(await RowsAsync(sid));
        Assert.Equal("visit_yes", row.Body);
        using var payload = JsonDocument.Parse(row.Payload!);
        Assert.Equal("kept", payload.RootElement.GetProperty("SomeFutureField").GetString());
        Assert.Equal("Ya", payload.RootElement.GetProperty("ButtonText").GetString());
        var media = Assert.Single(WhatsAppInbound.ReadMedia(row.Payload));
        Assert.Equal(new WhatsAppMedia(mediaUrl, "image/jpeg"), media);
    }

    [Fact]
    public async Task A_message_the_store_cannot_take_gets_503_so_Twilio_retries()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var sid = NewSid();
        await using (var db = host.Store.CreateDbContext())
        {
            // Every insert now fails, as it would with a broken or unreachable store.
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "InboundMessages" RENAME TO "InboundMessagesAway" """);
        }

        var response = await host.PostAsync(Path, TwilioForm(sid));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);

        await using (var db = host.Store.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "InboundMessagesAway" RENAME TO "InboundMessages" """);
        }

        // Twilio's retry then gets through and the message is stored once.
        var retry = await host.PostAsync(Path, TwilioForm(sid));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(await RowsAsync(host, sid));
    }

    private Task<List<InboundMessage>> RowsAsync(string sid) => RowsAsync(Host, sid);

    internal static async Task<List<InboundMessage>> RowsAsync(WebhookTestHost host, string sid)
    {
        await using var db = host.Store.CreateDbContext();
        return await db.InboundMessages.AsNoTracking()
            .Where(m => m.Channel == ChannelKind.WhatsApp && m.ProviderMessageId == sid)
            .ToListAsync();
    }
}

/// <summary>Signatures over the public URL when the service sits behind a proxy.</summary>
public sealed class WebhookPublicUrlTests
{
    [Fact]
    public async Task With_PublicBaseUrl_a_signature_over_the_public_url_validates_and_one_over_the_local_url_does_not()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.PublicBaseUrl = "https://bot.example.org/");
        const string path = WhatsAppEndpoints.MessagesPath;

        var overLocal = WebhookTests.NewSid();
        var local = await host.PostAsync(path, WebhookTests.TwilioForm(overLocal), signedUrl: host.LocalUrl(path));
        Assert.Equal(HttpStatusCode.Forbidden, local.StatusCode);
        Assert.Empty(await WebhookTests.RowsAsync(host, overLocal));

        var overPublic = WebhookTests.NewSid();
        var ok = await host.PostAsync(path, WebhookTests.TwilioForm(overPublic), signedUrl: "https://bot.example.org/webhooks/whatsapp");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Single(await WebhookTests.RowsAsync(host, overPublic));

        // Twilio sometimes signs with the standard port written out.
        var withPort = WebhookTests.NewSid();
        var ported = await host.PostAsync(path, WebhookTests.TwilioForm(withPort), signedUrl: "https://bot.example.org:443/webhooks/whatsapp");
        Assert.Equal(HttpStatusCode.OK, ported.StatusCode);

        // The query string is part of what is signed.
        var query = WebhookTests.NewSid();
        var withQuery = await host.PostAsync(path + "?office=UPT", WebhookTests.TwilioForm(query),
            signedUrl: "https://bot.example.org/webhooks/whatsapp?office=UPT");
        Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
    }
}

/// <summary>A read-only stream that does not know its length, so HttpClient sends it chunked.</summary>
internal sealed class NonSeekableStream(byte[] content) : Stream
{
    private readonly MemoryStream _inner = new(content);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
