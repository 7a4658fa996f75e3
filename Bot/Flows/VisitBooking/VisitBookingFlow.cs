using ChatBot.Bot.Cli;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>The video-call visit: the flow and its menu entry, bookings, reminders, roster import.</summary>
public sealed class VisitBookingFlow : IFlowModule
{
    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        services.AddSingleton(Hosting.SettingsCheck.Bind<VisitOptions>(flow.Configuration, "Visits"));
        services.AddSingleton<VisitBookings>();
        services.AddSingleton<VisitSlots>();
        services.AddSingleton<RosterImport>();
        services.AddSingleton<IImporter, RosterImporter>();
        services.AddSingleton<VisitReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<VisitReminders>());

        flow.Dialog<VisitBookingDialog>()
            .Dialog<VisitRegisterDialog>()
            .Dialog<VisitRescheduleDialog>()
            .Dialog<SlotChoiceDialog>()
            .Dialog(_ => VisitRegisterDialog.CallNumberPrompt())
            .Menu(new MenuEntry("visit", OfficeServices.VideoCallVisit, VisitBookingDialog.DialogId, Order: 10, language => VisitTexts.For(language).Menu));
    }
}
