using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Channels.Media;
using Microsoft.Extensions.Logging;

namespace ChatBot.Channels.WhatsApp;

/// <summary>
/// Downloads the media a person sent on WhatsApp from Twilio into private storage.
/// </summary>
/// <remarks>
/// <para>Credentials (HTTP Basic, account SID and auth token) go only to a media URL of our own account
/// on the configured API host (<see cref="TwilioOptions.ApiBaseUrl"/>): <c>/2010-04-01/Accounts/{our
/// AccountSid}/Messages/{MessageSid}/Media/{MediaSid}</c>. Any other URL is refused without a request.</para>
/// <para>Redirects are followed by hand (at most <see cref="MaxRedirects"/>) and without the credentials:
/// Twilio redirects to a pre-signed CDN URL. Its HTTP client must therefore not follow redirects itself
/// (see <see cref="CreateHandler"/>; .NET would drop the credentials anyway).</para>
/// <para>A 404 is retried <see cref="MaxAttempts"/> times, <see cref="RetryDelay"/> apart: media can lag
/// behind the webhook. The body is streamed to a temporary file with a hard size cap; the real type is
/// read from the first bytes (<see cref="FileTypeSniffer"/>). Files get random names and owner-only
/// permissions on Unix (directory 0700, files 0600).</para>
/// <para>Not through Twilio's library: it reads media metadata only, and its HTTP abstraction returns every
/// answer as one string (no streaming, so no size cap while reading, and binary content would not survive),
/// follows no redirect by hand and takes no cancellation token.</para>
/// </remarks>
public sealed partial class TwilioMediaFetcher
{
    /// <summary>The name of the HTTP client to register (see <see cref="CreateHandler"/>).</summary>
    public const string HttpClientName = "twilio-media";

    public const int MaxRedirects = 3;

    public const int MaxAttempts = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest a whole fetch (every attempt and redirect) may take.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(60);

    private readonly TwilioOptions _options;

    /// <summary>The largest file accepted, for telling the person the limit.</summary>
    public long MaxBytes => _options.MaxMediaBytes;
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MediaStore _store;

    /// <summary>Uses <paramref name="http"/> for every request; it must not follow redirects by itself.</summary>
    public TwilioMediaFetcher(TwilioOptions options, HttpClient http, string mediaRoot, TimeProvider time, ILogger logger)
        : this(options, () => http, mediaRoot, time, logger)
    {
        ArgumentNullException.ThrowIfNull(http);
    }

