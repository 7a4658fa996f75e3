using System.Net;
using ChatBot.Channels.Outbox;
using ChatBot.Channels.WhatsApp;
using Polly;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>What each of Twilio's answers becomes for the outbox, and which ones are retried inside a send.</summary>
public sealed class SenderErrorClassificationTests
{
    private static readonly TwilioResilienceOptions Defaults = new();

    [Theory]
    [InlineData(400, 21211)]
    [InlineData(400, 21610)]
    [InlineData(400, 21614)]
    [InlineData(400, 63016)]
    [InlineData(401, 20003)]
    [InlineData(403, 21408)]
    [InlineData(400, 63007)]
    [InlineData(400, 21606)]
    [InlineData(400, 21617)]
    [InlineData(404, 20404)]
    [InlineData(400, 12345)]
    public void Refusals_for_good_keep_Twilios_code_and_message(int status, int code)
    {
        var result = TwilioErrors.Classify(Error(status, code, "Twilio says no"));

        Assert.Equal(new SendResult.Rejected(code.ToString(System.Globalization.CultureInfo.InvariantCulture), "Twilio says no"), result);
        Assert.False(TwilioResilience.IsSafeToRetry(Outcome.FromResult(Error(status, code, "")), Defaults));
    }

    [Fact]
    public void A_4xx_without_Twilios_json_is_rejected_with_the_status()
    {
        var result = TwilioErrors.Classify(TwilioReply.Parse(403, "<html>Forbidden</html>", null));

        Assert.Equal(new SendResult.Rejected("http_403", "Twilio answered HTTP 403."), result);
    }

    [Fact]
    public void A_known_code_without_a_message_gets_a_plain_explanation()
    {
        var result = Assert.IsType<SendResult.Rejected>(TwilioErrors.Classify(TwilioReply.Parse(400, """{"code":21610,"status":400}""", null)));

        Assert.Equal("21610", result.Code);
        Assert.Contains("unsubscribed", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, 20500, true)]
    [InlineData(502, null, false)]
    [InlineData(503, 20503, true)]
    [InlineData(504, null, false)]
    [InlineData(429, 20429, true)]
    [InlineData(400, 20429, true)]
    public void Server_errors_and_rate_limits_are_transient_and_only_the_unambiguous_ones_are_retried_inside(int status, int? code, bool quickRetry)
    {
        var reply = Error(status, code, "busy");

        Assert.IsType<SendResult.Transient>(TwilioErrors.Classify(reply));
        Assert.Equal(quickRetry, TwilioResilience.IsSafeToRetry(Outcome.FromResult(reply), Defaults));
        Assert.True(TwilioResilience.IsFailure(Outcome.FromResult(reply)));
    }

    [Fact]
    public void A_Retry_After_beyond_five_seconds_is_left_to_the_outbox()
    {
        var soon = Error(429, 20429, "slow down") with { RetryAfter = TimeSpan.FromSeconds(5) };
        var late = soon with { RetryAfter = TimeSpan.FromSeconds(6) };

        Assert.True(TwilioResilience.IsSafeToRetry(Outcome.FromResult(soon), Defaults));
        Assert.False(TwilioResilience.IsSafeToRetry(Outcome.FromResult(late), Defaults));
        Assert.Equal(TimeSpan.FromSeconds(6), Assert.IsType<SendResult.Transient>(TwilioErrors.Classify(late)).RetryAfter);
    }

    [Fact]
    public void Only_a_request_that_never_left_is_retried_after_a_network_failure()
    {
        var notSent = new TwilioNotSentException("connection_failed", new HttpRequestException("refused"));

        Assert.True(TwilioResilience.IsSafeToRetry(Outcome.FromException<TwilioReply>(notSent), Defaults));
        Assert.False(TwilioResilience.IsSafeToRetry(Outcome.FromException<TwilioReply>(new HttpRequestException("reset")), Defaults));
        Assert.False(TwilioResilience.IsSafeToRetry(Outcome.FromException<TwilioReply>(new Polly.Timeout.TimeoutRejectedException()), Defaults));
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "30");
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.TryAddWithoutValidation("Retry-After", "Sun, 22 Nov 2026 03:00:45 GMT");
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.TryAddWithoutValidation("Retry-After", "Sun, 22 Nov 2026 02:00:00 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(30), TwilioErrors.ReadRetryAfter(seconds.Headers, now));
        Assert.Equal(TimeSpan.FromSeconds(45), TwilioErrors.ReadRetryAfter(date.Headers, now));
        Assert.Equal(TimeSpan.Zero, TwilioErrors.ReadRetryAfter(past.Headers, now));
        Assert.Null(TwilioErrors.ReadRetryAfter(none.Headers, now));
    }

    [Fact]
    public void A_created_answer_gives_the_message_sid()
    {
        var reply = TwilioReply.Parse(201, """{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued","error_code":null}""", null);

        Assert.Equal(new SendResult.Sent("SM0123456789abcdef0123456789abcdef"), TwilioErrors.Classify(reply));
    }

    private static TwilioReply Error(int status, int? code, string message) =>
        TwilioReply.Parse(status, $$"""{"code":{{(code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""", null);
}
