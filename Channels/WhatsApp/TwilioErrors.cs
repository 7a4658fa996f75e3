using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatBot.Channels.Outbox;

namespace ChatBot.Channels.WhatsApp;

/// <summary>What Twilio answered to one <c>POST …/Messages.json</c>, read from its JSON.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Sid">The message SID (<c>SM…</c>) when Twilio accepted the message.</param>
/// <param name="Code">Twilio's error code (<c>21211</c>, <c>20429</c>, …) when it refused it.</param>
/// <param name="Message">Twilio's error message.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header, when present and readable.</param>
public sealed record TwilioReply(int Status, string? Sid, int? Code, string? Message, TimeSpan? RetryAfter)
{
    public bool IsAccepted => Status is >= 200 and < 300;

    /// <summary>Twilio's answer to "slow down": HTTP 429 or error 20429.</summary>
    public bool IsRateLimited => Status == 429 || Code == 20429;

    /// <summary>
    /// Reads a response body (Twilio's JSON: <c>sid</c> on success; <c>code</c>, <c>message</c>,
    /// <c>more_info</c>, <c>status</c> on failure). A body that is not JSON (a proxy's error page)
    /// gives an answer with only the status.
    /// </summary>
    public static TwilioReply Parse(int status, string? body, TimeSpan? retryAfter)
    {
        string? sid = null, message = null;
        int? code = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    var root = json.RootElement;
                    sid = root.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                    message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    if (root.TryGetProperty("code", out var c))
                    {
                        code = c.ValueKind switch
                        {
                            JsonValueKind.Number when c.TryGetInt32(out var n) => n,
                            JsonValueKind.String when int.TryParse(c.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                            _ => null,
                        };
                    }
                }
            }
            catch (JsonException)
            {
                // Not Twilio's JSON: the status alone decides.
            }
        }

        return new TwilioReply(status, sid, code, message, retryAfter);
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
