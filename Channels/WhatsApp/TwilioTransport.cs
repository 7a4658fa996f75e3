using System.Net.Http.Headers;
using Twilio.Http;

namespace ChatBot.Channels.WhatsApp;

/// <summary>
/// The HTTP transport under Twilio's REST client for one attempt: our <see cref="System.Net.Http.HttpClient"/>,
/// cancelled with the attempt, aimed at <see cref="TwilioOptions.ApiBaseUrl"/> instead of <c>https://api.twilio.com</c>.
/// </summary>
/// <remarks>
/// <para>Why not the library's <see cref="SystemNetHttpClient"/>: Twilio's <see cref="Twilio.Http.HttpClient"/> API
/// passes no cancellation token, so a request through it cannot be cancelled and the pipeline's timeout would
/// wait for the answer; and the library builds every URL on <c>twilio.com</c> (its region and edge settings only
/// change the host within it), with no base-URL setting. So one instance serves one attempt and holds its token,
/// and the library's URL is moved onto the configured base, path and query kept.</para>
/// <para>The library builds the request (path, form fields, credentials) and reads Twilio's answer; this sends it,
/// form-encoded with HTTP Basic auth, and keeps the answer in <see cref="Twilio.Http.HttpClient.LastResponse"/>.
/// A request that fails before any of its body was written cannot have reached Twilio:
/// <see cref="TwilioNotSentException"/>, which the pipeline may retry.</para>
/// </remarks>
/// <param name="http">Shared; its own timeout should be infinite (the pipeline times each attempt).</param>
/// <param name="apiBaseUrl">Where Twilio's REST API is, without a trailing slash.</param>
/// <param name="attempt">Cancels this attempt (the pipeline's timeout, or the caller).</param>
/// <param name="outer">The caller's token: a failure after it was cancelled is not a network failure.</param>
public sealed class TwilioTransport(System.Net.Http.HttpClient http, string apiBaseUrl, CancellationToken attempt, CancellationToken outer)
    : Twilio.Http.HttpClient
{
    private const string TwilioApiHost = "api.twilio.com";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    public override Response MakeRequest(Request request) =>
        throw new NotSupportedException("Twilio is called asynchronously only.");

    public override async Task<Response> MakeRequestAsync(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        LastRequest = request;
        LastResponse = null;
        using var message = new HttpRequestMessage(new System.Net.Http.HttpMethod(request.Method.ToString()), Rebase(request.ConstructUrl()));
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Authentication(request.Username, request.Password));
        message.Headers.Accept.Add(Json);
        foreach (var (name, value) in request.HeaderParams)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        var content = Equals(request.Method, Twilio.Http.HttpMethod.Get) ? null : new TrackedContent(new FormUrlEncodedContent(request.PostParams));
        message.Content = content;

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt);
            var body = await response.Content.ReadAsStringAsync(attempt);
            return LastResponse = new Response(response.StatusCode, body, response.Headers);
        }
        catch (Exception ex) when (content is { Started: false } && !outer.IsCancellationRequested
            && ex is HttpRequestException or IOException or OperationCanceledException)
        {
            var reason = ex switch
            {
                OperationCanceledException => "connect_timeout",
                HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "dns_failed",
                _ => "connection_failed",
            };
            throw new TwilioNotSentException(reason, ex);
        }
    }

    /// <summary>The library's <c>https://api.twilio.com/…</c> URL on the configured base.</summary>
    private Uri Rebase(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttps || !url.Host.Equals(TwilioApiHost, StringComparison.OrdinalIgnoreCase) || !url.IsDefaultPort)
        {
            throw new NotSupportedException($"Only Twilio's REST API ({TwilioApiHost}) is mapped to Channels:WhatsApp:ApiBaseUrl, not {url.Host}.");
        }

        return new Uri(apiBaseUrl + url.PathAndQuery);
    }

    /// <summary>Content that notes when the handler starts writing it: before that, Twilio cannot have the request.</summary>
    private sealed class TrackedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private volatile bool _started;

        public TrackedContent(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        public bool Started => _started;

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            _started = true;
            await _inner.CopyToAsync(stream, context, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
