using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>
/// ABH accompaniment, 24 hours: the form and its menu entry (status by code through <c>status abh CODE</c>,
/// the shared status command), the request type and its desk, the on-duty roster, the alerts and their
/// escalation, and the retention job.
/// </summary>
public sealed class AbhFlow : IFlowModule
{
    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        var options = Hosting.SettingsCheck.Bind<AbhOptions>(flow.Configuration, AbhOptions.Section);
        services.AddSingleton(options);
        var requests = AbhRequests.Create();
        services.AddSingleton(requests);
        services.AddSingleton<Domain.Requests.IRequestType>(requests);
        services.AddSingleton<DutyRoster>();
        services.AddSingleton<AbhAlerts>();
        services.AddSingleton<AbhDesk>();
        services.AddSingleton<Workers.AbhWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Workers.AbhWatcher>());
        services.AddSingleton<AbhRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AbhRetention>());

        flow.Dialog<AbhFormDialog>()
            .Dialog(_ => new InitialsPrompt())
            .Dialog(_ => AbhPrompts.OffencePrompt())
            .Menu(new MenuEntry("abh", OfficeServices.AbhAccompaniment, AbhFormDialog.DialogId, Order: 60, language => AbhTexts.For(language).Menu));
    }
}
