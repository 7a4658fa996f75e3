using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.MainMenu;

/// <summary>The root of every conversation, and the menu entries of services not served by chat yet ("segera hadir").</summary>
public sealed class MainMenuFlow : IFlowModule
{
    public void Register(FlowRegistration flow) =>
        flow.Dialog<MainMenuDialog>()
            .Menu(new MenuEntry("permit", OfficeServices.TravelPermit, DialogId: null, Order: 50, language => MainMenuTexts.For(language).Permit));
}
