using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ChatBot.Channels.Outbox;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ChatBot.Channels.WhatsApp;

/// <summary>
/// Sends outbox rows to WhatsApp through Twilio's Messages API with Twilio's library
/// (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>, which posts to
/// <c>{ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c> through <see cref="TwilioTransport"/>).
/// </summary>
/// <remarks>
/// <para>A free-form body longer than 1,600 characters goes out as several messages, in order
/// (<see cref="MessageSplitter"/>); the row gets the SID of the last part, which is the one whose status
/// callbacks then move the row. When a later part fails for a while, the parts already accepted are
/// remembered (in memory, for the life of the process, keyed by the row id), so the outbox's retry
/// sends only the rest; after a restart the whole body is sent again.</para>
/// <para>A proactive or officer message outside the 24-hour window goes out as a template
/// (<see cref="WhatsAppWindow"/>), or comes back <see cref="SendResult.NeedsTemplate"/>.</para>
/// <para>A request that timed out after it was sent, or whose connection broke after it was sent, is
/// <see cref="SendResult.Transient"/> ("timeout", "connection_lost"): Twilio may have accepted it, and the
/// outbox's retry may then deliver it twice. Twilio's Messages API has no idempotency key, so the choice is
/// between a rare duplicate and a lost message; a duplicate is the lesser harm.</para>
/// <para>Every request passes <see cref="TwilioResilience"/>: a 10 s timeout, quick retries only where Twilio
/// cannot have taken the message, a circuit breaker, and <see cref="SendRateLimiter"/> (at most
/// <see cref="TwilioOptions.MaxSendsPerSecond"/> requests arriving at Twilio in any second). The sender is
/// <see cref="TwilioOptions.From"/> for every row.</para>
/// <para>Twilio's library builds each request (fields, path, credentials) and turns Twilio's refusals into its
/// <c>ApiException</c> (<see cref="TwilioReply.CreateMessageAsync"/>); the pipeline, the window and templates,
/// the splitting and the rate limit are this service's.</para>
/// <para>Logs name the outbox row and Twilio's codes and SIDs; never the phone number, the text or the token.</para>
/// </remarks>
public sealed class TwilioSender : IChannelSender, IDisposable
{
    /// <summary>Path Twilio calls with delivery updates, under <see cref="TwilioOptions.PublicBaseUrl"/>.</summary>
    public const string StatusCallbackPath = "/webhooks/whatsapp/status";

    private static readonly TimeSpan ProgressKept = TimeSpan.FromDays(1);

    private readonly HttpClient _http;
    private readonly TwilioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TwilioSender> _logger;
    private readonly WhatsAppWindow _window;
    private readonly SendRateLimiter _limiter;
    private readonly ResiliencePipeline<TwilioReply> _pipeline;
    private readonly string _apiBaseUrl;
    private readonly PhoneNumber _from;
    private readonly Uri? _statusCallback;
    private readonly string? _publicBaseUrl;
    private readonly Media.MediaLinks? _media;
    private readonly ConcurrentDictionary<long, PartsSent> _progress = new();

    /// <param name="http">Used as is; its <see cref="HttpClient.Timeout"/> should be infinite (each attempt has its own). See <see cref="CreateHttpClient"/>.</param>
    /// <param name="options">The <c>Channels:WhatsApp</c> settings.</param>
    /// <param name="store">Read for a conversation's last inbound time (the 24-hour window).</param>
    /// <param name="time">Clock for the window, Retry-After dates, retries, timeouts and the rate limit.</param>
    /// <param name="logger">Log.</param>
    /// <param name="resilience">Timeouts, retries and circuit breaker; the defaults when null.</param>
    /// <param name="media">Makes the expiring links Twilio fetches a row's file from (its <c>MediaUrl</c>); without it, rows with a file are refused.</param>
    public TwilioSender(
        HttpClient http,
        TwilioOptions options,
        ChatBotDbFactory store,
        TimeProvider time,
        ILogger<TwilioSender> logger,
        TwilioResilienceOptions? resilience = null,
        Media.MediaLinks? media = null)
    {
        _media = media;
        _publicBaseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? null : options.PublicBaseUrl.TrimEnd('/');
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _window = new WhatsAppWindow(store, options, time);
        _limiter = new SendRateLimiter(options.MaxSendsPerSecond, time);
        _pipeline = TwilioResilience.Build(resilience ?? new TwilioResilienceOptions(), _limiter, time, logger);
        _apiBaseUrl = options.ApiBaseUrl.TrimEnd('/');
        _from = new PhoneNumber(options.From);
        _statusCallback = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? null
            : new Uri(options.PublicBaseUrl.TrimEnd('/') + StatusCallbackPath);
    }

