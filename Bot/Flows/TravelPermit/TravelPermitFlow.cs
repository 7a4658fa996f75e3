using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.Clients;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>
/// Out-of-town permits (POHON KETAN): the form and its menu entry, <c>status izin CODE</c>, the client
/// identification it asks with, the request type with its officer steps, the letters and the retention job.
/// </summary>
public sealed class TravelPermitFlow : IFlowModule
{
    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        var options = Hosting.SettingsCheck.Bind<PermitOptions>(flow.Configuration, PermitOptions.Section);
        services.AddSingleton(options);
        var sla = Hosting.SettingsCheck.Bind<SlaOptions>(flow.Configuration, SlaOptions.Section);
        services.TryAddSingleton(sla);
        services.TryAddSingleton(new WorkingDayCalendar(sla));
        services.AddSingleton(PermitLinks.From(flow.Configuration));
        services.AddSingleton<PermitLetterPdf>();
        services.AddSingleton<PermitLetters>();
        services.AddSingleton(sp => TravelPermitRequests.Create(sp.GetRequiredService<PermitLetters>(), sp.GetRequiredService<PermitLinks>()));
        services.AddSingleton<IRequestType>(sp => sp.GetRequiredService<RequestType<Domain.Permits.TravelPermit, TravelPermitStatus>>());
        services.AddSingleton<PermitRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<PermitRetention>());

        flow.Dialog<TravelPermitDialog>()
            .Dialog<TravelPermitFormDialog>()
            .Dialog<ClientIdentifyDialog>()
            .Dialog<TravelDatePrompt>()
            .Menu(new MenuEntry("permit", OfficeServices.TravelPermit, TravelPermitDialog.DialogId, Order: 50, language => PermitTexts.For(language).Menu))
            .Quick(QuickCommand.Status(TravelPermitDialog.DialogId, OfficeServices.TravelPermit, "izin", "ijin", "permit"));
    }
}
