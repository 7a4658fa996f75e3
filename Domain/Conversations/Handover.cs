using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Conversations;

public enum HandoverStatus
{
    /// <summary>In the queue; no officer has taken it yet.</summary>
    Waiting,

    /// <summary>An officer has taken it and answers the person.</summary>
    Active,

    /// <summary>The officer handed the conversation back to the bot.</summary>
    Returned,

    /// <summary>The officer closed it.</summary>
    Closed,

    /// <summary>Nobody took it in time; the person was offered to leave a message.</summary>
    Expired,
}

/// <summary>A person's request to talk to an officer, from queueing to hand-back.</summary>
public sealed class Handover
{
    /// <summary>The SOP's response time: an officer takes a waiting person within 15 minutes.</summary>
    public static readonly Sla.ServiceStandard Pickup = Sla.ServiceStandard.Minutes(15);

    public long Id { get; set; }

    public long ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public int OfficeId { get; set; }

    public HandoverStatus Status { get; set; }

    /// <summary>Why the person was handed over: they asked, or the bot offered after failed answers.</summary>
    public string? Reason { get; set; }

    public DateTime RequestedAt { get; set; }

    public int? TakenByOfficerId { get; set; }

    public DateTime? TakenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public int? EndedByOfficerId { get; set; }

    /// <summary>The person was told nobody answered in time (sent once).</summary>
    public bool TimeoutNotified { get; set; }

    /// <summary>What the bot had collected when the person asked for an officer (the flow's state, JSON).</summary>
    public string? CollectedState { get; set; }

    /// <summary>Message the person left after the time-out, kept as a ticket for officers.</summary>
    public string? LeftMessage { get; set; }
}

/// <summary>A ready-made answer officers of an office can insert into a reply.</summary>
public sealed class CannedReply
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }
}

/// <summary>What a person's turn does with the officers' queue.</summary>
public static class Handovers
{
    /// <summary>A message left after nobody took the conversation in time, not yet answered or closed by an officer.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Handover, bool>> IsOpenTicket =
        h => h.Status == HandoverStatus.Expired && h.LeftMessage != null;

    /// <summary>Puts the conversation in the office's queue; returns the person's place in it (1 for first).</summary>
    public static async Task<int> JoinAsync(Persistence.UnitOfWork work, Conversation conversation, string reason, string? collectedState)
    {
        var db = work.Db;
        var ahead = await db.Handovers.CountAsync(h => h.OfficeId == conversation.OfficeId && h.Status == HandoverStatus.Waiting, work.CancellationToken);
        db.Handovers.Add(new Handover
        {
            ConversationId = conversation.Id,
            OfficeId = conversation.OfficeId,
            Status = HandoverStatus.Waiting,
            RequestedAt = work.UtcNow,
            Reason = reason,
            CollectedState = collectedState,
        });
        conversation.Mode = ConversationMode.HandoverWaiting;
        return ahead + 1;
    }

    /// <summary>Keeps what the person wrote for the officers with their request; false when the request is not this conversation's.</summary>
    public static async Task<bool> LeaveMessageAsync(Persistence.UnitOfWork work, long handoverId, long conversationId, string message)
    {
        if (await work.Db.Handovers.FindAsync([handoverId], work.CancellationToken) is not { } handover || handover.ConversationId != conversationId)
        {
            return false;
        }

        handover.LeftMessage = message;
        return true;
    }
}
