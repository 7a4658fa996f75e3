using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatBot.Channels.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Support;

/// <summary>One request the fake received, and what it answered.</summary>
/// <param name="Sequence">Arrival order, from 1.</param>
/// <param name="AccountSid">The account SID in the URL.</param>
/// <param name="Form">The form fields as posted.</param>
/// <param name="Authorization">The Authorization header as sent.</param>
/// <param name="ArrivedAt">When the request arrived, since the server started (a monotonic clock).</param>
/// <param name="Status">The HTTP status answered (499 when the client hung up before the answer).</param>
/// <param name="Sid">The message SID, when the message was accepted (even if the client never saw the answer).</param>
/// <param name="Code">The Twilio error code answered, if any.</param>
/// <param name="MediaStatus">When the message had a <c>MediaUrl</c>: the HTTP status the fake got fetching it, as Twilio would.</param>
/// <param name="MediaBytes">The file fetched from the <c>MediaUrl</c> (on a 200).</param>
/// <param name="MediaContentType">Its content type.</param>
public sealed record FakeTwilioRequest(
    int Sequence,
    string AccountSid,
    IReadOnlyDictionary<string, string> Form,
    string? Authorization,
    TimeSpan ArrivedAt,
    int Status,
    string? Sid,
    int? Code,
    int? MediaStatus = null,
    byte[]? MediaBytes = null,
    string? MediaContentType = null)
{
    public string? MediaUrl => Form.GetValueOrDefault("MediaUrl");

    public bool Accepted => Sid is not null;

    public string? To => Form.GetValueOrDefault("To");

    public string? From => Form.GetValueOrDefault("From");

    public string? Body => Form.GetValueOrDefault("Body");

    public string? ContentSid => Form.GetValueOrDefault("ContentSid");

    public string? ContentVariables => Form.GetValueOrDefault("ContentVariables");

    public string? StatusCallback => Form.GetValueOrDefault("StatusCallback");
}

/// <summary>How the fake answers a request instead of accepting it.</summary>
/// <param name="Status">HTTP status (0: accept, after <paramref name="Delay"/>).</param>
/// <param name="Code">Twilio error code in the JSON body.</param>
/// <param name="Message">Twilio error message.</param>
/// <param name="RetryAfter">The Retry-After header, as written (seconds or an HTTP date).</param>
/// <param name="Delay">Wait before answering (to outlast the client's timeout).</param>
/// <param name="AcceptEvenIfAbandoned">After a delay: whether the message counts as accepted when the client hung up
/// (a real Twilio may have taken it) or not.</param>
public sealed record FakeFault(
    int Status,
    int? Code = null,
    string? Message = null,
    string? RetryAfter = null,
    TimeSpan Delay = default,
    bool AcceptEvenIfAbandoned = false)
{
    /// <summary>No fault: the request is accepted (a placeholder in a script of faults).</summary>
    public static FakeFault None() => new(0);

    public static FakeFault ServerError() => new(500, 20500, "Internal Server Error");

    public static FakeFault Unavailable() => new(503, 20503, "Service Unavailable");

    public static FakeFault TooManyRequests(string? retryAfter) => new(429, 20429, "Too Many Requests", retryAfter);

    public static FakeFault InvalidTo() => new(400, 21211, "The 'To' number is not a valid phone number.");

    public static FakeFault Unsubscribed() => new(400, 21610, "Attempt to send to unsubscribed recipient");

    public static FakeFault OutsideWindow() => new(400, 63016,
        "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.");

    /// <summary>Answers (201) only after <paramref name="delay"/>, unless the client hangs up first.</summary>
    /// <remarks>Make <paramref name="delay"/> far longer than the client's timeout: a stalled test process
    /// can wake with both overdue, and the fake may then finish waiting (and accept) before it notices
    /// the hang-up. The wait ends at the hang-up, so a long delay costs nothing.</remarks>
    public static FakeFault Slow(TimeSpan delay, bool acceptEvenIfAbandoned = false) => new(0, Delay: delay, AcceptEvenIfAbandoned: acceptEvenIfAbandoned);
}

