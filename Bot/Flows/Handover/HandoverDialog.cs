using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.MainMenu;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>Why a person is handed over, and what the bot had collected until then.</summary>
public sealed record HandoverRequest(string Reason, string? CollectedState);

/// <summary>
/// Puts the conversation in the officers' queue: the person learns their place in it (and, outside
/// service hours, when officers answer), and from then on the bot stays silent until an officer
/// hands the conversation back or closes it.
/// </summary>
public sealed class HandoverDialog() : Dialog(WellKnownDialogs.Handover)
{
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var request = options as HandoverRequest ?? new HandoverRequest("menu", null);
        var office = dc.Office;
        var place = await Handovers.JoinAsync(dc.Work, dc.Conversation, request.Reason, request.CollectedState);

        dc.Say(HandoverQueue.Place(office, dc.Language, dc.UtcNow, place, again: false));
        dc.CancelAllDialogs();
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }
}
