using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>
/// Group guidance and BATAKO counters: the officers' desk (proposals, sessions, counters, invitations,
/// attendance), the catcher that reads clients' answers to invitations wherever they write them, the dialog
/// that asks which invitation an answer is for, and the worker for the day-before reminders and non-responders.
/// Clients do not start anything from the menu: the office invites them.
/// </summary>
public sealed class GuidanceFlow : IFlowModule
{
    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        services.AddSingleton(Hosting.SettingsCheck.Bind<GuidanceOptions>(flow.Configuration, GuidanceOptions.Section));
        services.AddSingleton<GuidanceDesk>();
        services.AddSingleton<GuidanceReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<GuidanceReminders>());
        flow.Dialog<WhichInvitationDialog>()
            .Catch<InvitationAnswerCatcher>();
    }
}
