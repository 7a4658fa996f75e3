using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Outbox;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>The WhatsApp sender against a fake Twilio on 127.0.0.1: the request it posts and what it makes of each answer.</summary>
public sealed class SenderTests(SenderTestStore store) : IClassFixture<SenderTestStore>, IAsyncLifetime
{
    private const string Number = "+6281234567890";
    private static long _nextId = 1000;

    private readonly HttpClient _http = TwilioSender.CreateHttpClient();
    private readonly CollectingLogger<TwilioSender> _log = new();
    private FakeTwilioServer _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_is_posted_the_way_Twilio_expects()
    {
        using var sender = Sender(_twilio.Options(publicBaseUrl: "https://bot.example.go.id/"));

        var result = await sender.SendAsync(Reply("Selamat pagi, pendaftaran kunjungan dibuka pukul 08.00 & gratis."), CancellationToken.None);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(new SendResult.Sent(request.Sid), result);
        Assert.StartsWith("SM", request.Sid);
        Assert.Equal(FakeTwilioServer.AccountSid, request.AccountSid);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTwilioServer.AccountSid}:{FakeTwilioServer.AuthToken}")), request.Authorization);
        Assert.Equal("whatsapp:+14155238886", request.From);
        Assert.Equal("whatsapp:" + Number, request.To);
        Assert.Equal("Selamat pagi, pendaftaran kunjungan dibuka pukul 08.00 & gratis.", request.Body);
        Assert.Equal("https://bot.example.go.id/webhooks/whatsapp/status", request.StatusCallback);
        Assert.Null(request.ContentSid);
    }

    [Fact]
    public async Task Without_a_public_url_no_status_callback_is_asked_for()
    {
        using var sender = Sender();

        Assert.IsType<SendResult.Sent>(await sender.SendAsync(Reply("halo"), CancellationToken.None));

        var request = Assert.Single(_twilio.Requests);
        Assert.False(request.Form.ContainsKey("StatusCallback"));
    }

    [Fact]
    public async Task A_body_over_1600_characters_goes_out_as_ordered_parts_and_the_row_keeps_the_last_sid()
    {
        using var sender = Sender();
        var lines = Enumerable.Range(1, 34).Select(i => $"{i:00}. " + new string('x', 45)).ToList(); // 34 lines of 49 + breaks = 1,699
        var body = string.Join('\n', lines);
        Assert.InRange(body.Length, 1650, 1750);

        var result = await sender.SendAsync(Reply(body), CancellationToken.None);

        var requests = _twilio.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.InRange(r.Body!.Length, 1, MessageSplitter.MaxLength));
        Assert.Equal(body, requests[0].Body + "\n" + requests[1].Body);
        Assert.StartsWith("01. ", requests[0].Body);
        Assert.Equal(new SendResult.Sent(requests[1].Sid), result);
    }

    [Fact]
    public async Task A_long_body_resumes_after_the_parts_Twilio_already_accepted()
    {
        using var sender = Sender(resilience: Quick());
        var body = string.Join('\n', Enumerable.Range(1, 3).Select(i => new string((char)('a' + i), 1500)));
        var message = Reply(body);

        _twilio.FailNext(FakeFault.None(), FakeFault.ServerError(), FakeFault.ServerError(), FakeFault.ServerError());
        var first = await sender.SendAsync(message, CancellationToken.None);
        Assert.IsType<SendResult.Transient>(first);

        var second = await sender.SendAsync(message, CancellationToken.None);

        var accepted = _twilio.Accepted;
        Assert.Equal(["b", "c", "d"], accepted.Select(r => r.Body![..1]));
        Assert.Equal(new SendResult.Sent(accepted[^1].Sid), second);
    }

    [Fact]
    public async Task A_server_error_is_retried_inside_the_send_and_the_message_goes_out_once()
    {
        using var sender = Sender();
        _twilio.FailNext(1, FakeFault.ServerError());

        var result = await sender.SendAsync(Reply("sekali saja"), CancellationToken.None);

        Assert.Equal([500, 201], _twilio.Requests.Select(r => r.Status));
        Assert.Equal(new SendResult.Sent(Assert.Single(_twilio.Accepted).Sid), result);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_inside_the_send()
    {
        using var sender = Sender();
        _twilio.FailNext(2, FakeFault.Unavailable());

        var result = await sender.SendAsync(Reply("coba lagi"), CancellationToken.None);

        Assert.Equal([503, 503, 201], _twilio.Requests.Select(r => r.Status));
        Assert.IsType<SendResult.Sent>(result);
    }

    [Fact]
    public async Task Server_errors_beyond_the_quick_retries_are_left_to_the_outbox()
    {
        using var sender = Sender(resilience: Quick());
        _twilio.FailNext(3, FakeFault.ServerError());

        var result = await sender.SendAsync(Reply("nanti"), CancellationToken.None);

        Assert.Equal(3, _twilio.Requests.Count);
        Assert.Equal("http_500 (HTTP 500, code 20500)", Assert.IsType<SendResult.Transient>(result).Reason);
    }

    [Fact]
    public async Task Too_many_requests_with_a_short_Retry_After_waits_that_long_then_sends()
    {
        using var sender = Sender();
        _twilio.FailNext(1, FakeFault.TooManyRequests("1"));

        var result = await sender.SendAsync(Reply("sabar"), CancellationToken.None);

        var requests = _twilio.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.Status));
        Assert.InRange(requests[1].ArrivedAt - requests[0].ArrivedAt, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
        Assert.IsType<SendResult.Sent>(result);
    }

    [Fact]
    public async Task Too_many_requests_with_a_long_Retry_After_is_left_to_the_outbox_with_that_delay()
    {
        using var sender = Sender();
        _twilio.FailNext(1, FakeFault.TooManyRequests("30"));
        var clock = Stopwatch.StartNew();

        var result = await sender.SendAsync(Reply("nanti saja"), CancellationToken.None);

        Assert.Single(_twilio.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var transient = Assert.IsType<SendResult.Transient>(result);
        Assert.Equal(TimeSpan.FromSeconds(30), transient.RetryAfter);
        Assert.StartsWith("rate_limited", transient.Reason);
    }

    [Fact]
    public async Task An_invalid_number_is_rejected_with_Twilios_code_and_message_after_one_request()
    {
        using var sender = Sender();
        _twilio.AlwaysFor("+6281999000111", FakeFault.InvalidTo());

        var result = await sender.SendAsync(Reply("halo", to: "+6281999000111"), CancellationToken.None);

        Assert.Single(_twilio.Requests);
        Assert.Equal(new SendResult.Rejected("21211", "The 'To' number is not a valid phone number."), result);
    }

    [Fact]
    public async Task Wrong_credentials_are_rejected_as_authentication_failed()
    {
        var options = _twilio.Options();
        options.AuthToken = "wrong";
        using var sender = Sender(options);

        var result = await sender.SendAsync(Reply("halo"), CancellationToken.None);

        Assert.Equal(401, Assert.Single(_twilio.Requests).Status);
        Assert.Equal("20003", Assert.IsType<SendResult.Rejected>(result).Code);
    }

    [Fact]
    public async Task A_timeout_is_transient_and_not_retried_inside_the_send()
    {
        using var sender = Sender(resilience: Quick());
        _twilio.FailNext(1, FakeFault.Slow(TimeSpan.FromSeconds(3)));

        var result = await sender.SendAsync(Reply("lambat"), CancellationToken.None);

        Assert.Equal(new SendResult.Transient("timeout"), result);
        await WaitForAsync(() => _twilio.Requests.Count == 1);
        Assert.Empty(_twilio.Accepted);
    }

    [Fact]
    public async Task A_timeout_after_Twilio_took_the_message_is_still_transient_so_the_retry_may_duplicate_it()
    {
        // The documented trade-off: Twilio's Messages API has no idempotency key, and an answer that never
        // came cannot tell "accepted" from "not accepted". The outbox retries; the person may get it twice.
        using var sender = Sender(resilience: Quick());
        _twilio.FailNext(1, FakeFault.Slow(TimeSpan.FromSeconds(3), acceptEvenIfAbandoned: true));
        var message = Reply("mungkin dua kali");

        Assert.Equal(new SendResult.Transient("timeout"), await sender.SendAsync(message, CancellationToken.None));
        Assert.IsType<SendResult.Sent>(await sender.SendAsync(message, CancellationToken.None));

        await WaitForAsync(() => _twilio.Accepted.Count == 2);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_quickly_then_left_to_the_outbox()
    {
        var options = _twilio.Options();
        options.ApiBaseUrl = $"http://127.0.0.1:{ClosedPort()}";
        using var sender = Sender(options, Quick());

        var result = await sender.SendAsync(Reply("tidak tersambung"), CancellationToken.None);

        Assert.Equal(new SendResult.Transient("connection_failed"), result);
        Assert.Contains(_log.Lines, l => l.Contains("connection_failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proactive_message_inside_the_window_is_free_form()
    {
        using var sender = Sender(WithTemplates());

        var result = await sender.SendAsync(await MessageAsync(TimeSpan.FromHours(23), OutboundKind.Proactive, "Besok jadwal kunjungan Anda.", "visit_reminder"), CancellationToken.None);

        Assert.IsType<SendResult.Sent>(result);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal("Besok jadwal kunjungan Anda.", request.Body);
        Assert.Null(request.ContentSid);
    }

    [Fact]
    public async Task Outside_the_window_a_proactive_message_goes_out_as_the_topics_template()
    {
        using var sender = Sender(WithTemplates());
        const string text = "Jadwal \"kunjungan\" Anda: Senin, 09.00 — bawa KTP.\nTerima kasih 🙏";

        var result = await sender.SendAsync(await MessageAsync(TimeSpan.FromHours(25), OutboundKind.Proactive, text, "visit_reminder"), CancellationToken.None);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(new SendResult.Sent(request.Sid), result);
        Assert.Equal("HX11111111111111111111111111111111", request.ContentSid);
        Assert.False(request.Form.ContainsKey("Body"));
        var variables = JsonSerializer.Deserialize<Dictionary<string, string>>(request.ContentVariables!)!;
        Assert.Equal(new Dictionary<string, string> { ["1"] = text }, variables);
    }

    [Fact]
    public async Task Outside_the_window_an_officer_message_without_its_own_template_uses_the_default_one()
    {
        using var sender = Sender(WithTemplates());

        await sender.SendAsync(await MessageAsync(TimeSpan.FromHours(72), OutboundKind.Officer, "Petugas membalas pesan Anda.", topic: null), CancellationToken.None);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal("HX00000000000000000000000000000000", request.ContentSid);
        Assert.Equal("{\"1\":\"Petugas membalas pesan Anda.\"}", request.ContentVariables);
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_the_message_is_held_and_nothing_is_sent()
    {
        using var sender = Sender();

        var result = await sender.SendAsync(await MessageAsync(TimeSpan.FromHours(30), OutboundKind.Proactive, "Pengingat", "visit_reminder"), CancellationToken.None);

        Assert.Equal(new SendResult.NeedsTemplate("outside the 24-hour window and no template for topic visit_reminder"), result);
        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task A_reply_is_free_form_even_when_the_window_looks_closed()
    {
        using var sender = Sender(WithTemplates());

        await sender.SendAsync(await MessageAsync(TimeSpan.FromHours(48), OutboundKind.Reply, "Jawaban", topic: null), CancellationToken.None);

        Assert.Equal("Jawaban", Assert.Single(_twilio.Requests).Body);
    }

    [Fact]
    public async Task When_Twilio_says_the_window_is_closed_the_template_is_sent_instead()
    {
        using var sender = Sender(WithTemplates());
        _twilio.FailNext(1, FakeFault.OutsideWindow());

        var result = await sender.SendAsync(Reply("Jawaban yang terlambat"), CancellationToken.None);

        var requests = _twilio.Requests;
        Assert.Equal([400, 201], requests.Select(r => r.Status));
        Assert.Equal("HX00000000000000000000000000000000", requests[1].ContentSid);
        Assert.Equal(new SendResult.Sent(requests[1].Sid), result);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_fails_fast_without_calling_Twilio()
    {
        using var sender = Sender(resilience: new TwilioResilienceOptions { MaxRetries = 0, MinimumThroughput = 4, BreakDuration = TimeSpan.FromSeconds(30) });
        _twilio.FailNext(10, FakeFault.ServerError());

        for (var i = 0; i < 4; i++)
        {
            Assert.StartsWith("http_500", Assert.IsType<SendResult.Transient>(await sender.SendAsync(Reply($"gagal {i}"), CancellationToken.None)).Reason);
        }

        var clock = Stopwatch.StartNew();
        var results = new List<SendResult>();
        for (var i = 0; i < 20; i++)
        {
            results.Add(await sender.SendAsync(Reply($"cepat {i}"), CancellationToken.None));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"20 sends with the circuit open took {clock.Elapsed}");
        Assert.All(results, r => Assert.Equal("circuit_open", Assert.IsType<SendResult.Transient>(r).Reason));
        Assert.Equal(4, _twilio.Requests.Count);
    }

    [Fact]
    public async Task Logs_never_show_the_number_the_text_or_the_auth_token()
    {
        using var sender = Sender(resilience: Quick());
        _twilio.AlwaysFor("+6281999000222", FakeFault.InvalidTo());
        _twilio.FailNext(FakeFault.ServerError(), FakeFault.Slow(TimeSpan.FromSeconds(2)));

        await sender.SendAsync(Reply("rahasia pertama"), CancellationToken.None);
        await sender.SendAsync(Reply("rahasia kedua", to: "+6281999000222"), CancellationToken.None);
        await sender.SendAsync(await MessageAsync(TimeSpan.FromHours(48), OutboundKind.Proactive, "rahasia ketiga", "x"), CancellationToken.None);

        Assert.NotEmpty(_log.Lines);
        Assert.All(_log.Lines, line =>
        {
            Assert.DoesNotContain("+62", line, StringComparison.Ordinal);
            Assert.DoesNotContain("6281", line, StringComparison.Ordinal);
            Assert.DoesNotContain("rahasia", line, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeTwilioServer.AuthToken, line, StringComparison.Ordinal);
        });
    }

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    /// <summary>Short timeouts and retry delays, so the fault tests stay fast.</summary>
    private static TwilioResilienceOptions Quick() => new() { AttemptTimeout = TimeSpan.FromMilliseconds(400), FirstRetryDelay = TimeSpan.FromMilliseconds(20) };

    private TwilioSender Sender(TwilioOptions? options = null, TwilioResilienceOptions? resilience = null) =>
        new(_http, options ?? _twilio.Options(), store.Factory, TimeProvider.System, _log, resilience);

    private TwilioOptions WithTemplates()
    {
        var options = _twilio.Options();
        options.Templates["visit_reminder"] = new WhatsAppTemplate { ContentSid = "HX11111111111111111111111111111111" };
        options.Templates["default"] = new WhatsAppTemplate { ContentSid = "HX00000000000000000000000000000000" };
        return options;
    }

    private static OutboundMessage Reply(string body, string to = Number) => new()
    {
        Id = Interlocked.Increment(ref _nextId),
        ConversationId = -1,
        Channel = ChannelKind.WhatsApp,
        To = to,
        Body = body,
        Kind = OutboundKind.Reply,
    };

    /// <summary>A message to a new conversation whose person last wrote <paramref name="lastWroteAgo"/> ago.</summary>
    private async Task<OutboundMessage> MessageAsync(TimeSpan lastWroteAgo, OutboundKind kind, string body, string? topic)
    {
        var id = Interlocked.Increment(ref _nextId);
        var number = $"+6281255{id:000000}";
        return new OutboundMessage
        {
            Id = id,
            ConversationId = await store.AddConversationAsync(number, Now - lastWroteAgo),
            Channel = ChannelKind.WhatsApp,
            To = number,
            Body = body,
            Kind = kind,
            Topic = topic,
        };
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "condition not met in 5 s");
            await Task.Delay(20);
        }
    }
}
