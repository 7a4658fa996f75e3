using System.Text;
using ChatBot.Channels.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ChatBot.Channels.WhatsApp;

/// <summary>
/// Twilio's WhatsApp webhooks: incoming messages (<c>POST /webhooks/whatsapp</c>) and delivery status
/// callbacks (<c>POST /webhooks/whatsapp/status</c>). Both accept only requests Twilio signed with our
/// auth token for our account; an incoming message is stored before Twilio gets its answer.
/// </summary>
/// <remarks>
/// Needs <see cref="TwilioOptions"/>, <see cref="InboxWriter"/> and <see cref="WhatsAppStatusUpdater"/>
/// in the container (see <see cref="WhatsAppInboundServices.AddWhatsAppInbound"/>).
/// </remarks>
public static class WhatsAppEndpoints
{
    public const string MessagesPath = "/webhooks/whatsapp";

    public const string StatusPath = "/webhooks/whatsapp/status";

    /// <summary>Largest webhook body accepted; Twilio's forms are a few kilobytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>The answer to an incoming message: empty TwiML, the bot replies later through the API.</summary>
    public const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private const string LoggerName = "ChatBot.Channels.WhatsApp.WhatsAppWebhook";

    private static readonly FormOptions FormLimits = new()
    {
        BufferBody = false,
        ValueCountLimit = 1024,
        KeyLengthLimit = 1024,
        ValueLengthLimit = (int)MaxBodyBytes,
    };

