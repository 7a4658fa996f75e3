using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Hosting;
using ChatBot.Bot.Simulator;
using ChatBot.Channels.Simulator;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// The real service (Kestrel on 127.0.0.1, a random port) on a temporary SQLite store. Tests drive it
/// the way users do: through the simulator's HTTP API, the gateway, or a browser.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly bool _ownsDirectory;

    private TestHost(WebApplication app, string directory, bool ownsDirectory)
    {
        _app = app;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>The folder of the temporary store; a second host on it sees the same data.</summary>
    public string Directory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public SimulatorGateway Gateway => Services.GetRequiredService<SimulatorGateway>();

    public SimulatorHub Hub => Services.GetRequiredService<SimulatorHub>();

    /// <summary>What the host logged so far (for the message of a failing test).</summary>
    public LogCapture Logs { get; private init; } = new();

    public ChatBotDbFactory Store => Services.GetRequiredService<ChatBotDbFactory>();

    /// <summary>
    /// Starts a host; pass the same <paramref name="directory"/> to restart on an existing store (the
    /// caller then owns the folder; see <see cref="NewDirectory"/>).
    /// </summary>
    public static async Task<TestHost> StartAsync(
        string? directory = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        IEnumerable<Dialog>? extraDialogs = null)
    {
        var ownsDirectory = directory is null;
        var logs = new LogCapture();
        directory ??= NewDirectory();
        WebApplication app;
        try
        {
            app = Build(directory, logs, settings, services, extraDialogs);
        }
        catch (Exception) when (ownsDirectory)
        {
            // A host that cannot start (bad settings under test) leaves no folder behind.
            DeleteDirectory(directory);
            throw;
        }

        var host = new TestHost(app, directory, ownsDirectory) { Logs = logs };
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address);
        return host;
    }

    private static WebApplication Build(
        string directory,
        LogCapture logs,
        IDictionary<string, string?>? settings,
        Action<IServiceCollection>? services,
        IEnumerable<Dialog>? extraDialogs)
    {
        return BotHost.BuildWeb([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["ConnectionStrings:ChatBot"] = $"Data Source={Path.Combine(directory, "chatbot.db")}",
                ["Media:Root"] = Path.Combine(directory, "media"),
                ["Logging:File:Enabled"] = "false",
                ["Logging:Level"] = "Warning",
                ["Outbox:PollInterval"] = "00:00:00.200",
                ["Workers:TurnProcessor:PollInterval"] = "00:00:00.200",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PretendRemoteAddress>();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<Serilog.Core.ILogEventSink>(logs);
            // A test dialog takes the place of the real flow with the same id (a test may stand in
            // for the visit booking, say); the real flows stay registered but are left out of the set.
            var extras = (extraDialogs ?? []).ToList();
            if (extras.Count > 0)
            {
                var replaced = extras.Select(dialog => dialog.Id).ToHashSet(StringComparer.Ordinal);
                builder.Services.AddSingleton(sp => new DialogSet(
                    sp.GetServices<Dialog>().Where(dialog => !replaced.Contains(dialog.Id)).Concat(extras)));
            }

            services?.Invoke(builder.Services);
        });
    }

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A chat with the bot as the person with this phone number.</summary>
    public ChatScript Chat(string phone) => new(this, phone);

    /// <summary>Stops the host but keeps its store, as a crash or a restart would.</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by the test.
        }

        if (_ownsDirectory)
        {
            DeleteDirectory(Directory);
        }
    }

    public static void DeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
