using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.MainMenu;

/// <summary>The root of every conversation (a service not served by chat yet registers a menu entry without a dialog: "segera hadir").</summary>
public sealed class MainMenuFlow : IFlowModule
{
    public void Register(FlowRegistration flow) =>
        flow.Dialog<MainMenuDialog>();
}