    public ChannelKind Channel => ChannelKind.WhatsApp;

    /// <summary>
    /// An <see cref="HttpClient"/> fit for a long-lived sender: connections are renewed every few minutes
    /// (DNS changes are seen), a connection attempt gives up after 5 s, and no overall timeout (the
    /// resilience pipeline times each attempt).
    /// </summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AutomaticDecompression = DecompressionMethods.All,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.AttachmentPath is not null && (_media is null || _publicBaseUrl is null))
        {
            // Twilio fetches a file from a public URL of ours; without one the file cannot go.
            _logger.LogWarning("Outbound {OutboundId} has a file but Channels:WhatsApp:PublicBaseUrl is not set: not sent", message.Id);
            return new SendResult.Rejected("media_url_unavailable", "A file needs Channels:WhatsApp:PublicBaseUrl, the address Twilio fetches it from.");
        }

        var decision = await _window.DecideAsync(message, cancellationToken);
        return decision switch
        {
            WindowDecision.Template template => await SendTemplateAsync(message, template, cancellationToken),
            WindowDecision.Hold hold => Hold(message, hold),
            _ => await SendFreeFormAsync(message, cancellationToken),
        };
    }

    public void Dispose() => _limiter.Dispose();

    private async Task<SendResult> SendFreeFormAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var parts = MessageSplitter.Split(message.Body);
        var fingerprint = Fingerprint(message.Body);
        var first = 0;
        string? lastSid = null;
        if (_progress.TryGetValue(message.Id, out var progress) && progress.Fingerprint == fingerprint && progress.Count < parts.Count)
        {
            first = progress.Count;
            lastSid = progress.LastSid;
            _logger.LogInformation("Outbound {OutboundId}: {Sent} of {Parts} parts went out before; sending the rest", message.Id, first, parts.Count);
        }

        for (var i = first; i < parts.Count; i++)
        {
            var result = await PostAsync(message.Id, Create(message, parts[i], withFile: i == 0), cancellationToken);
            switch (result)
            {
                case SendResult.Sent sent:
                    lastSid = sent.ProviderMessageId;
                    if (i < parts.Count - 1)
                    {
                        Remember(message.Id, new PartsSent(fingerprint, i + 1, lastSid, _time.GetUtcNow()));
                    }

                    break;
                case SendResult.Rejected { Code: TwilioErrors.OutsideWindow } when i == 0:
                    // Our clock said the window was open (or this is a reply to an old message); Twilio says closed.
                    _progress.TryRemove(message.Id, out _);
                    return WhatsAppWindow.TemplateFor(message, _options) switch
                    {
                        WindowDecision.Template template => await SendTemplateAsync(message, template, cancellationToken),
                        WindowDecision.Hold hold => Hold(message, hold),
                        _ => result,
                    };
                case SendResult.Rejected rejected:
                    _progress.TryRemove(message.Id, out _);
                    return parts.Count == 1 ? rejected : rejected with { Message = $"part {i + 1} of {parts.Count}: {rejected.Message}" };
                default:
                    return result; // transient: the outbox retries, from part i
            }
        }

        _progress.TryRemove(message.Id, out _);
        _logger.LogDebug("Outbound {OutboundId} sent in {Parts} part(s) as {Sid}", message.Id, parts.Count, lastSid);
        return new SendResult.Sent(lastSid);
    }

    private Task<SendResult> SendTemplateAsync(OutboundMessage message, WindowDecision.Template template, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Outbound {OutboundId} is outside the 24-hour window: sending template {ContentSid} ({Topic})",
            message.Id, template.ContentSid, template.Topic);
        var create = Create(message, body: null, withFile: true);
        create.ContentSid = template.ContentSid;
        create.ContentVariables = template.ContentVariables;
        return PostAsync(message.Id, create, cancellationToken);
    }

    private SendResult Hold(OutboundMessage message, WindowDecision.Hold hold)
    {
        _logger.LogWarning("Outbound {OutboundId} held for officers: {Reason}", message.Id, hold.Reason);
        return new SendResult.NeedsTemplate(hold.Reason);
    }

    /// <summary>One message to Twilio; with <paramref name="withFile"/> it carries the row's file as a link Twilio fetches (an expiring one of ours).</summary>
    private CreateMessageOptions Create(OutboundMessage message, string? body, bool withFile = false)
    {
        var create = new CreateMessageOptions(new PhoneNumber(WhatsAppAddress.Prefix + WhatsAppAddress.Normalize(message.To)))
        {
            From = _from,
            Body = body,
            StatusCallback = _statusCallback,
        };
        if (withFile && message.AttachmentPath is not null && _media is not null && _publicBaseUrl is not null)
        {
            create.MediaUrl = [new Uri(_publicBaseUrl + _media.PathFor(message.Id))];
        }

        return create;
    }

    /// <summary>One message through the pipeline; every outcome becomes a <see cref="SendResult"/>.</summary>
    private async Task<SendResult> PostAsync(long outboundId, CreateMessageOptions create, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TwilioResilience.OutboundId, outboundId);
        try
        {
            var reply = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Sender.AttemptAsync(ctx, state.Create, state.Outer),
                context,
                (Sender: this, Create: create, Outer: cancellationToken));
            var result = TwilioErrors.Classify(reply);
            if (result is not SendResult.Sent)
            {
                _logger.LogWarning("Twilio refused outbound {OutboundId}: HTTP {Status}, code {Code} ({MoreInfo}): {Result}",
                    outboundId, reply.Status, reply.Code, reply.MoreInfo, result is SendResult.Transient ? "will retry" : "permanent");
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TwilioNotSentException ex)
        {
            _logger.LogWarning("Outbound {OutboundId} could not reach Twilio ({Reason}); will retry", outboundId, ex.Reason);
            return new SendResult.Transient(ex.Reason);
        }
        catch (BrokenCircuitException)
        {
            // No Retry-After: the outbox's own backoff decides. Handing it the circuit's remaining break
            // (at most 15 s) would make a long outage use up the rows' attempts faster than plain failures.
            _logger.LogDebug("Outbound {OutboundId} not sent: the Twilio circuit is open", outboundId);
            return new SendResult.Transient("circuit_open");
        }
        catch (TimeoutRejectedException)
        {
            _logger.LogWarning("Outbound {OutboundId}: no answer from Twilio in time; it may have been accepted; will retry", outboundId);
            return new SendResult.Transient("timeout");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            _logger.LogWarning("Outbound {OutboundId}: connection lost after sending ({Error}); it may have been accepted; will retry",
                outboundId, ex.GetType().Name);
            return new SendResult.Transient("connection_lost");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One request through Twilio's client. Throws <see cref="TwilioNotSentException"/> when it provably never left.</summary>
    private async ValueTask<TwilioReply> AttemptAsync(ResilienceContext context, CreateMessageOptions create, CancellationToken outer)
    {
        // A client per attempt: its transport holds the attempt's cancellation and its answer.
        var transport = new TwilioTransport(_http, _apiBaseUrl, context.CancellationToken, outer);
        var client = new TwilioRestClient(_options.AccountSid, _options.AuthToken, httpClient: transport);
        return await TwilioReply.CreateMessageAsync(create, client, _time);
    }

    private void Remember(long outboundId, PartsSent progress)
    {
        var now = progress.At;
        foreach (var (id, old) in _progress)
        {
            if (now - old.At > ProgressKept)
            {
                _progress.TryRemove(id, out _); // the outbox gave up on that row long ago
            }
        }

        _progress[outboundId] = progress;
    }

    private static string Fingerprint(string body) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>Parts of a long row that Twilio accepted already.</summary>
    private sealed record PartsSent(string Fingerprint, int Count, string? LastSid, DateTimeOffset At);
}
