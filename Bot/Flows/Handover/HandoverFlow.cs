using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>Talking to an officer: the menu entry, <c>petugas</c> at any step, the queue and leaving a message.</summary>
public sealed class HandoverFlow : IFlowModule
{
    public void Register(FlowRegistration flow) =>
        flow.Dialog<HandoverDialog>()
            .Dialog<LeaveMessageDialog>()
            .Menu(new MenuEntry("officer", OfficeServices.Handover, WellKnownDialogs.Handover, Order: 90, language => HandoverTexts.For(language).Menu, Unavailable))
            .Interruption<OfficerAsked>();

    /// <summary>Said when this office takes no chats with officers.</summary>
    internal static string Unavailable(DialogContext dc) =>
        HandoverTexts.For(dc.Language).OfficerUnavailable(dc.Office.Name, DialogTexts.For(dc.Language).ReachOffice(dc.Office));

    /// <summary><c>petugas</c> typed at any step: into the queue with what the bot had collected, or where to call instead.</summary>
    private sealed class OfficerAsked : IInterruption
    {
        public Command Command => Command.Officer;

        public async Task HandleAsync(DialogContext dc, string? collectedState)
        {
            if (dc.Dialogs.Contains(WellKnownDialogs.Handover) && dc.Office.Offers(OfficeServices.Handover))
            {
                await dc.BeginDialogAsync(WellKnownDialogs.Handover, new HandoverRequest("asked", collectedState));
                return;
            }

            dc.Say(Unavailable(dc));
            await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
        }
    }
}
