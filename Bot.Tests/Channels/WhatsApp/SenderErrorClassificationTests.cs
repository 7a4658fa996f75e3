using System.Globalization;
using System.Net;
using ChatBot.Channels.Outbox;
using ChatBot.Channels.WhatsApp;
using Polly;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// What each of Twilio's answers becomes for the outbox, and which ones are retried inside a send. Answers go
/// through Twilio's own client (its parsing and exceptions) over a transport that returns them as written.
/// </summary>
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
    public async Task Refusals_for_good_keep_Twilios_code_and_message(int status, int code)
    {
        var reply = await ErrorAsync(status, code, "Twilio says no");

        Assert.Equal(new SendResult.Rejected(code.ToString(CultureInfo.InvariantCulture), "Twilio says no"), TwilioErrors.Classify(reply));
        Assert.Equal($"https://www.twilio.com/docs/errors/{code}", reply.MoreInfo);
        Assert.False(TwilioResilience.IsSafeToRetry(Outcome.FromResult(reply), Defaults));
    }

    [Fact]
    public async Task A_4xx_without_Twilios_json_is_rejected_with_the_status()
    {
        var result = TwilioErrors.Classify(await AnswerAsync(HttpStatusCode.Forbidden, "<html>Forbidden</html>"));

        Assert.Equal(new SendResult.Rejected("http_403", "Twilio answered HTTP 403."), result);
    }

    [Fact]
    public async Task A_known_code_without_a_message_gets_a_plain_explanation()
    {
        var result = Assert.IsType<SendResult.Rejected>(TwilioErrors.Classify(await AnswerAsync(HttpStatusCode.BadRequest, """{"code":21610,"status":400}""")));

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
    public async Task Server_errors_and_rate_limits_are_transient_and_only_the_unambiguous_ones_are_retried_inside(int status, int? code, bool quickRetry)
    {
        var reply = await ErrorAsync(status, code, "busy");

        Assert.IsType<SendResult.Transient>(TwilioErrors.Classify(reply));
        Assert.Equal(quickRetry, TwilioResilience.IsSafeToRetry(Outcome.FromResult(reply), Defaults));
        Assert.True(TwilioResilience.IsFailure(Outcome.FromResult(reply)));
    }

    [Fact]
    public async Task A_Retry_After_beyond_five_seconds_is_left_to_the_outbox()
    {
        var soon = await ErrorAsync(429, 20429, "slow down", retryAfter: "5");
        var late = await ErrorAsync(429, 20429, "slow down", retryAfter: "6");

        Assert.Equal(TimeSpan.FromSeconds(5), soon.RetryAfter);

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
    public async Task A_created_answer_gives_the_message_sid()
    {
        var reply = await AnswerAsync(HttpStatusCode.Created, """{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued","error_code":null}""");

        Assert.Equal(new SendResult.Sent("SM0123456789abcdef0123456789abcdef"), TwilioErrors.Classify(reply));
    }

    [Fact]
    public async Task A_redirect_is_not_taken_for_a_sent_message()
    {
        var result = TwilioErrors.Classify(await AnswerAsync(HttpStatusCode.Found, ""));

        Assert.Equal(new SendResult.Rejected("http_302", "Twilio answered HTTP 302."), result);
    }

    private static Task<TwilioReply> ErrorAsync(int status, int? code, string message, string? retryAfter = null) =>
        AnswerAsync(
            (HttpStatusCode)status,
            $$"""{"code":{{(code?.ToString(CultureInfo.InvariantCulture) ?? "null")}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""",
            retryAfter);

    /// <summary>What the sender makes of Twilio answering <paramref name="status"/> with <paramref name="body"/>.</summary>
    private static Task<TwilioReply> AnswerAsync(HttpStatusCode status, string body, string? retryAfter = null)
    {
        var client = new TwilioRestClient("AC0123456789abcdef0123456789abcdef", "token", httpClient: new CannedAnswer(status, body, retryAfter));
        var create = new CreateMessageOptions(new PhoneNumber("whatsapp:+6281234567890")) { From = new PhoneNumber("whatsapp:+14155238886"), Body = "halo" };
        return TwilioReply.CreateMessageAsync(create, client, TimeProvider.System);
    }

    /// <summary>A Twilio HTTP client that answers every request the same, without a network.</summary>
    private sealed class CannedAnswer(HttpStatusCode status, string body, string? retryAfter) : Twilio.Http.HttpClient
    {
        public override Response MakeRequest(Request request) => throw new NotSupportedException();

        public override Task<Response> MakeRequestAsync(Request request)
        {
            using var message = new HttpResponseMessage(status);
            if (retryAfter is not null)
            {
                message.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            LastRequest = request;
            LastResponse = new Response(status, body, message.Headers);
            return Task.FromResult(LastResponse);
        }
    }
}
