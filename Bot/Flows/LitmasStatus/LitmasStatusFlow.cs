using ChatBot.Bot.Cli;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.LitmasStatus;

/// <summary>The litmas status: the flow, its menu entry and <c>status litmas NUMBER</c>, the case service for the console, and <c>import litmas</c>.</summary>
public sealed class LitmasStatusFlow : IFlowModule
{
    /// <summary><c>status litmas NUMBER</c>, <c>cek litmas: NUMBER</c>, <c>litmas status NUMBER</c>, from anywhere.</summary>
    public static readonly QuickCommand StatusCommand = QuickCommand.Status(WellKnownDialogs.LitmasStatus, OfficeServices.LitmasStatus, "litmas");

    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        services.AddSingleton<LitmasLookup>();
        services.AddSingleton<LitmasCaseService>();
        services.AddSingleton<IImporter, LitmasImporter>();
        flow.Dialog<LitmasStatusDialog>()
            .Menu(new MenuEntry("litmas", OfficeServices.LitmasStatus, WellKnownDialogs.LitmasStatus, Order: 20, language => LitmasTexts.For(language).Menu))
            .Quick(StatusCommand);
    }
}
