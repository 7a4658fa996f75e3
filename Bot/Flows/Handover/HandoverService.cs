using ChatBot.Domain;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>Bound from <c>Handover</c>.</summary>
public sealed class HandoverOptions
{
    /// <summary>How long a person waits for an officer before being offered to leave a message.</summary>
    [Positive]
    public TimeSpan WaitLimit { get; set; } = Domain.Conversations.Handover.Pickup.Clock;

    /// <summary>How often waiting conversations are checked against the limit.</summary>
    [Positive]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A person who writes while waiting is told their place in the queue again, at most this often
    /// (counted from what the bot last told them); their messages in between are kept for the officer.
    /// </summary>
    [Positive]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(3);
}

/// <summary>How an officer's action on a handover ended.</summary>
public enum HandoverActionResult
{
    Done,

    /// <summary>Someone else took it first, or it is no longer in the state the action needs.</summary>
    Conflict,

    NotFound,

    /// <summary>The officer may not act on it (another office, or taken by someone else).</summary>
    Forbidden,
}

/// <summary>
/// What officers do with a handover: take it (only one officer can), reply through the person's
/// channel via the outbox, hand it back to the bot (the person gets the menu) or close it. Every
/// action is audited and shown live to the other officers.
/// </summary>
public sealed class HandoverService(
    ChatBotDbFactory factory,
    OfficeDirectory offices,
    DomainEvents events,
    TimeProvider time)
{
    /// <summary>An officer takes a waiting conversation; the person is told who answers.</summary>
    public Task<HandoverActionResult> TakeAsync(long handoverId, Officer officer, CancellationToken cancellationToken) =>
        OpenAsync(
            handoverId,
            officer,
            h => h.Status == HandoverStatus.Waiting,
            (handover, conversation, office) => HandoverTexts.For(conversation.Language).Taken(officer.DisplayName, office.Name),
            "handover.take",
            cancellationToken);

    /// <summary>
    /// An officer answers a message left after nobody took the conversation in time (a ticket):
    /// the handover opens again as theirs, the person is told who answers which ticket, and the
    /// officer replies and closes as in any handover. Only one officer can take a ticket, and not
    /// while the person waits in the queue again or another officer has them.
    /// </summary>
    public Task<HandoverActionResult> AnswerTicketAsync(long handoverId, Officer officer, CancellationToken cancellationToken) =>
        OpenAsync(
            handoverId,
            officer,
            Handovers.IsOpenTicket,
            (handover, conversation, office) => HandoverTexts.For(conversation.Language).TicketAnswered(LeaveMessageDialog.TicketCode(handover.Id), officer.DisplayName, office.Name),
            "handover.ticket.answer",
            cancellationToken);

    /// <summary>
    /// Makes the handover the officer's: the status check in the UPDATE is what makes two officers'
    /// clicks safe (one row changes), and a conversation has one open handover at a time.
    /// </summary>
    private async Task<HandoverActionResult> OpenAsync(
        long handoverId,
        Officer officer,
        System.Linq.Expressions.Expression<Func<Domain.Conversations.Handover, bool>> openable,
        Func<Domain.Conversations.Handover, Conversation, Office, string> notice,
        string action,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var handover = await db.Handovers.Include(h => h.Conversation).SingleOrDefaultAsync(h => h.Id == handoverId, cancellationToken);
        if (handover is null)
        {
            return HandoverActionResult.NotFound;
        }

        if (!MayAct(officer, handover.OfficeId))
        {
            return HandoverActionResult.Forbidden;
        }

        var conversation = handover.Conversation!;
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            var other = await db.Handovers.AnyAsync(
                h => h.ConversationId == conversation.Id && h.Id != handoverId && (h.Status == HandoverStatus.Waiting || h.Status == HandoverStatus.Active),
                cancellationToken);
            var taken = other ? 0 : await db.Handovers
                .Where(openable).Where(h => h.Id == handoverId)
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.Status, HandoverStatus.Active).SetProperty(h => h.TakenByOfficerId, officer.Id).SetProperty(h => h.TakenAt, now), cancellationToken);
            if (taken != 1)
            {
                return HandoverActionResult.Conflict;
            }

            conversation.Mode = ConversationMode.HandoverActive;
            conversation.Revision++;
            Queue(db, conversation, notice(handover, conversation, offices.Find(handover.OfficeId)!), OutboundKind.Officer, now);
            Audit(db, officer, action, conversation.Id, now);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        Announce(handover.OfficeId, handover.ConversationId);
        return HandoverActionResult.Done;
    }

    /// <summary>Closes a left message without answering it in the chat (answered by phone, or nothing to answer); the person is not messaged.</summary>
    public async Task<HandoverActionResult> CloseTicketAsync(long handoverId, Officer officer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var ticket = await db.Handovers.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handoverId, cancellationToken);
        if (ticket is null)
        {
            return HandoverActionResult.NotFound;
        }

        if (!MayAct(officer, ticket.OfficeId))
        {
            return HandoverActionResult.Forbidden;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            var closed = await db.Handovers
                .Where(Handovers.IsOpenTicket).Where(h => h.Id == handoverId)
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.Status, HandoverStatus.Closed).SetProperty(h => h.EndedByOfficerId, officer.Id).SetProperty(h => h.EndedAt, now), cancellationToken);
            if (closed != 1)
            {
                return HandoverActionResult.Conflict;
            }

            Audit(db, officer, "handover.ticket.close", ticket.ConversationId, now);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        Announce(ticket.OfficeId, ticket.ConversationId);
        return HandoverActionResult.Done;
    }

    /// <summary>Sends an officer's reply; only the officer who took the conversation may reply.</summary>
    public async Task<HandoverActionResult> ReplyAsync(long conversationId, Officer officer, string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return HandoverActionResult.Conflict;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var (handover, problem) = await ActiveForAsync(db, conversationId, officer, cancellationToken);
        if (handover is null)
        {
            return problem;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            handover.Conversation!.LastActivityAt = now;
            Queue(db, handover.Conversation, text, OutboundKind.Officer, now);
            Audit(db, officer, "handover.reply", conversationId, now);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        Announce(handover.OfficeId, conversationId);
        return HandoverActionResult.Done;
    }

    /// <summary>Gives the conversation back to the bot: the person is told and gets the main menu.</summary>
    public Task<HandoverActionResult> HandBackAsync(long conversationId, Officer officer, CancellationToken cancellationToken) =>
        EndAsync(conversationId, officer, HandoverStatus.Returned, cancellationToken);

    /// <summary>Closes the conversation with the officer; the person is thanked, the bot answers again.</summary>
    public Task<HandoverActionResult> CloseAsync(long conversationId, Officer officer, CancellationToken cancellationToken) =>
        EndAsync(conversationId, officer, HandoverStatus.Closed, cancellationToken);

    private async Task<HandoverActionResult> EndAsync(long conversationId, Officer officer, HandoverStatus status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var (handover, problem) = await ActiveForAsync(db, conversationId, officer, cancellationToken);
        if (handover is null)
        {
            return problem;
        }

        var conversation = handover.Conversation!;
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            handover.Status = status;
            handover.EndedAt = now;
            handover.EndedByOfficerId = officer.Id;
            conversation.Mode = ConversationMode.Bot;
            conversation.Revision++;
            var texts = HandoverTexts.For(conversation.Language);
            if (status == HandoverStatus.Returned)
            {
                // The menu is begun by the person's own next turn, queued now: only turns run dialogs.
                db.InboundMessages.Add(SystemTurns.Queue(conversation, new SystemTurns.Request(WellKnownDialogs.MainMenu, null, Replace: true, Say: texts.HandedBack, Kind: OutboundKind.Reply), now));
            }
            else
            {
                conversation.DialogState = null;
                Queue(db, conversation, texts.Closed, OutboundKind.Reply, now);
            }

            Audit(db, officer, status == HandoverStatus.Returned ? "handover.return" : "handover.close", conversationId, now);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        Announce(handover.OfficeId, conversationId);
        return HandoverActionResult.Done;
    }

    /// <summary>
    /// Ends waiting handovers nobody took within the limit: the person is told and may leave a
    /// message (a ticket). Returns how many expired.
    /// </summary>
    public async Task<int> ExpireOverdueAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - limit;
        await using var db = factory.CreateDbContext();
        var overdue = await db.Handovers.Include(h => h.Conversation)
            .Where(h => h.Status == HandoverStatus.Waiting && h.RequestedAt <= cutoff)
            .OrderBy(h => h.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            foreach (var handover in overdue)
            {
                var conversation = handover.Conversation!;
                handover.Status = HandoverStatus.Expired;
                handover.EndedAt = now;
                handover.TimeoutNotified = true;
                conversation.Mode = ConversationMode.Bot;
                conversation.Revision++;
                db.InboundMessages.Add(SystemTurns.Queue(
                    conversation,
                    new SystemTurns.Request(LeaveMessageDialog.DialogId, handover.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Replace: true),
                    now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        foreach (var handover in overdue)
        {
            Announce(handover.OfficeId, handover.ConversationId);
        }

        return overdue.Count;
    }

    /// <summary>Whether the officer may act on conversations of this office.</summary>
    public bool MayAct(Officer officer, int officeId) => OfficeAccess.MaySee(officer.Role, offices.Find(officer.OfficeId), offices.Find(officeId));

    private async Task<(Domain.Conversations.Handover? Handover, HandoverActionResult Problem)> ActiveForAsync(
        ChatBotDb db,
        long conversationId,
        Officer officer,
        CancellationToken cancellationToken)
    {
        var handover = await db.Handovers.Include(h => h.Conversation)
            .Where(h => h.ConversationId == conversationId && h.Status == HandoverStatus.Active)
            .OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (handover is null)
        {
            return (null, await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken) ? HandoverActionResult.Conflict : HandoverActionResult.NotFound);
        }

        return handover.TakenByOfficerId == officer.Id && MayAct(officer, handover.OfficeId)
            ? (handover, HandoverActionResult.Done)
            : (null, HandoverActionResult.Forbidden);
    }

    private void Queue(ChatBotDb db, Conversation conversation, string body, OutboundKind kind, DateTime now)
    {
        db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, kind, now));
        conversation.LastActivityAt = now;
    }

    private static void Audit(ChatBotDb db, Officer officer, string action, long conversationId, DateTime now) =>
        db.AuditEntries.Add(AuditEntry.Of(officer.UserName, action, $"Conversation/{conversationId}", now));

    private void Announce(int officeId, long conversationId)
    {
        events.Publish(new MessagesQueued());
        events.Publish(new TurnsQueued());
        events.Publish(new RecordChanged("handover", officeId, $"conversation/{conversationId}"));
    }
}
