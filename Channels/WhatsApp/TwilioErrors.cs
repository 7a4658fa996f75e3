using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using ChatBot.Channels.Outbox;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace ChatBot.Channels.WhatsApp;

/// <summary>What Twilio answered to one <c>POST …/Messages.json</c>.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Sid">The message SID (<c>SM…</c>) when Twilio accepted the message.</param>
/// <param name="Code">Twilio's error code (<c>21211</c>, <c>20429</c>, …) when it refused it.</param>
/// <param name="Message">Twilio's error message.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header, when present and readable.</param>
/// <param name="MoreInfo">Twilio's page about the error code.</param>
public sealed record TwilioReply(int Status, string? Sid, int? Code, string? Message, TimeSpan? RetryAfter, string? MoreInfo = null)
{
    public bool IsAccepted => Status is >= 200 and < 300;

    /// <summary>Twilio's answer to "slow down": HTTP 429 or error 20429.</summary>
    public bool IsRateLimited => Status == 429 || Code == 20429;

    /// <summary>
    /// Sends one message with Twilio's library (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>)
    /// and reads its answer: the SID, or the code and message of Twilio's <see cref="ApiException"/>.
    /// </summary>
    /// <remarks>
    /// The HTTP status and <c>Retry-After</c> come from the client's <see cref="Twilio.Http.HttpClient.LastResponse"/>: the
    /// exception carries no headers, and no status when the body was not Twilio's JSON (a proxy's error page).
    /// Whatever the transport threw (a timeout, a lost connection, <see cref="TwilioNotSentException"/>) is thrown
    /// as it was, not wrapped in the library's <see cref="ApiConnectionException"/>, for the resilience pipeline.
    /// </remarks>
    public static async Task<TwilioReply> CreateMessageAsync(CreateMessageOptions options, ITwilioRestClient client, TimeProvider time)
    {
        try
        {
            var message = await MessageResource.CreateAsync(options, client);
            return Answered(client, time, message?.Sid, null, null, null);
        }
        catch (ApiConnectionException ex) when (ex.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        catch (ApiException ex)
        {
            // Without a message of Twilio's the library writes its own: "Unable to make request, BadRequest"
            // for Twilio's JSON without one, "Api Error: …" (and no status) for a body that is not Twilio's.
            var own = ex.Status == 0 || ex.Message == "Unable to make request, " + (HttpStatusCode)ex.Status;
            return Answered(client, time, null, ex.Code, own ? null : ex.Message, ex.MoreInfo);
        }
        catch (ApiStandardException ex)
        {
            return Answered(client, time, null, ex.Code, ex.Detail ?? ex.Title, ex.Type);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // An answer below 400 whose body is not a message: the status decides (a 2xx is accepted, SID unknown).
            return Answered(client, time, null, null, null, null);
        }
    }

    private static TwilioReply Answered(ITwilioRestClient client, TimeProvider time, string? sid, int? code, string? message, string? moreInfo)
    {
        var response = client.HttpClient.LastResponse
            ?? throw new InvalidOperationException("The Twilio HTTP client must keep its last response.");
        var retryAfter = response.Headers is { } headers ? TwilioErrors.ReadRetryAfter(headers, time.GetUtcNow()) : null;
        return new TwilioReply((int)response.StatusCode, sid, code is 0 ? null : code, message, retryAfter, moreInfo);
    }
}

/// <summary>
/// Sorts Twilio's answers into what the outbox does with them: sent, retry later, or refused for good.
/// </summary>
/// <remarks>
/// Codes from https://www.twilio.com/docs/api/errors. A refusal for good is never retried: sending the
/// same request again gets the same answer. Server errors and "too many requests" are retried; the
/// <c>Retry-After</c> header, when Twilio sends one, says when.
/// </remarks>
public static class TwilioErrors
{
    /// <summary>Codes that mean this message will never go out as it is.</summary>
    public static readonly IReadOnlyDictionary<int, string> Permanent = new Dictionary<int, string>
    {
        [20003] = "Authentication failed: check Channels:WhatsApp:AccountSid and AuthToken.",
        [20404] = "The Twilio resource was not found (wrong account SID?).",
        [21211] = "Invalid 'To' phone number.",
        [21408] = "Permission to send to this region is not enabled.",
        [21606] = "The 'From' number is not a valid sender for this account.",
        [21610] = "The recipient has unsubscribed (replied STOP).",
        [21614] = "'To' is not a mobile number.",
        [21617] = "The message body is longer than 1,600 characters.",
        [63007] = "The WhatsApp sender (From) was not found for this account.",
        [63016] = "Outside the 24-hour window: only a template may be sent.",
    };

    /// <summary>The code for "outside the 24-hour window, free-form message not allowed".</summary>
    public const string OutsideWindow = "63016";

    /// <summary>Turns Twilio's answer into the outbox's outcome.</summary>
    public static SendResult Classify(TwilioReply reply)
    {
        if (reply.IsAccepted)
        {
            return new SendResult.Sent(reply.Sid);
        }

        if (reply.IsRateLimited)
        {
            return new SendResult.Transient(Describe("rate_limited", reply), reply.RetryAfter);
        }

        if (reply.Status >= 500 || reply.Status == 408 || reply.Code == 20503)
        {
            return new SendResult.Transient(Describe($"http_{reply.Status}", reply), reply.RetryAfter);
        }

        // Every other 4xx: Twilio looked at the request and refused it; sending it again changes nothing.
        var code = reply.Code?.ToString(CultureInfo.InvariantCulture) ?? $"http_{reply.Status}";
        var message = reply.Message
            ?? (reply.Code is { } known && Permanent.TryGetValue(known, out var text) ? text : $"Twilio answered HTTP {reply.Status}.");
        return new SendResult.Rejected(code, message);
    }

    /// <summary>
    /// Reads <c>Retry-After</c>: delay seconds or an HTTP date (then relative to <paramref name="now"/>).
    /// Null when absent; never negative.
    /// </summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Describe(string what, TwilioReply reply) =>
        reply.Code is { } code ? $"{what} (HTTP {reply.Status}, code {code})" : $"{what} (HTTP {reply.Status})";
}
