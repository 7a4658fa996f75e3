using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Bot.Tests.Channels.Media;

/// <summary>
/// Twilio's media URLs on 127.0.0.1 (a random port) in the worst way they can fail: while
/// <see cref="Stalling"/> is on, a request is accepted and never answered (no status, no bytes) until the
/// client hangs up. Switched off, every media URL serves a small JPEG at once. Counts what it saw.
/// </summary>
public sealed class StallingMediaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _accountSid;
    private int _started;
    private int _served;
    private volatile bool _stalling = true;

    private StallingMediaServer(WebApplication app, string accountSid)
    {
        _app = app;
        _accountSid = accountSid;
    }

    /// <summary>While true, media requests hang; set to false to serve them.</summary>
    public bool Stalling
    {
        get => _stalling;
        set => _stalling = value;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Media requests received (answered or not).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Media requests answered with the file.</summary>
    public int Served => Volatile.Read(ref _served);

    public static async Task<StallingMediaServer> StartAsync(string accountSid)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StallingMediaServer(app, accountSid);
        app.MapGet("/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}", server.MediaAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>A new media URL of our account on this server.</summary>
    public string NewMediaUrl() =>
        new Uri(BaseAddress, $"/2010-04-01/Accounts/{_accountSid}/Messages/MM{Guid.NewGuid():N}/Media/ME{Guid.NewGuid():N}").ToString();

    private async Task MediaAsync(HttpContext context)
    {
        Interlocked.Increment(ref _started);
        if (Stalling)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it should.
            }

            return;
        }

        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];
        context.Response.ContentType = "image/jpeg";
        context.Response.ContentLength = jpeg.Length;
        await context.Response.Body.WriteAsync(jpeg);
        Interlocked.Increment(ref _served);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
