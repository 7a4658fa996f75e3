using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// Twilio's media endpoint and its CDN on 127.0.0.1, the way they behave: the API URL wants the
/// account's Basic credentials and redirects to a pre-signed CDN URL; the CDN refuses any request that
/// carries an Authorization header, which proves the fetcher does not forward credentials.
/// </summary>
public sealed class MediaTestServer : IAsyncDisposable
{
    /// <summary>What one media URL serves.</summary>
    /// <param name="NotFoundFirst">Answer 404 this many times before the media is "there".</param>
    /// <param name="Chunked">Send without Content-Length, so only the streaming cap can stop it.</param>
    /// <param name="Redirects">How many CDN hops before the content (1 is Twilio's usual).</param>
    public sealed record Media(byte[] Content, string ContentType, int NotFoundFirst = 0, bool Chunked = false, int Redirects = 1);

    /// <summary>A request the server received.</summary>
    public sealed record Seen(string Path, string? Authorization);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Media> _media = new();
    private readonly ConcurrentDictionary<string, int> _notFoundServed = new();

    private MediaTestServer(WebApplication app, string accountSid, string authToken)
    {
        _app = app;
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<Seen> Requests { get; } = new();

    /// <summary>Requests to the CDN that carried credentials (always refused; must stay empty).</summary>
    public ConcurrentQueue<string> CredentialsForwarded { get; } = new();

    public static async Task<MediaTestServer> StartAsync(string accountSid, string authToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MediaTestServer(app, accountSid, authToken);
        app.MapGet("/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}", server.ApiAsync);
        app.MapGet("/cdn/{media}/{hop:int}", server.CdnAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Adds media and returns its URL on this server (for our account unless told otherwise).</summary>
    public string Add(Media media, string? accountSid = null)
    {
        var mediaSid = "ME" + Guid.NewGuid().ToString("N");
        _media[mediaSid] = media;
        return new Uri(BaseAddress, $"/2010-04-01/Accounts/{accountSid ?? AccountSid}/Messages/MM{Guid.NewGuid():N}/Media/{mediaSid}").ToString();
    }

    private Task ApiAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue(new Seen(context.Request.Path, authorization.Length == 0 ? null : authorization));
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (authorization != expected || (string?)context.Request.RouteValues["account"] != AccountSid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var mediaSid = (string)context.Request.RouteValues["media"]!;
        if (!_media.TryGetValue(mediaSid, out var media))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (_notFoundServed.AddOrUpdate(mediaSid, 1, (_, n) => n + 1) <= media.NotFoundFirst)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = new Uri(BaseAddress, $"/cdn/{mediaSid}/1?Expires=1893456000&Signature=presigned").ToString();
        return Task.CompletedTask;
    }

    private async Task CdnAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue(new Seen(context.Request.Path, authorization.Length == 0 ? null : authorization));
        if (authorization.Length > 0)
        {
            CredentialsForwarded.Enqueue(context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var mediaSid = (string)context.Request.RouteValues["media"]!;
        var hop = int.Parse((string)context.Request.RouteValues["hop"]!, System.Globalization.CultureInfo.InvariantCulture);
        if (!_media.TryGetValue(mediaSid, out var media))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (hop < media.Redirects)
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = new Uri(BaseAddress, $"/cdn/{mediaSid}/{hop + 1}?Signature=presigned").ToString();
            return;
        }

        context.Response.ContentType = media.ContentType;
        if (!media.Chunked)
        {
            context.Response.ContentLength = media.Content.Length;
            await context.Response.Body.WriteAsync(media.Content, context.RequestAborted);
            return;
        }

        for (var offset = 0; offset < media.Content.Length; offset += 16 * 1024)
        {
            var length = Math.Min(16 * 1024, media.Content.Length - offset);
            await context.Response.Body.WriteAsync(media.Content.AsMemory(offset, length), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// A real, decodable 8×8 grey baseline JPEG: JFIF header, a quantisation table, one component,
    /// one-symbol Huffman tables and a single block whose DC difference is 0 and whose AC part is EOB.
    /// </summary>
    public static byte[] TinyJpeg()
    {
        var bytes = new List<byte>();
        bytes.AddRange([0xFF, 0xD8]); // SOI
        bytes.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        bytes.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]); // DQT, table 0, 8-bit
        bytes.AddRange(Enumerable.Repeat((byte)1, 64));
        bytes.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]); // SOF0 8×8, 1 component
        bytes.AddRange([0xFF, 0xC4, 0x00, 0x26]); // DHT: DC table 0 and AC table 0, one 1-bit code each for symbol 0
        bytes.Add(0x00);
        bytes.AddRange([0x01, .. Enumerable.Repeat((byte)0, 15), 0x00]);
        bytes.Add(0x10);
        bytes.AddRange([0x01, .. Enumerable.Repeat((byte)0, 15), 0x00]);
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]); // SOS
        bytes.Add(0x3F); // DC "0" (diff 0), AC "0" (EOB), padded with ones
        bytes.AddRange([0xFF, 0xD9]); // EOI
        return [.. bytes];
    }
}
