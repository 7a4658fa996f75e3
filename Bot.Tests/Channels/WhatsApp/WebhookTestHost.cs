using ChatBot.Bot.Hosting;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// The real web host (Kestrel on 127.0.0.1, a temporary SQLite store) with the WhatsApp webhooks mapped.
/// Stands in until the host maps them itself when <c>Channels:WhatsApp:Enabled</c> is true; then the
/// tests can move to <see cref="TestHost"/>.
/// </summary>
public sealed class WebhookTestHost : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token-for-webhooks";
    public const string OurNumber = "whatsapp:+14155238886";

    private readonly WebApplication _app;

    private WebhookTestHost(WebApplication app, string directory, TwilioOptions options)
    {
        _app = app;
        Directory = directory;
        Options = options;
    }

    public string Directory { get; }

    public TwilioOptions Options { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public ChatBotDbFactory Store => Services.GetRequiredService<ChatBotDbFactory>();

    public static async Task<WebhookTestHost> StartAsync(
        Action<TwilioOptions>? configure = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var directory = TestHost.NewDirectory();
        var options = new TwilioOptions { Enabled = true, AccountSid = AccountSid, AuthToken = AuthToken, From = OurNumber };
        configure?.Invoke(options);
        var app = BotHost.BuildWeb([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["ConnectionStrings:ChatBot"] = $"Data Source={Path.Combine(directory, "chatbot.db")}",
                ["Logging:File:Enabled"] = "false",
                ["Logging:Level"] = "Warning",
                ["Outbox:PollInterval"] = "00:00:00.200",
                ["Workers:TurnProcessor:PollInterval"] = "00:00:00.200",
                ["Channels:WhatsApp:Enabled"] = "true",
                ["Channels:WhatsApp:AccountSid"] = options.AccountSid,
                ["Channels:WhatsApp:AuthToken"] = options.AuthToken,
                ["Channels:WhatsApp:From"] = options.From,
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(options);
            builder.Services.AddWhatsAppInbound();
            services?.Invoke(builder.Services);
        });
        var host = new WebhookTestHost(app, directory, options);
        await app.StartAsync();
        host.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return host;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The URL a request to <paramref name="path"/> arrives at, as the service sees it.</summary>
    public string LocalUrl(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>
    /// Posts <paramref name="fields"/> as Twilio does, signed over <paramref name="signedUrl"/> (default: the
    /// local URL) with <paramref name="token"/> (default: ours). <paramref name="signature"/> overrides the header.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(
        string path,
        IReadOnlyList<KeyValuePair<string, string>> fields,
        string? signedUrl = null,
        string? token = null,
        string? signature = null,
        bool sign = true)
    {
        using var http = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (sign)
        {
            request.Headers.Add(TwilioSignature.HeaderName, signature ?? TwilioSignature.Compute(token ?? AuthToken, signedUrl ?? LocalUrl(path), fields));
        }

        return await http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TestHost.DeleteDirectory(Directory);
    }
}
