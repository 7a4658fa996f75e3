using ChatBot.Bot.Dialogs;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Integration;
using ChatBot.Domain.Officers;
using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>Composition of integration information: the flow, the console's desk, its policies and the retention job.</summary>
public static class IntegrationInfoServices
{
    /// <summary>Console policy: the request queue, verifying and answering (service officers, heads of office, admins).</summary>
    public const string ConsolePolicy = "integration";

    /// <summary>Console policy: opening a requester's KTP (the console's identity rule: service officers and heads of office only).</summary>
    public const string KtpPolicy = ConsoleClaims.IdentityPolicy;

    public static IServiceCollection AddIntegrationInfo(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Hosting.SettingsCheck.Bind<IntegrationOptions>(configuration, "IntegrationInfo");
        services.AddSingleton(options);
        var requests = IntegrationRequests.Create();
        services.AddSingleton(requests);
        services.AddSingleton<ChatBot.Domain.Requests.IRequestType>(requests);
        services.AddSingleton<IntegrationRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<IntegrationRetention>());

        services.AddSingleton<Dialog, IntegrationInfoDialog>();
        services.AddSingleton<Dialog, IntegrationFormDialog>();
        foreach (var prompt in FormPrompts.All(options))
        {
            services.AddSingleton(prompt);
        }

        services.Configure<AuthorizationOptions>(o => o.AddPolicy(ConsolePolicy, p => p
            .AddAuthenticationSchemes(ConsoleClaims.Scheme)
            .RequireRole(nameof(OfficerRole.Admin), nameof(OfficerRole.Kepala), nameof(OfficerRole.ServiceOfficer))));
        services.AddSingleton(new ConversationCase(
            "permohonan informasi integrasi", ConsolePolicy, WellKnownDialogs.IntegrationInfo, db => db.IntegrationRequests.Where(r => r.ConversationId != null).Select(r => r.ConversationId!.Value)));
        return services;
    }
}
