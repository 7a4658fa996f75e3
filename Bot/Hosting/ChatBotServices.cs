using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Flows.Handover;
using ChatBot.Bot.Flows.Help;
using ChatBot.Bot.Flows.MainMenu;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Workers;
using ChatBot.Channels.Email;
using ChatBot.Channels.Inbox;
using ChatBot.Channels.Media;
using ChatBot.Channels.Outbox;
using ChatBot.Channels.Pipeline;
using ChatBot.Channels.Simulator;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Bot.Hosting;

/// <summary>Composition of the service: the store, the pipeline, the channels and the dialogs.</summary>
public static class ChatBotServices
{
    /// <summary>Registers everything but the web endpoints; used by the web host and by the command line.</summary>
    public static IServiceCollection AddChatBotCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);

        var store = ReadStoreOptions(configuration, contentRoot);
        services.AddSingleton(store);
        services.AddSingleton<ChatBotDbFactory>();
        services.AddSingleton<IDbContextFactory<ChatBotDb>>(sp => sp.GetRequiredService<ChatBotDbFactory>());
        services.AddSingleton<OfficeDirectory>();
        services.AddSingleton<PipelineEvents>();
        services.AddSingleton(configuration.GetSection("Offices:Default").Get<DefaultOfficeOptions>() ?? new DefaultOfficeOptions());

        // Hosted services start in this order; the store is migrated before anything reads it.
        services.AddHostedService<StoreStartup>();
        AddWorker<InboxWriter>(services);
        services.AddSingleton(configuration.GetSection("Outbox").Get<OutboxOptions>() ?? new OutboxOptions());
        AddWorker<OutboxDispatcher>(services);
        services.AddSingleton(configuration.GetSection("Workers:TurnProcessor").Get<TurnProcessorOptions>() ?? new TurnProcessorOptions());
        services.AddSingleton(sp => new InboundMedia(sp.GetRequiredService<TwilioOptions>().Enabled ? sp.GetService<TwilioMediaFetcher>() : null, sp.GetRequiredService<EmailOptions>()));
        AddWorker<TurnProcessor>(services);

        services.AddSingleton(configuration.GetSection("Handover").Get<HandoverOptions>() ?? new HandoverOptions());
        services.AddSingleton(configuration.GetSection("Lookups").Get<LookupOptions>() ?? new LookupOptions());
        services.AddSingleton<LookupThrottle>();
        services.AddSingleton<HandoverService>();
        services.AddSingleton<OfficerConsole.Conversations.ConversationQueries>();
        AddWorker<HandoverWatcher>(services);

        // WhatsApp (Twilio): settings are checked at start, with a clear message for each problem.
        var twilio = configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        if (twilio.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("The WhatsApp channel is enabled but its settings are incomplete:\n- " + string.Join("\n- ", problems));
        }

        services.TryAddSingleton(twilio);
        services.AddWhatsAppInbound();
        if (twilio.Enabled)
        {
            // One sender per process: it holds the rate limiter, the circuit and split-message progress.
            services.AddSingleton<IChannelSender>(sp => new TwilioSender(
                TwilioSender.CreateHttpClient(),
                sp.GetRequiredService<TwilioOptions>(),
                sp.GetRequiredService<ChatBotDbFactory>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<TwilioSender>>()));
        }

        // E-mail (IMAP in, SMTP out).
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (email.Problems() is { Count: > 0 } emailProblems)
        {
            throw new InvalidOperationException("The e-mail channel is enabled but its settings are incomplete:\n- " + string.Join("\n- ", emailProblems));
        }

        services.TryAddSingleton(email);
        // Files people send (both channels): Media:Root, default data/media beside the store.
        var mediaRoot = configuration["Media:Root"] is { Length: > 0 } configuredRoot ? Path.Combine(contentRoot, configuredRoot) : MediaStore.DefaultRoot(contentRoot);
        services.TryAddSingleton(sp => new MediaStore(mediaRoot, sp.GetRequiredService<ILogger<MediaStore>>()));
        if (email.Enabled)
        {
            services.AddSingleton<IChannelSender, EmailSender>();
            AddWorker<ImapListener>(services);
        }

        var simulator = configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
        if (simulator.SessionIdleTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Channels:Simulator:SessionIdleTimeout must be longer than zero, e.g. 00:30:00.");
        }

        services.TryAddSingleton(simulator);
        if (simulator.Enabled)
        {
            services.TryAddSingleton<SimulatorHub>();
            services.AddSingleton<IChannelSender, SimulatorSender>();
        }

        services.AddSingleton(configuration.GetSection("Console").Get<ConsoleOptions>() ?? new ConsoleOptions());
        services.AddSingleton<OfficerAccounts>();
        services.AddSingleton<OfficerConsole.Live.ConsoleEvents>();

        AddDialogs(services);
        Flows.VisitBooking.VisitBookingServices.AddVisitBooking(services, configuration);
        Flows.LitmasStatus.LitmasStatusServices.AddLitmasStatus(services);
        services.AddComplaints(configuration);
        Flows.IntegrationInfo.IntegrationInfoServices.AddIntegrationInfo(services, configuration);
        return services;
    }

    private static void AddDialogs(IServiceCollection services)
    {
        services.AddSingleton<Dialog, MainMenuDialog>();
        services.AddSingleton<Dialog, HelpDialog>();
        services.AddSingleton<Dialog, HandoverDialog>();
        services.AddSingleton<Dialog, LeaveMessageDialog>();
        services.AddSingleton<Dialog>(_ => new TextPrompt());
        services.AddSingleton<Dialog>(_ => new ChoicePrompt());
        services.AddSingleton<Dialog>(_ => new ConfirmPrompt());
        services.AddSingleton<Dialog>(_ => new NumberPrompt());
        services.AddSingleton<Dialog>(_ => new DatePrompt());
        services.AddSingleton<Dialog>(_ => new PhonePrompt());
        services.AddSingleton<Dialog>(_ => new EmailPrompt());
        services.AddSingleton<Dialog>(_ => new NikPrompt());
        services.AddSingleton<Dialog>(_ => new AttachmentPrompt());
        services.TryAddSingleton<DialogSet>(); // a host may bring its own set (tests stand a dialog in for a flow)
        services.AddSingleton<DialogEngine>();
    }

    private static void AddWorker<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }

    /// <summary>Reads the store settings; a relative SQLite file is placed under the content root.</summary>
    public static StoreOptions ReadStoreOptions(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connection = configuration.GetConnectionString("ChatBot");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? StoreOptions.DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:ChatBot is required when Database:Provider is Postgres.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var csb = new SqliteConnectionStringBuilder(connection);
            if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
            }

            connection = csb.ToString();
        }

        return new StoreOptions
        {
            Provider = provider,
            ConnectionString = connection,
            SqliteSynchronous = configuration.GetValue("Database:SqliteSynchronous", "NORMAL")!,
        };
    }
}

/// <summary>Migrates the store, seeds the default office and loads the office directory before anything else starts.</summary>
internal sealed class StoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What <c>migrate</c> does, and what every start does first.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<ChatBotDbFactory>();
        var offices = services.GetRequiredService<OfficeDirectory>();
        var configuration = services.GetRequiredService<IConfiguration>();
        await StoreInitializer.InitializeAsync(
            factory,
            services.GetRequiredService<DefaultOfficeOptions>(),
            configuration["Channels:WhatsApp:From"],
            configuration["Channels:Email:Address"],
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            cancellationToken);
        await offices.ReloadAsync(cancellationToken);
        var logger = services.GetRequiredService<ILogger<StoreStartup>>();
        logger.LogInformation("Store ready ({Provider}); {Count} office(s)", factory.Options.Provider, offices.All.Count);
        if (!await services.GetRequiredService<OfficerAccounts>().AnyAdminAsync(cancellationToken))
        {
            logger.LogWarning(
                "No console administrator exists yet. Create one with: dotnet run --project Bot -- officer add admin --role admin");
        }
    }
}
