using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Requests;

/// <summary>
/// <c>status CODE</c> for any request type, from anywhere: the code's prefix names the type
/// (<see cref="RequestStatusLookup.Recognize"/>), and the answer is the type's own status text, only
/// for the conversation that filed it (everyone else hears "not found" and is throttled). Inside
/// another flow it answers in the same turn and the flow's question is asked again.
/// </summary>
public sealed class RequestStatusDialog(RequestStatusLookup lookup) : Dialog(DialogId)
{
    public const string DialogId = "request.status";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var query = options is QuickLookup quick ? quick.Query : options as string ?? dc.Text;
        if (lookup.Recognize(query) is { } found)
        {
            var answer = await lookup.AskAsync(dc.Work, found.Type, found.Code, new StatusAsker(dc.Office, dc.Conversation, dc.Language));
            dc.Say(answer.Say);
        }

        return options is QuickLookup { Inline: true } ? DialogTurnResult.Waiting : await dc.EndDialogAsync();
    }
}
