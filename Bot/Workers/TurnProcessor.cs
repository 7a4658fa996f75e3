using System.Text.Json;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Workers;

/// <summary>Bound from <c>Workers:TurnProcessor</c>.</summary>
public sealed class TurnProcessorOptions
{
    /// <summary>Turns read and committed together (group commit).</summary>
    public int BatchSize { get; set; } = 128;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Off only in tests that stop the pipeline between "stored" and "answered".</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs the turns of stored inbound messages. One processor per process reads pending messages in
/// arrival order, so the turns of a conversation never overlap and never reorder. A batch of turns
/// commits as one transaction: every conversation's new state, the flows' writes, the replies in
/// the outbox and the inbound messages marked done. If anything in a batch fails, its turns are
/// run again one by one so one bad message cannot hold up the others.
/// </summary>
public sealed class TurnProcessor(
    ChatBotDbFactory factory,
    DialogEngine engine,
    OfficeDirectory offices,
    PipelineEvents events,
    TurnProcessorOptions options,
    TimeProvider time,
    ILogger<TurnProcessor> logger) : PipelineWorker(events.InboundStored, options.PollInterval, time, logger)
{
    protected override bool Enabled => options.Enabled;

    public override Task<int> RunPassAsync(CancellationToken cancellationToken) => ProcessPendingAsync(cancellationToken);

    /// <summary>Runs one batch of pending turns; returns how many messages it handled.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var db = factory.CreateDbContext())
        {
            var batch = await db.InboundMessages
                .Where(m => m.Status == InboundStatus.Pending)
                .OrderBy(m => m.Id)
                .Take(options.BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return 0;
            }

            ids = batch.Select(m => m.Id).ToList();
            try
            {
                await RunAndCommitAsync(db, batch, cancellationToken);
                return batch.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Logger.LogWarning(ex, "A batch of {Count} turns failed; running them one by one", batch.Count);
            }
        }

        foreach (var id in ids)
        {
            await ProcessOneAsync(id, cancellationToken);
        }

        return ids.Count;
    }

    private async Task ProcessOneAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = factory.CreateDbContext();
            var message = await db.InboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
            if (message.Status == InboundStatus.Pending)
            {
                await RunAndCommitAsync(db, [message], cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Logger.LogError(ex, "Turn for inbound {InboundId} failed; apologising and resetting the conversation", id);
            await ApologiseAsync(id, ex, cancellationToken);
        }
    }

    private async Task RunAndCommitAsync(ChatBotDb db, List<InboundMessage> batch, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var conversations = await LoadConversationsAsync(db, batch, now, cancellationToken);
        var replies = new List<(InboundMessage Message, OutboundMessage? Reply)>(batch.Count);

        foreach (var message in batch)
        {
            var office = message.OfficeId is { } officeId ? offices.Find(officeId) : null;
            if (office is null)
            {
                message.Status = InboundStatus.Ignored;
                message.ProcessedAt = now;
                message.Note = "No office answers on this address.";
                replies.Add((message, null));
                continue;
            }

            var conversation = conversations[(office.Id, message.Channel, message.From)];
            message.Conversation = conversation;
            message.Status = InboundStatus.Done;
            message.ProcessedAt = now;
            conversation.LastInboundAt = message.ReceivedAt;
            conversation.LastActivityAt = now;
            conversation.DisplayName = message.SenderName ?? conversation.DisplayName;
            conversation.Revision++;

            if (conversation.Mode != ConversationMode.Bot)
            {
                // An officer has the conversation: the bot stays silent, officers see the message live.
                replies.Add((message, null));
                continue;
            }

            var input = new TurnInput(
                TextNormalizer.Normalize(message.Body),
                ReadAttachments(message.Attachments),
                message.Channel,
                message.From,
                message.SenderName,
                message.ReceivedAt);
            var said = await engine.RunTurnAsync(conversation, office, input, db, now, cancellationToken);
            replies.Add((message, said.Count == 0 ? null : Queue(db, conversation, message, ReplyRenderer.Render(said, message.Channel), now)));
        }

        using (await factory.Gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (message, reply) in replies)
        {
            events.RaiseTurnCompleted(new TurnCompleted(message.Id, message.ConversationId, reply is null ? [] : [reply.Id]));
        }

        if (replies.Any(r => r.Reply is not null))
        {
            events.OutboxQueued.Set();
        }
    }

