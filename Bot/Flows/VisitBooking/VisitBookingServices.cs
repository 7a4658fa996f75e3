using ChatBot.Bot.Cli;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Visits;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Visits;
using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>Composition of the video-call visit: the flow, bookings, reminders, roster import and the console's desk.</summary>
public static class VisitBookingServices
{
    /// <summary>Console policy: the visit queue, schedule and roster (visit officers, heads of office, admins).</summary>
    public const string ConsolePolicy = "visits";

    public static IServiceCollection AddVisitBooking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Hosting.SettingsCheck.Bind<VisitOptions>(configuration, "Visits"));
        services.AddSingleton<VisitBookings>();
        services.AddSingleton<RosterImport>();
        services.AddSingleton<IImporter, RosterImporter>();
        services.AddSingleton<VisitDesk>();
        services.AddSingleton<VisitReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<VisitReminders>());

        services.AddSingleton<Dialog, VisitBookingDialog>();
        services.AddSingleton<Dialog, VisitRegisterDialog>();
        services.AddSingleton<Dialog, VisitRescheduleDialog>();
        services.AddSingleton<Dialog>(_ => VisitRegisterDialog.CallNumberPrompt());

        services.Configure<AuthorizationOptions>(o => o.AddPolicy(ConsolePolicy, p => p
            .AddAuthenticationSchemes(ConsoleClaims.Scheme)
            .RequireRole(nameof(OfficerRole.Admin), nameof(OfficerRole.Kepala), nameof(OfficerRole.VisitOfficer))));
        services.AddSingleton(new ConversationCase("kunjungan video call", ConsolePolicy, VisitBookingDialog.DialogId, db => db.Visits.Select(v => v.ConversationId)));
        return services;
    }
}
