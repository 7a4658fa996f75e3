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
using ChatBot.Domain;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Officers;
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
        // Every settings problem is collected and named together at the end (see SettingsCheck).
        var settings = new SettingsCheck(configuration);

        var store = new StoreOptions();
        settings.Run(() => store = ReadStoreOptions(configuration, contentRoot));
        services.AddSingleton(store);
        services.AddSingleton<ChatBotDbFactory>();
        services.AddSingleton<IDbContextFactory<ChatBotDb>>(sp => sp.GetRequiredService<ChatBotDbFactory>());
        services.AddSingleton<OfficeDirectory>();
        services.AddSingleton<OfficeSettings>();
        services.AddSingleton<PipelineEvents>();
        services.AddSingleton(settings.Section<DefaultOfficeOptions>("Offices:Default"));

        // Hosted services start in this order; the store is migrated before anything reads it.
        services.AddHostedService<StoreStartup>();
        AddWorker<InboxWriter>(services);
        services.AddSingleton(settings.Section<OutboxOptions>("Outbox"));
        AddWorker<OutboxDispatcher>(services);
        services.AddSingleton(settings.Section<TurnProcessorOptions>("Workers:TurnProcessor"));
        services.AddSingleton(sp =>
        {
            var twilio = sp.GetRequiredService<TwilioOptions>();
            return new InboundMedia(twilio.Enabled ? sp.GetService<TwilioMediaFetcher>() : null, sp.GetRequiredService<EmailOptions>(), twilio.MaxMediaBytes);
        });
        services.AddSingleton(settings.Section<MediaStageOptions>("Workers:MediaStage"));
        AddWorker<MediaStage>(services);
        AddWorker<TurnProcessor>(services);

        services.AddSingleton(settings.Section<HandoverOptions>("Handover"));
        var lookups = settings.Section<LookupOptions>(LookupOptions.Section);
        services.AddSingleton(lookups);
        services.AddSingleton<LookupThrottle>();
        services.AddSingleton(DomainEventWiring.Create);
        services.AddSingleton<Domain.Requests.RequestDesk>();
        services.AddSingleton<Domain.Requests.RequestStatusLookup>();
        services.AddSingleton<HandoverService>();
        services.AddSingleton<OfficerConsole.Conversations.ConversationQueries>();
        AddWorker<HandoverWatcher>(services);

        // Files the service sends (a permit letter) are fetched by expiring links: GET /media/{token}.
        services.AddDataProtection();
        services.AddSingleton(settings.Section<MediaLinkOptions>(MediaLinkOptions.Section));
        services.AddSingleton<MediaLinks>();

        // WhatsApp (Twilio): settings are checked at start, with a clear message for each problem.
        var twilio = settings.Section<TwilioOptions>(TwilioOptions.Section);

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
                sp.GetRequiredService<ILogger<TwilioSender>>(),
                media: sp.GetRequiredService<MediaLinks>()));
        }

        // E-mail (IMAP in, SMTP out).
        var email = settings.Section<EmailOptions>(EmailOptions.Section);

        services.TryAddSingleton(email);
        // Files people send (both channels): Media:Root, default data/media beside the store.
        var mediaRoot = configuration["Media:Root"] is { Length: > 0 } configuredRoot ? Path.Combine(contentRoot, configuredRoot) : MediaStore.DefaultRoot(contentRoot);
        services.TryAddSingleton(sp => new MediaStore(mediaRoot, sp.GetRequiredService<ILogger<MediaStore>>()));
        if (email.Enabled)
        {
            services.AddSingleton<IChannelSender, EmailSender>();
            AddWorker<ImapListener>(services);
        }

        var simulator = settings.Section<SimulatorOptions>(SimulatorOptions.Section);
        if (string.IsNullOrWhiteSpace(configuration[$"{SimulatorOptions.Section}:{nameof(SimulatorOptions.Enabled)}"]))
        {
            // Not set: on unless a real channel is (an explicit true or false always wins).
            simulator.Enabled = SimulatorOptions.EnabledByDefault(twilio.Enabled, email.Enabled);
        }

        services.TryAddSingleton(simulator);
        if (simulator.Enabled)
        {
            services.TryAddSingleton<SimulatorHub>();
            services.AddSingleton<IChannelSender, SimulatorSender>();
        }

        var console = settings.Section<ConsoleOptions>(ConsoleOptions.Section);
        services.AddSingleton(console);
        services.TryAddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Officer>>(new Microsoft.AspNetCore.Identity.PasswordHasher<Officer>());
        services.AddSingleton<OfficerAccounts>();
        services.AddSingleton<OfficerConsole.Live.ConsoleEvents>();
        OfficerConsole.Clients.ClientRegistration.AddClientRegister(services);
        settings.Run(() => OfficerConsole.Assessments.AssessmentRegistration.AddAssessments(services, configuration));

        AddDialogEngine(services);
        var flows = new FlowRegistration(services, configuration);
        foreach (var module in FlowModules)
        {
            settings.Run(() => module.Register(flows));
        }

        settings.ThrowIfAny();
        return services;
    }

    /// <summary>
    /// Every conversation flow of the service, one module each (<see cref="IFlowModule"/>): its dialogs,
    /// menu entry, commands and services. Adding a flow is adding its module here.
    /// </summary>
    private static readonly IFlowModule[] FlowModules =
    [
        new MainMenuFlow(),
        new HelpFlow(),
        new Flows.Faq.FaqFlow(),
        new HandoverFlow(),
        new Flows.VisitBooking.VisitBookingFlow(),
        new Flows.LitmasStatus.LitmasStatusFlow(),
        new Flows.IntegrationInfo.IntegrationInfoFlow(),
        new Flows.Complaint.ComplaintFlow(),
        new Flows.TravelPermit.TravelPermitFlow(),
        new Flows.Abh.AbhFlow(),
        new Flows.Outreach.OutreachFlow(),
        new Flows.Guidance.GuidanceFlow(),
        new Flows.Requests.RequestStatusFlow(),
    ];

    /// <summary>The engine and the prompts every flow asks with.</summary>
    private static void AddDialogEngine(IServiceCollection services)
    {
        services.AddSingleton<Dialog>(_ => new TextPrompt());
        services.AddSingleton<Dialog>(_ => new ChoicePrompt());
        services.AddSingleton<Dialog>(_ => new ConfirmPrompt());
        services.AddSingleton<Dialog>(_ => new NumberPrompt());
        services.AddSingleton<Dialog>(_ => new DatePrompt());
        services.AddSingleton<Dialog>(_ => new PhonePrompt());
        services.AddSingleton<Dialog>(_ => new EmailPrompt());
        services.AddSingleton<Dialog>(_ => new NikPrompt());
        services.AddSingleton<Dialog>(_ => new AttachmentPrompt());
        services.AddSingleton<Dialog>(_ => new SummaryPrompt());
        services.AddSingleton<Dialog>(_ => new LeaveDialog());
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
                : throw new SettingsException("ConnectionStrings:ChatBot is required when Database:Provider is Postgres.");
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
            SqliteSynchronous = SqliteConnectionSetup.CheckSynchronous(configuration.GetValue("Database:SqliteSynchronous", "NORMAL")!),
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

/// <summary>Where the domain's events go once committed: the pipeline's signals and the console's live updates.</summary>
internal static class DomainEventWiring
{
    public static Domain.Events.DomainEvents Create(IServiceProvider services)
    {
        var events = new Domain.Events.DomainEvents();
        var pipeline = services.GetRequiredService<PipelineEvents>();
        var console = services.GetRequiredService<OfficerConsole.Live.ConsoleEvents>();
        events.Subscribe(e =>
        {
            switch (e)
            {
                case Domain.Events.MessagesQueued:
                    pipeline.OutboxQueued.Set();
                    break;
                case Domain.Events.TurnsQueued:
                    pipeline.InboundStored.Set();
                    break;
                case Domain.Events.RequestChanged request:
                    console.Publish(new OfficerConsole.Live.ConsoleEvent(request.Kind, request.OfficeId, $"{request.Kind}/{request.RequestId}"));
                    break;
                case Domain.Events.RecordChanged record:
                    console.Publish(new OfficerConsole.Live.ConsoleEvent(record.Kind, record.OfficeId, record.Subject));
                    break;
            }
        });
        return events;
    }
}
