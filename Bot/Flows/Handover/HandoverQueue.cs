using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>What a person may still do while they wait in the handover queue, and what they are told meanwhile.</summary>
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

    /// <summary>
    /// A person still waiting who writes again ("halo pak? ada orang?"): their place in the queue again and
    /// that an officer will answer, when the bot told them nothing for <paramref name="interval"/> (since
    /// they joined, or since the last reminder). Null otherwise: the message is only for the officers.
    /// </summary>
    public static async Task<string?> RemindIfDueAsync(ChatBotDb db, Conversation conversation, Office office, DateTime now, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (conversation.Mode != ConversationMode.HandoverWaiting)
        {
            return null;
        }

        var handover = await db.Handovers.AsNoTracking()
            .Where(h => h.ConversationId == conversation.Id && h.Status == HandoverStatus.Waiting)
            .OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (handover is null)
        {
            return null;
        }

        var lastTold = await db.OutboundMessages.Where(m => m.ConversationId == conversation.Id && m.CreatedAt >= handover.RequestedAt)
            .MaxAsync(m => (DateTime?)m.CreatedAt, cancellationToken) ?? handover.RequestedAt;
        if (now - lastTold < interval)
        {
            return null;
        }

        var place = await db.Handovers.CountAsync(h => h.OfficeId == handover.OfficeId && h.Status == HandoverStatus.Waiting && h.Id <= handover.Id, cancellationToken);
        return Place(office, conversation.Language, now, place, again: true);
    }

    /// <summary>The person's place in the queue and, outside service hours, when officers answer; then how to leave the queue.</summary>
    public static string Place(Office office, string language, DateTime nowUtc, int place, bool again)
    {
        var texts = HandoverTexts.For(language);
        var message = again ? texts.StillQueued(place) : texts.Queued(place);
        if (!office.IsOpenAt(nowUtc))
        {
            var next = office.NextOpening(nowUtc);
            var when = $"{texts.DayNames[(int)next.DayOfWeek]} {next:dd-MM-yyyy}, {next:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";
            message += "\n\n" + texts.OutsideHours(DialogTexts.For(language).ServiceHours(office), when);
        }

        return $"{message}\n\n{texts.HowToCancel}";
    }
}
