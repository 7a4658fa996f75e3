using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Sla;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>Everything the complaint service adds to the host: its dialogs, menu entry and <c>status pengaduan CODE</c>, deadlines and officer steps.</summary>
public sealed class ComplaintFlow : IFlowModule
{
    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        var configuration = flow.Configuration;
        var options = ChatBot.Bot.Hosting.SettingsCheck.Bind<ComplaintOptions>(configuration, ComplaintOptions.Section);

        services.AddSingleton(options);

        // The working-day calendar is shared by every service with deadlines in working days.
        var sla = ChatBot.Bot.Hosting.SettingsCheck.Bind<SlaOptions>(configuration, SlaOptions.Section);
        services.TryAddSingleton(sla);
        services.TryAddSingleton(new WorkingDayCalendar(sla)); // checks Sla:Weekend at start
        var requests = ComplaintRequests.Create(options);
        services.AddSingleton(requests);
        services.AddSingleton<ChatBot.Domain.Requests.IRequestType>(requests);

        flow.Dialog<ComplaintDialog>()
            .Dialog<ComplaintStatusDialog>()
            .Dialog<ComplaintSurveyDialog>()
            .Dialog(_ => ComplaintDialog.DescriptionPrompt())
            .Dialog<OptionalFilePrompt>()
            .Dialog<ComplaintCodePrompt>()
            .Menu(new MenuEntry("complaint", OfficeServices.Complaint, ComplaintDialog.DialogId, Order: 40, language => ComplaintTexts.For(language).Menu))
            .Quick(QuickCommand.Status(ComplaintStatusDialog.DialogId, OfficeServices.Complaint, "pengaduan", "aduan", "komplain", "complaint"));
    }
}
