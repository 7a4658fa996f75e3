using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.MainMenu;

/// <summary>One service on the main menu and the dialog that serves it.</summary>
/// <param name="Value">Stable choice value.</param>
/// <param name="Service">The office service it belongs to; offices that do not offer it hide it.</param>
/// <param name="DialogId">The flow's dialog; while none is registered the entry says it is coming soon.</param>
public sealed record MenuEntry(string Value, OfficeServices Service, string DialogId);

public static class MenuEntries
{
    public static readonly IReadOnlyList<MenuEntry> All =
    [
        new("visit", OfficeServices.VideoCallVisit, "visit-booking"),
        new("litmas", OfficeServices.LitmasStatus, "litmas-status"),
        new("integration", OfficeServices.IntegrationInfo, "integration-info"),
        new("complaint", OfficeServices.Complaint, "complaint"),
        new("permit", OfficeServices.TravelPermit, "travel-permit"),
        new("officer", OfficeServices.Handover, Dialogs.WellKnownDialogs.Handover),
    ];
}