    private static async Task<Dictionary<(int, ChannelKind, string), Conversation>> LoadConversationsAsync(
        ChatBotDb db,
        List<InboundMessage> batch,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var officeIds = batch.Where(m => m.OfficeId.HasValue).Select(m => m.OfficeId!.Value).Distinct().ToList();
        var addresses = batch.Select(m => m.From).Distinct().ToList();
        var found = await db.Conversations
            .Where(c => officeIds.Contains(c.OfficeId) && addresses.Contains(c.UserAddress))
            .ToListAsync(cancellationToken);
        var byKey = found.ToDictionary(c => (c.OfficeId, c.Channel, c.UserAddress));
        foreach (var message in batch.Where(m => m.OfficeId.HasValue))
        {
            var key = (message.OfficeId!.Value, message.Channel, message.From);
            if (!byKey.ContainsKey(key))
            {
                byKey[key] = NewConversation(db, key.Item1, message, now);
            }
        }

        return byKey;
    }

    private static Conversation NewConversation(ChatBotDb db, int officeId, InboundMessage message, DateTime now)
    {
        var conversation = new Conversation
        {
            OfficeId = officeId,
            Channel = message.Channel,
            UserAddress = message.From,
            CreatedAt = now,
            LastInboundAt = message.ReceivedAt,
            LastActivityAt = now,
        };
        db.Conversations.Add(conversation);
        return conversation;
    }

    private static OutboundMessage Queue(ChatBotDb db, Conversation conversation, InboundMessage message, string body, DateTime now)
    {
        var reply = new OutboundMessage
        {
            Conversation = conversation,
            InboundMessageId = message.Id,
            Channel = message.Channel,
            To = message.From,
            From = message.To,
            Body = body,
            Kind = OutboundKind.Reply,
            Status = OutboundStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboundMessages.Add(reply);
        return reply;
    }

    private async Task ApologiseAsync(long id, Exception error, CancellationToken cancellationToken)
    {
        try
        {
            var now = Time.GetUtcNow().UtcDateTime;
            await using var db = factory.CreateDbContext();
            var message = await db.InboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
            if (message.Status != InboundStatus.Pending)
            {
                return;
            }

            message.Status = InboundStatus.Done;
            message.ProcessedAt = now;
            message.Note = $"Turn failed: {error.GetType().Name}";
            var office = message.OfficeId is { } officeId ? offices.Find(officeId) : null;
            var conversation = office is null
                ? null
                : await db.Conversations.SingleOrDefaultAsync(
                    c => c.OfficeId == office.Id && c.Channel == message.Channel && c.UserAddress == message.From,
                    cancellationToken);
            if (conversation is null && office is not null)
            {
                conversation = NewConversation(db, office.Id, message, now);
            }

            OutboundMessage? reply = null;
            if (conversation is not null)
            {
                conversation.DialogState = null;
                conversation.Revision++;
                message.Conversation = conversation;
                reply = Queue(db, conversation, message, DialogTexts.For(conversation.Language).SomethingWentWrong, now);
            }

            using (await factory.Gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            events.RaiseTurnCompleted(new TurnCompleted(id, conversation?.Id, reply is null ? [] : [reply.Id]));
            events.OutboxQueued.Set();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store itself is failing; the message stays pending and is tried again on the next pass.
            Logger.LogError(ex, "Could not record the failure of inbound {InboundId}", id);
        }
    }

    private static IReadOnlyList<StoredAttachment> ReadAttachments(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StoredAttachment>>(json) ?? [];
}