/// <summary>
/// Twilio's Messages API as far as the WhatsApp sender uses it, on real Kestrel at 127.0.0.1 (a random
/// port): <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>, HTTP Basic auth, form fields, JSON answers
/// shaped like Twilio's. Every request is recorded with its arrival time. Faults can be scripted for the
/// next requests (<see cref="FailNext(int, FakeFault)"/>) or for a number, always (<see cref="AlwaysFor"/>).
/// </summary>
public sealed partial class FakeTwilioServer : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    public const string AuthToken = "fake-auth-token-4f1c9b";

    public const string From = "whatsapp:+14155238886";

    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly List<FakeTwilioRequest> _requests = [];
    private readonly Queue<FakeFault> _faults = new();
    private readonly Dictionary<string, FakeFault> _byNumber = new(StringComparer.Ordinal);
    private int _sequence;

    private FakeTwilioServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeTwilioRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests.OrderBy(r => r.Sequence)];
            }
        }
    }

    /// <summary>The requests whose message was accepted, in arrival order.</summary>
    public IReadOnlyList<FakeTwilioRequest> Accepted => [.. Requests.Where(r => r.Accepted)];

    public static async Task<FakeTwilioServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeTwilioServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>Settings for a sender that talks to this fake.</summary>
    public TwilioOptions Options(int maxSendsPerSecond = 80, string publicBaseUrl = "") => new()
    {
        Enabled = true,
        AccountSid = AccountSid,
        AuthToken = AuthToken,
        From = From,
        ApiBaseUrl = BaseAddress.ToString().TrimEnd('/'),
        PublicBaseUrl = publicBaseUrl,
        MaxSendsPerSecond = maxSendsPerSecond,
    };

    /// <summary>The next <paramref name="count"/> requests (not matched by <see cref="AlwaysFor"/>) get <paramref name="fault"/>.</summary>
    public void FailNext(int count, FakeFault fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>The next requests get these faults, one each, in order.</summary>
    public void FailNext(params FakeFault[] faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Every request to <paramref name="number"/> (E.164, with or without <c>whatsapp:</c>) gets <paramref name="fault"/>.</summary>
    public void AlwaysFor(string number, FakeFault fault)
    {
        lock (_gate)
        {
            _byNumber[Bare(number)] = fault;
        }
    }

    /// <summary>Requests to <paramref name="number"/> are accepted again (undoes <see cref="AlwaysFor"/>).</summary>
    public void Forget(string number)
    {
        lock (_gate)
        {
            _byNumber.Remove(Bare(number));
        }
    }

    /// <summary>Faults scripted with <see cref="FailNext(int, FakeFault)"/> not used yet.</summary>
    public int PendingFaults
    {
        get
        {
            lock (_gate)
            {
                return _faults.Count;
            }
        }
    }

    /// <summary>The most requests that arrived within any sliding <paramref name="window"/> (half-open).</summary>
    public int MaxInAnyWindow(TimeSpan window) => MaxInAnyWindow(Requests.Select(r => r.ArrivedAt), window);

    public static int MaxInAnyWindow(IEnumerable<TimeSpan> arrivals, TimeSpan window)
    {
        var times = arrivals.Order().ToArray();
        var max = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = _clock.Elapsed;
        var sequence = Interlocked.Increment(ref _sequence);
        var match = MessagesPath().Match(context.Request.Path.Value ?? "");
        if (!HttpMethods.IsPost(context.Request.Method) || !match.Success)
        {
            await ErrorAsync(context, 404, 20404, "The requested resource was not found");
            return;
        }

        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        var authorization = context.Request.Headers.Authorization.ToString();
        var record = new FakeTwilioRequest(sequence, match.Groups["sid"].Value, form, authorization.Length == 0 ? null : authorization, arrived, 0, null, null);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (authorization != expected)
        {
            await AnswerErrorAsync(context, record, 401, 20003, "Authenticate");
            return;
        }

        if (record.AccountSid != AccountSid)
        {
            await AnswerErrorAsync(context, record, 404, 20404, "The requested resource was not found");
            return;
        }

        if (string.IsNullOrEmpty(record.To))
        {
            await AnswerErrorAsync(context, record, 400, 21604, "A 'To' phone number is required.");
            return;
        }

        if (record.From != From)
        {
            await AnswerErrorAsync(context, record, 400, 63007, "Twilio could not find a Channel with the specified From address");
            return;
        }

        if (string.IsNullOrEmpty(record.Body) && string.IsNullOrEmpty(record.ContentSid))
        {
            await AnswerErrorAsync(context, record, 400, 21602, "Message body is required.");
            return;
        }

        if (record.Body is { Length: > 1600 })
        {
            await AnswerErrorAsync(context, record, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
            return;
        }

        FakeFault? fault;
        lock (_gate)
        {
            if (!_byNumber.TryGetValue(Bare(record.To), out fault))
            {
                _faults.TryDequeue(out fault);
            }
        }

        if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up. A real Twilio may or may not have taken the message by then.
                Record(record with { Status = 499, Sid = fault.AcceptEvenIfAbandoned && fault.Status == 0 ? NewSid() : null });
                return;
            }
        }

        if (fault is { Status: > 0 })
        {
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            await AnswerErrorAsync(context, record, fault.Status, fault.Code, fault.Message ?? "Error");
            return;
        }

        if (record.MediaUrl is { Length: > 0 } mediaUrl)
        {
            record = await FetchMediaAsync(record, mediaUrl, context.RequestAborted);
        }

        var sid = NewSid();
        Record(record with { Status = 201, Sid = sid });
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["sid"] = sid,
            ["account_sid"] = AccountSid,
            ["from"] = record.From,
            ["to"] = record.To,
            ["body"] = record.Body ?? "",
            ["status"] = "queued",
            ["num_segments"] = "1",
            ["direction"] = "outbound-api",
            ["api_version"] = "2010-04-01",
            ["error_code"] = null,
            ["error_message"] = null,
            ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sid}.json",
        });
    }

    /// <summary>
    /// Fetches the file as Twilio does before it sends a media message; only from this machine (127.0.0.1),
    /// anything else is recorded as not fetched (status 0).
    /// </summary>
    private static async Task<FakeTwilioRequest> FetchMediaAsync(FakeTwilioRequest record, string mediaUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var url) || url.Host != "127.0.0.1")
        {
            return record with { MediaStatus = 0 };
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(url, cancellationToken);
        return response.IsSuccessStatusCode
            ? record with { MediaStatus = (int)response.StatusCode, MediaBytes = await response.Content.ReadAsByteArrayAsync(cancellationToken), MediaContentType = response.Content.Headers.ContentType?.MediaType }
            : record with { MediaStatus = (int)response.StatusCode };
    }

    private async Task AnswerErrorAsync(HttpContext context, FakeTwilioRequest record, int status, int? code, string message)
    {
        Record(record with { Status = status, Code = code });
        await ErrorAsync(context, status, code, message);
    }

    private static async Task ErrorAsync(HttpContext context, int status, int? code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = code is null ? null : $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        }));
    }

    private void Record(FakeTwilioRequest record)
    {
        lock (_gate)
        {
            _requests.Add(record);
        }
    }

    private static string NewSid() => "SM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static string Bare(string? number) =>
        number is null ? "" : number.StartsWith("whatsapp:", StringComparison.Ordinal) ? number["whatsapp:".Length..] : number;

    [GeneratedRegex(@"^/2010-04-01/Accounts/(?<sid>[^/]+)/Messages\.json$")]
    private static partial Regex MessagesPath();
}
