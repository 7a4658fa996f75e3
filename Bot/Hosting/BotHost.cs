using ChatBot.Bot.Logging;
using ChatBot.Bot.OfficerConsole;
using ChatBot.Bot.Simulator;
using ChatBot.Bot.Verification;
using ChatBot.Channels.Media;
using ChatBot.Channels.Simulator;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Serilog;

namespace ChatBot.Bot.Hosting;

/// <summary>Builds the web host (serve) and the web-less host (chat, migrate, bench) the same way.</summary>
public static class BotHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>
    /// The folder holding <c>appsettings.json</c>, <c>data/</c> and <c>logs/</c>: the clone's root when run
    /// from a clone (from the root or from Bot/), else the folder of the program.
    /// </summary>
    public static string ContentRoot()
    {
        // `dotnet run --project Bot` starts in Bot/; the settings file sits one level up in a clone.
        var folder = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (var depth = 0; folder is not null && depth < 2; depth++, folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "appsettings.json")) && File.Exists(Path.Combine(folder.FullName, "ChatBot.sln")))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    public static WebApplication BuildWeb(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot() });
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        builder.UseChatBotLogging();
        configure?.Invoke(builder);
        builder.Services.AddChatBotCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<SimulatorGateway>();
        builder.Services.AddSingleton<SimulatorSessions>();
        builder.AddOfficerConsole();
        builder.Services.AddLetterVerification();

        var app = builder.Build();
        app.UseChatBotRequestLogging();
        var webRoot = Path.Combine(AppContext.BaseDirectory, "Web");
        app.UseOfficerConsole(webRoot);
        app.UseRateLimiter();
        app.MapLetterVerification();
        app.MapMediaLinks();
        if (app.Services.GetRequiredService<TwilioOptions>().Enabled)
        {
            app.MapWhatsAppWebhooks();
        }
        var simulator = app.Services.GetRequiredService<SimulatorOptions>().Enabled;
        if (simulator)
        {
            app.UseSimulatorAccess();
        }

        app.MapGet("/", async Task<IResult> (HttpContext http) =>
            Results.Redirect(simulator && await SimulatorAccess.IsAllowedAsync(http) ? SimulatorEndpoints.BasePath : ConsoleSetup.BasePath));
        app.MapGet("/health", HealthAsync);
        if (simulator)
        {
            app.MapSimulator(webRoot);
        }

        return app;
    }

    public static IHost BuildCommandLine(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = ContentRoot() });
        builder.UseChatBotLogging();
        configure?.Invoke(builder);
        builder.Services.AddChatBotCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<SimulatorGateway>();
        return builder.Build();
    }

    private static async Task<IResult> HealthAsync(ChatBotDbFactory factory, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var ok = await db.Database.CanConnectAsync(ct);
        return ok ? Results.Ok(new { status = "ok" }) : Results.Json(new { status = "store unavailable" }, statusCode: 503);
    }
}
