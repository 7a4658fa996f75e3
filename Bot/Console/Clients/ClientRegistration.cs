using ChatBot.Bot.Cli;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>The client register's services, for the web host and the command line alike.</summary>
public static class ClientRegistration
{
    public static IServiceCollection AddClientRegister(this IServiceCollection services)
    {
        services.AddSingleton<ClientDesk>();
        services.AddSingleton<ClientImport>();
        services.AddSingleton<IImporter, ClientImporter>();
        return services;
    }
}