    /// <summary>Takes a client from <paramref name="http"/> per fetch (e.g. <c>IHttpClientFactory.CreateClient</c>).</summary>
    public TwilioMediaFetcher(TwilioOptions options, Func<HttpClient> http, string mediaRoot, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaRoot);
        _options = options;
        _http = http;
        _store = new MediaStore(mediaRoot, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>The folder files are saved in (absolute). <see cref="StoredAttachment.StoragePath"/> is an absolute path inside it.</summary>
    public string MediaRoot => _store.Root;

    /// <summary>The media folder under a content root: <c>data/media</c>.</summary>
    public static string DefaultMediaRoot(string contentRoot) => MediaStore.DefaultRoot(contentRoot);

    /// <summary>The handler the HTTP client must use: no automatic redirects, no decompression, pooled connections renewed.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// Fetches one media item announced by a webhook and saves it if it is an accepted type within the
    /// size limit. <paramref name="declaredContentType"/> (Twilio's <c>MediaContentTypeN</c>) is only logged:
    /// the stored type is the one the content shows.
    /// </summary>
    public async Task<MediaResult> FetchAsync(string mediaUrl, string? declaredContentType, CancellationToken cancellationToken)
    {
        if (!IsOwnMediaUrl(mediaUrl, out var uri, out var mediaSid))
        {
            _logger.LogWarning("Media URL refused: not a media URL of this Twilio account (host {Host})", HostOf(mediaUrl));
            return new MediaResult.Refused(MediaRefusal.NotTwilio);
        }

        using var timeout = new CancellationTokenSource(FetchTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var response = await GetAsync(uri, mediaSid, linked.Token);
                if (response is null)
                {
                    return new MediaResult.Refused(MediaRefusal.Unavailable);
                }

                if (response.StatusCode == HttpStatusCode.NotFound && attempt < MaxAttempts)
                {
                    _logger.LogDebug("Media {MediaSid} not there yet (attempt {Attempt}); retrying", mediaSid, attempt);
                    response.Dispose();
                    await Task.Delay(RetryDelay, _time, linked.Token);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    _logger.LogWarning("Media {MediaSid} unavailable: HTTP {StatusCode}", mediaSid, (int)response.StatusCode);
                    return new MediaResult.Refused(MediaRefusal.Unavailable);
                }

                return await SaveAsync(response, mediaSid, declaredContentType, linked.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Media {MediaSid} unavailable: no complete answer within {Timeout}", mediaSid, FetchTimeout);
            return new MediaResult.Refused(MediaRefusal.Unavailable);
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning("Media {MediaSid} unavailable: {Error}", mediaSid, ex.HttpRequestError);
            return new MediaResult.Refused(MediaRefusal.Unavailable);
        }
        catch (HttpIOException ex)
        {
            _logger.LogWarning("Media {MediaSid} unavailable: the download broke off ({Error})", mediaSid, ex.HttpRequestError);
            return new MediaResult.Refused(MediaRefusal.Unavailable);
        }
    }

    /// <summary>
    /// True when <paramref name="mediaUrl"/> is a media URL of our account on the configured Twilio API
    /// host: same scheme, host and port as <see cref="TwilioOptions.ApiBaseUrl"/>, the media path with our
    /// account SID, no user info, query or fragment.
    /// </summary>
    public bool IsOwnMediaUrl(string? mediaUrl, out Uri uri, out string mediaSid)
    {
        uri = null!;
        mediaSid = "";
        if (string.IsNullOrWhiteSpace(mediaUrl)
            || !Uri.TryCreate(mediaUrl, UriKind.Absolute, out var parsed)
            || !Uri.TryCreate(_options.ApiBaseUrl, UriKind.Absolute, out var api))
        {
            return false;
        }

        if (!string.Equals(parsed.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(parsed.Host, api.Host, StringComparison.OrdinalIgnoreCase)
            || parsed.Port != api.Port
            || parsed.UserInfo.Length > 0
            || parsed.Query.Length > 0
            || parsed.Fragment.Length > 0)
        {
            return false;
        }

        var match = MediaPath().Match(parsed.AbsolutePath);
        if (!match.Success || !string.Equals(match.Groups["account"].Value, _options.AccountSid, StringComparison.Ordinal))
        {
            return false;
        }

        uri = parsed;
        mediaSid = match.Groups["media"].Value;
        return true;
    }

    /// <summary>The first request with credentials, then redirects by hand without them. Null when a redirect is refused.</summary>
    private async Task<HttpResponseMessage?> GetAsync(Uri uri, string mediaSid, CancellationToken cancellationToken)
    {
        var http = _http();
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}"));
        using (var first = new HttpRequestMessage(HttpMethod.Get, uri))
        {
            first.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            var response = await http.SendAsync(first, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var current = uri;
            for (var hop = 0; IsRedirect(response.StatusCode); hop++)
            {
                var location = response.Headers.Location;
                response.Dispose();
                if (hop == MaxRedirects || location is null)
                {
                    _logger.LogWarning("Media {MediaSid} unavailable: {Problem}", mediaSid,
                        location is null ? "a redirect without a location" : "too many redirects");
                    return null;
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if ((next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp)
                    || (current.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps))
                {
                    _logger.LogWarning("Media {MediaSid} unavailable: redirect to a {Scheme} URL refused", mediaSid, next.Scheme);
                    return null;
                }

                // The CDN URL is pre-signed: the account's credentials never follow a redirect.
                using var request = new HttpRequestMessage(HttpMethod.Get, next);
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                current = next;
            }

            return response;
        }
    }

    private async Task<MediaResult> SaveAsync(HttpResponseMessage response, string mediaSid, string? declaredContentType, CancellationToken cancellationToken)
    {
        var limit = _options.MaxMediaBytes;
        if (response.Content.Headers.ContentLength is { } announced && announced > limit)
        {
            _logger.LogWarning("Media {MediaSid} refused: {Size} bytes announced, limit {Limit}", mediaSid, announced, limit);
            return new MediaResult.Refused(MediaRefusal.Size);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await _store.SaveAsync(body, limit, mediaSid, declaredContentType, fileName: null, cancellationToken);
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Host : "(not a URL)";

    [GeneratedRegex(
        "^/2010-04-01/Accounts/(?<account>AC[0-9a-fA-F]{32})/Messages/[A-Z]{2}[0-9a-fA-F]{32}/Media/(?<media>[A-Z]{2}[0-9a-fA-F]{32})$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MediaPath();
}
