using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>Integration information: the flow, its menu entry and <c>status informasi CODE</c>, the console's desk, its policies and the retention job.</summary>
public sealed class IntegrationInfoFlow : IFlowModule
{
    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        var options = Hosting.SettingsCheck.Bind<IntegrationOptions>(flow.Configuration, "IntegrationInfo");
        services.AddSingleton(options);
        var requests = IntegrationRequests.Create();
        services.AddSingleton(requests);
        services.AddSingleton<ChatBot.Domain.Requests.IRequestType>(requests);
        services.AddSingleton<IntegrationRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<IntegrationRetention>());

        flow.Dialog<IntegrationInfoDialog>()
            .Dialog<IntegrationFormDialog>()
            .Menu(new MenuEntry("integration", OfficeServices.IntegrationInfo, IntegrationInfoDialog.DialogId, Order: 30, language => IntegrationTexts.For(language).Menu))
            .Quick(QuickCommand.Status(IntegrationInfoDialog.DialogId, OfficeServices.IntegrationInfo, "informasi", "integrasi"));
        foreach (var prompt in FormPrompts.All(options))
        {
            flow.Dialog(_ => prompt);
        }
    }
}
