using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.Complaint;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Complaints;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Sla;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the container's own namespace, like the framework's AddXxx methods: the host calls it without an import.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Everything the complaint service adds to the host: its dialogs, deadlines, officer steps and console policies.</summary>
public static class ComplaintSetup
{
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ChatBot.Bot.Hosting.SettingsCheck.Bind<ComplaintOptions>(configuration, ComplaintOptions.Section);

        services.AddSingleton(options);

        // The working-day calendar is shared by every service with deadlines in working days.
        var sla = ChatBot.Bot.Hosting.SettingsCheck.Bind<SlaOptions>(configuration, SlaOptions.Section);
        services.TryAddSingleton(sla);
        services.TryAddSingleton(new WorkingDayCalendar(sla)); // checks Sla:Weekend at start
        var requests = ComplaintRequests.Create(options);
        services.AddSingleton(requests);
        services.AddSingleton<ChatBot.Domain.Requests.IRequestType>(requests);
        services.AddSingleton<ComplaintQueries>();

        services.AddSingleton<Dialog, ComplaintDialog>();
        services.AddSingleton<Dialog, ComplaintStatusDialog>();
        services.AddSingleton<Dialog, ComplaintSurveyDialog>();
        services.AddSingleton<Dialog>(_ => ComplaintDialog.DescriptionPrompt());
        services.AddSingleton<Dialog, OptionalFilePrompt>();
        services.AddSingleton<Dialog, ComplaintCodePrompt>();

        services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(ComplaintPolicies.Complaints, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme).RequireRole(Enum.GetNames<OfficerRole>()));
            o.AddPolicy(ComplaintPolicies.Reporter, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Kepala), nameof(OfficerRole.ServiceOfficer)));
        });
        // A complaint's reporter data is for the head and the desk; so is the conversation that filed it.
        services.AddSingleton(new ConversationCase(
            "pengaduan",
            ComplaintPolicies.Reporter,
            ComplaintDialog.DialogId,
            db => db.Complaints.Select(c => c.ConversationId),
            db => db.Complaints.Where(c => c.Anonymous).Select(c => c.ConversationId)));
        return services;
    }
}
