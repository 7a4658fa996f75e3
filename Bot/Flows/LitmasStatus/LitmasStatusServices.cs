using ChatBot.Bot.Cli;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.OfficerConsole.Auth;

namespace ChatBot.Bot.Flows.LitmasStatus;

public static class LitmasStatusServices
{
    /// <summary>The litmas-status flow, its case service for the console, and <c>import litmas</c>.</summary>
    public static IServiceCollection AddLitmasStatus(this IServiceCollection services)
    {
        services.AddSingleton<LitmasLookup>();
        services.AddSingleton<LitmasCaseService>();
        services.AddSingleton<Dialog, LitmasStatusDialog>();
        services.AddSingleton<IImporter, LitmasImporter>();
        services.AddSingleton(new ConversationCase("litmas", ConsoleClaims.LitmasPolicy, WellKnownDialogs.LitmasStatus, db => db.LitmasSubscriptions.Select(s => s.ConversationId)));
        return services;
    }
}