    /// <summary>Maps both webhooks; call when <c>Channels:WhatsApp:Enabled</c> is true.</summary>
    public static RouteGroupBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(MessagesPath);
        group.MapPost("", (Func<HttpContext, Task<IResult>>)ReceiveMessageAsync);
        group.MapPost("/status", (Func<HttpContext, Task<IResult>>)ReceiveStatusAsync);
        // Twilio signs its requests; it has neither a console cookie nor an antiforgery token.
        group.AllowAnonymous().DisableAntiforgery();
        return group;
    }

    /// <summary>
    /// The URL Twilio signed: <see cref="TwilioOptions.PublicBaseUrl"/> (without a trailing slash) followed by
    /// the request's path and query as received, or, without a public base URL, the request's own URL.
    /// </summary>
    public static string SignedUrl(HttpRequest request, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var target = RequestTarget(request);
        var publicBase = options.PublicBaseUrl?.Trim().TrimEnd('/');
        return string.IsNullOrEmpty(publicBase)
            ? request.Scheme + "://" + request.Host.Value + target
            : publicBase + target;
    }

    private static async Task<IResult> ReceiveMessageAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = Logger(context);
        var options = services.GetRequiredService<TwilioOptions>();
        var (refusal, fields) = await ReadVerifiedFormAsync(context, options, logger, "message");
        if (refusal is not null)
        {
            return refusal;
        }

        if (!WhatsAppInbound.TryParse(fields, out var message, out var problem))
        {
            logger.LogWarning("WhatsApp message webhook refused: {Problem}", problem);
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        StoreResult stored;
        try
        {
            stored = await services.GetRequiredService<InboxWriter>().StoreAsync(message.ToEnvelope(), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw; // Twilio hung up; it will send the message again.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "WhatsApp message {MessageSid} could not be stored; answering 503 so Twilio retries", message.MessageSid);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (stored.Duplicate)
        {
            logger.LogInformation("WhatsApp message {MessageSid} was delivered again; already stored as {InboundId}",
                message.MessageSid, stored.InboundMessageId);
        }
        else
        {
            logger.LogDebug("WhatsApp message {MessageSid} stored as {InboundId} ({MediaCount} media)",
                message.MessageSid, stored.InboundMessageId, message.Media.Count);
        }

        return Results.Text(EmptyTwiml, "text/xml", Encoding.UTF8);
    }

    private static async Task<IResult> ReceiveStatusAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = Logger(context);
        var options = services.GetRequiredService<TwilioOptions>();
        var (refusal, fields) = await ReadVerifiedFormAsync(context, options, logger, "status");
        if (refusal is not null)
        {
            return refusal;
        }

        var first = WhatsAppInbound.First(fields);
        var sid = WhatsAppInbound.NonEmpty(first, "MessageSid") ?? WhatsAppInbound.NonEmpty(first, "SmsSid");
        var status = WhatsAppInbound.NonEmpty(first, "MessageStatus") ?? WhatsAppInbound.NonEmpty(first, "SmsStatus");
        if (sid is null || status is null)
        {
            logger.LogWarning("WhatsApp status callback refused: {Problem}", sid is null ? "MessageSid is missing" : "MessageStatus is missing");
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        try
        {
            await services.GetRequiredService<WhatsAppStatusUpdater>().ApplyAsync(
                sid,
                status,
                WhatsAppInbound.NonEmpty(first, "ErrorCode"),
                WhatsAppInbound.NonEmpty(first, "ErrorMessage"),
                context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "WhatsApp status for {MessageSid} could not be recorded", sid);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    /// <summary>
    /// Reads the form within the size limit and checks the signature and the account. Returns the
    /// refusal to send, or the form's fields (every value of every field, in the order received).
    /// </summary>
    private static async Task<(IResult? Refusal, List<KeyValuePair<string, string>> Fields)> ReadVerifiedFormAsync(
        HttpContext context, TwilioOptions options, ILogger logger, string kind)
    {
        var request = context.Request;
        var fields = new List<KeyValuePair<string, string>>();
        if (request.ContentLength > MaxBodyBytes)
        {
            logger.LogWarning("WhatsApp {Kind} webhook refused: body of {Length} bytes is over the limit", kind, request.ContentLength);
            return (Results.StatusCode(StatusCodes.Status413PayloadTooLarge), fields);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("WhatsApp {Kind} webhook refused: not a form post", kind);
            return (Results.StatusCode(StatusCodes.Status415UnsupportedMediaType), fields);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(FormLimits, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            logger.LogWarning("WhatsApp {Kind} webhook refused: body over the limit", kind);
            return (Results.StatusCode(StatusCodes.Status413PayloadTooLarge), fields);
        }
        catch (InvalidDataException)
        {
            logger.LogWarning("WhatsApp {Kind} webhook refused: the form exceeds its limits", kind);
            return (Results.StatusCode(StatusCodes.Status413PayloadTooLarge), fields);
        }

        foreach (var (key, values) in form)
        {
            foreach (var value in values)
            {
                fields.Add(new KeyValuePair<string, string>(key, value ?? ""));
            }
        }

        var first = WhatsAppInbound.First(fields);
        if (string.IsNullOrEmpty(options.AuthToken))
        {
            // Fail closed: without the token no request can be verified.
            logger.LogError("WhatsApp {Kind} webhook refused: Channels:WhatsApp:AuthToken is not set", kind);
            return (Results.StatusCode(StatusCodes.Status403Forbidden), fields);
        }

        var signature = request.Headers[TwilioWebhookSignature.HeaderName].ToString();
        if (string.IsNullOrEmpty(signature)
            || !TwilioWebhookSignature.IsValid(options.AuthToken, SignedUrl(request, options), fields, signature))
        {
            logger.LogWarning(
                "WhatsApp {Kind} webhook refused: {Problem} signature (MessageSid {MessageSid}, From {From})",
                kind,
                string.IsNullOrEmpty(signature) ? "missing" : "invalid",
                Clip(WhatsAppInbound.NonEmpty(first, "MessageSid")),
                WhatsAppInbound.MaskAddress(WhatsAppInbound.NonEmpty(first, "From")));
            return (Results.StatusCode(StatusCodes.Status403Forbidden), fields);
        }

        var account = WhatsAppInbound.NonEmpty(first, "AccountSid");
        if (!string.Equals(account, options.AccountSid, StringComparison.Ordinal))
        {
            logger.LogWarning("WhatsApp {Kind} webhook refused: it is for another account (MessageSid {MessageSid})",
                kind, Clip(WhatsAppInbound.NonEmpty(first, "MessageSid")));
            return (Results.StatusCode(StatusCodes.Status403Forbidden), fields);
        }

        return (null, fields);
    }

    /// <summary>The path and query exactly as the client sent them (Kestrel keeps the raw target).</summary>
    private static string RequestTarget(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
        {
            return raw;
        }

        return (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);

    private static string Clip(string? value) => value is null ? "(none)" : value.Length <= 64 ? value : value[..64];
}

/// <summary>Registrations for the inbound half of the WhatsApp channel.</summary>
public static class WhatsAppInboundServices
{
    /// <summary>
    /// Registers <see cref="WhatsAppStatusUpdater"/> and <see cref="TwilioMediaFetcher"/> (with its HTTP client,
    /// which does not follow redirects and does not log URLs, and media under <c>{content root}/data/media</c>).
    /// <see cref="TwilioOptions"/> must be registered as well.
    /// </summary>
    public static IServiceCollection AddWhatsAppInbound(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WhatsAppStatusUpdater>();
        services.AddHttpClient(TwilioMediaFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(TwilioMediaFetcher.CreateHandler)
            // Redirect targets are pre-signed CDN URLs: they must not end up in logs.
            .RemoveAllLoggers();
        services.TryAddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new TwilioMediaFetcher(
                sp.GetRequiredService<TwilioOptions>(),
                () => factory.CreateClient(TwilioMediaFetcher.HttpClientName),
                sp.GetService<Media.MediaStore>()?.Root ?? TwilioMediaFetcher.DefaultMediaRoot(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<TwilioMediaFetcher>>());
        });
        return services;
    }
}
