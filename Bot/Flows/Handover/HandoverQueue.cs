using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>What a person may still do while they wait in the handover queue.</summary>
public static class HandoverQueue
{
    /// <summary>
    /// A person still waiting (nobody has taken the conversation) who types <c>batal</c> or
    /// <c>menu</c> leaves the queue and the bot answers again. Returns the notice to send then, or
    /// null when the message is for the officers.
    /// </summary>
    public static async Task<string?> LeaveIfAskedAsync(ChatBotDb db, Conversation conversation, string text, DateTime now, CancellationToken cancellationToken)
    {
        if (conversation.Mode != ConversationMode.HandoverWaiting
            || InterruptionRouter.Recognize(text) is not (Command.Cancel or Command.Menu))
        {
            return null;
        }

        var waiting = await db.Handovers
            .Where(h => h.ConversationId == conversation.Id && h.Status == HandoverStatus.Waiting)
            .ToListAsync(cancellationToken);
        foreach (var handover in waiting)
        {
            // Returned with no officer named: the person withdrew the request.
            handover.Status = HandoverStatus.Returned;
            handover.EndedAt = now;
        }

        conversation.Mode = ConversationMode.Bot;
        return HandoverTexts.For(conversation.Language).CancelledByUser;
    }
}
