using ChatBot.Domain;
using System.Data;
using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.Flows.Handover;
using ChatBot.Channels.Email;
using ChatBot.Channels.Pipeline;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Workers;

/// <summary>Bound from <c>Workers:TurnProcessor</c>.</summary>
public sealed class TurnProcessorOptions
{
    /// <summary>Turns read and committed together (group commit).</summary>
    [Between(1, 10_000)]
    public int BatchSize { get; set; } = 128;

    [Positive]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Off only in tests that stop the pipeline between "stored" and "answered".</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs the turns of stored inbound messages. One processor per process reads pending messages in
/// arrival order, so the turns of a conversation never overlap and never reorder. A batch of turns
/// commits as one transaction: every conversation's new state, the flows' writes, the replies in
/// the outbox and the inbound messages marked done. If anything in a batch fails, its turns are
/// run again one by one, so one bad message cannot hold up the others; a turn that fails on its own
/// gets an apology and its conversation starts afresh.
/// </summary>
public sealed class TurnProcessor(
    ChatBotDbFactory factory,
    DialogEngine engine,
    OfficeDirectory offices,
    PipelineEvents events,
    TurnProcessorOptions options,
    InboundMedia media,
    HandoverOptions handover,
    Domain.Events.DomainEvents domainEvents,
    TimeProvider time,
    ILogger<TurnProcessor> logger) : PipelineWorker(events.InboundStored, options.PollInterval, time, logger)
{
    protected override bool Enabled => options.Enabled;

    public override Task<int> RunPassAsync(CancellationToken cancellationToken) => ProcessPendingAsync(cancellationToken);

    /// <summary>Runs one batch of pending turns; returns how many messages it handled.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        List<InboundMessage> batch;
        await using (var db = factory.CreateDbContext())
        {
            // A person's message waits while an earlier one of theirs is still fetching its files: their
            // turns keep their order; everyone else's go on.
            batch = await db.InboundMessages.AsNoTracking()
                .Where(m => m.Status == InboundStatus.Pending
                    && !db.InboundMessages.Any(w => w.Status == InboundStatus.AwaitingMedia && w.Id < m.Id
                        && w.OfficeId == m.OfficeId && w.Channel == m.Channel && w.From == m.From))
                .OrderBy(m => m.Id)
                .Take(options.BatchSize)
                .ToListAsync(cancellationToken);
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        PipelineMetrics.Record("turns.read", started, batch.Count);
        try
        {
            await RunAsync(batch, apologise: false, cancellationToken);
            return batch.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "A batch of {Count} turns failed; running them one by one", batch.Count);
        }

        foreach (var message in batch)
        {
            await ProcessOneAsync(message.Id, cancellationToken);
        }

        return batch.Count;
    }

    private async Task ProcessOneAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await RunPendingAsync(id, apologise: false, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Logger.LogError(ex, "Turn for inbound {InboundId} failed; apologising and resetting the conversation", id);
            try
            {
                await RunPendingAsync(id, apologise: true, cancellationToken);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                // The store itself is failing; the message stays pending and is tried on the next pass.
                Logger.LogError(again, "Could not record the failure of inbound {InboundId}", id);
            }
        }
    }

    private async Task RunPendingAsync(long id, bool apologise, CancellationToken cancellationToken)
    {
        InboundMessage? message;
        await using (var db = factory.CreateDbContext())
        {
            message = await db.InboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Status == InboundStatus.Pending, cancellationToken);
        }

        if (message is not null)
        {
            await RunAsync([message], apologise, cancellationToken);
        }
    }

    /// <summary>Runs the turns of <paramref name="batch"/> in order and commits them together.</summary>
    private async Task RunAsync(List<InboundMessage> batch, bool apologise, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = Time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        // What the flows change commits with the batch; what they raise is published only once it has (and dropped when it fails).
        var work = new UnitOfWork(db, now, cancellationToken);
        var conversations = await ConversationsForAsync(db, batch.Where(m => !m.SystemTurn).ToList(), now, cancellationToken);
        // A queued turn belongs to the conversation it was queued for, whatever address that has now.
        var byId = conversations.Values.ToDictionary(c => c.Id);
        var queuedFor = batch.Where(m => m.SystemTurn && m.ConversationId is { } id && !byId.ContainsKey(id)).Select(m => m.ConversationId!.Value).Distinct().ToList();
        if (queuedFor.Count > 0)
        {
            foreach (var loaded in await db.Conversations.AsNoTracking().Where(c => queuedFor.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                byId[loaded.Id] = loaded;
            }
        }

        var revisions = byId.Values.ToDictionary(c => c.Id, c => c.Revision);
        var outcomes = new List<TurnOutcome>(batch.Count);
        // Conversations told their place in the queue in this batch: their later messages are kept silently.
        var reminded = new HashSet<long>();

        foreach (var message in batch)
        {
            var office = message.OfficeId is { } officeId ? offices.Find(officeId) : null;
            if (office is null)
            {
                outcomes.Add(new TurnOutcome(message, null, InboundStatus.Ignored, "No office answers on this address.", null, Flows: null));
                continue;
            }

            if (message.SystemTurn)
            {
                if (message.ConversationId is not { } target || !byId.TryGetValue(target, out var queuedConversation) || SystemTurns.Read(message) is not { } queuedTurn)
                {
                    outcomes.Add(new TurnOutcome(message, null, InboundStatus.Ignored, "Queued turn without its conversation.", null, Flows: ""));
                    continue;
                }

                queuedConversation.LastActivityAt = now;
                // Queued by the service, not written by the person: the 24-hour window stays as it was.
                outcomes.Add(await RunSystemTurnAsync(work, message, queuedConversation, office, queuedTurn, apologise));
                continue;
            }

            var conversation = conversations[(office.Id, message.Channel, message.From)];
            conversation.LastActivityAt = now;
            conversation.LastInboundAt = message.ReceivedAt;
            conversation.DisplayName = message.SenderName ?? conversation.DisplayName;

            if (apologise)
            {
                conversation.DialogState = null;
                // What the message was answering is unknown now: keep it from anyone who may not read every flow.
                outcomes.Add(new TurnOutcome(message, conversation, InboundStatus.Done, "Turn failed; apologised.", DialogTexts.For(conversation.Language).SomethingWentWrong, Flows: FlowTags.Every));
                continue;
            }

            var text = TextNormalizer.Normalize(message.Body);
            string? notice = null;
            if (conversation.Mode != ConversationMode.Bot)
            {
                notice = await HandoverQueue.LeaveIfAskedAsync(db, conversation, text, now, cancellationToken);
                if (notice is null)
                {
                    // Officers have the conversation: the bot stays silent, officers see the message live. Someone
                    // still waiting hears their place in the queue again now and then.
                    var reminder = reminded.Add(conversation.Id)
                        ? await HandoverQueue.RemindIfDueAsync(db, conversation, office, now, handover.ReminderInterval, cancellationToken)
                        : null;
                    outcomes.Add(reminder is null
                        ? new TurnOutcome(message, conversation, InboundStatus.Done, null, null, Flows: "")
                        : new TurnOutcome(message, conversation, InboundStatus.Done, null, ReplyRenderer.Render([new Reply(reminder)], message.Channel, conversation.Language), Flows: DialogEngine.FlowOf(WellKnownDialogs.Handover)));
                    continue;
                }
            }

            var (attachments, refused) = media.Prepare(message, conversation.Language);
            var button = message.Channel == ChannelKind.WhatsApp ? WhatsAppInbound.ReadButtonPayload(message.Payload) : null;
            var input = new TurnInput(text, attachments, message.Channel, message.From, message.SenderName, message.ReceivedAt, button);
            var (said, flows) = await engine.RunAsync(conversation, office, input, work);
            if (refused is not null)
            {
                said = [new Reply(refused), .. said];
            }

            if (notice is not null)
            {
                said = [new Reply(notice), .. said];
            }

            outcomes.Add(new TurnOutcome(message, conversation, InboundStatus.Done, null, said.Count == 0 ? null : ReplyRenderer.Render(said, message.Channel, conversation.Language), flows));
        }

        var queued = await CommitAsync(db, outcomes, revisions, now, cancellationToken);
        foreach (var outcome in outcomes)
        {
            events.RaiseTurnCompleted(new TurnCompleted(
                outcome.Message.Id,
                outcome.Conversation?.Id,
                queued.TryGetValue(outcome.Message.Id, out var outboundId) ? [outboundId] : []));
        }

        if (queued.Count > 0)
        {
            events.OutboxQueued.Set();
        }

        work.PublishTo(domainEvents);

        PipelineMetrics.Record("turns", started, batch.Count);
    }

    /// <summary>
    /// A turn the service queued (<see cref="SystemTurns"/>): its notice and what its dialog says go out as one
    /// message with the notice's topic, in order with the person's own messages.
    /// </summary>
    private async Task<TurnOutcome> RunSystemTurnAsync(
        UnitOfWork work,
        InboundMessage message,
        Conversation conversation,
        Office office,
        SystemTurns.Request request,
        bool apologise)
    {
        IReadOnlyList<Reply> said = [];
        var flows = request.Flow ?? "";
        if (!apologise)
        {
            (said, var touched) = await engine.RunSystemTurnAsync(conversation, office, request, work);
            flows = string.Join(' ', FlowTags.Parse($"{flows} {touched}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        if (request.Say is { } notice)
        {
            said = [new Reply(notice), .. said];
        }

        var body = said.Count == 0 ? null : ReplyRenderer.Render(said, conversation.Channel, conversation.Language);
        return new TurnOutcome(message, conversation, InboundStatus.Done, null, body, flows, Kind: request.Kind, Topic: request.Topic, Payload: request.Payload);
    }

    private const string UpdateConversationSql = """
        UPDATE "Conversations" SET "Language" = @language, "Mode" = @mode, "DialogState" = @state, "DisplayName" = @name,
            "LastInboundAt" = @inbound, "LastActivityAt" = @activity, "OptedOutAt" = @optedOut, "Revision" = @next
        WHERE "Id" = @id AND "Revision" = @revision
        """;

    private const string UpdateInboundSql = """
        UPDATE "InboundMessages" SET "Status" = @status, "ProcessedAt" = @processed, "ConversationId" = @conversation, "Note" = @note,
            "Flows" = @flows
        WHERE "Id" = @id AND "Status" = 'Pending'
        """;

    private const string InsertOutboundSql = """
        INSERT INTO "OutboundMessages" ("ConversationId", "InboundMessageId", "Channel", "To", "From", "Body", "Kind", "Status",
            "Attempts", "CreatedAt", "NextAttemptAt", "Payload", "Flows", "Topic")
        VALUES (@conversation, @inbound, @channel, @to, @from, @body, @kind, @status, 0, @now, @now, @payload, @flows, @topic)
        RETURNING "Id"
        """;

    /// <summary>
    /// Commits the turns in one transaction: the flows' own writes (through EF), then each
    /// conversation once (refused if someone else changed it meanwhile), each inbound message
    /// (refused if it is no longer pending) and each reply into the outbox. Returns the outbox
    /// row of each answered message.
    /// </summary>
    private async Task<Dictionary<long, long>> CommitAsync(
        ChatBotDb db,
        List<TurnOutcome> outcomes,
        Dictionary<long, long> revisions,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var queued = new Dictionary<long, long>();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await using (var update = StoreCommand.Create(db, UpdateConversationSql, "id", "revision", "next", "language", "mode", "state", "name", "inbound", "activity", "optedOut"))
        {
            foreach (var conversation in outcomes.Select(o => o.Conversation).OfType<Conversation>().DistinctBy(c => c.Id))
            {
                var revision = revisions[conversation.Id];
                conversation.Revision = revision + 1;
                var changed = await update.Set("id", conversation.Id).Set("revision", revision).Set("next", revision + 1)
                    .Set("language", conversation.Language).Set("mode", conversation.Mode).Set("state", conversation.DialogState)
                    .Set("name", conversation.DisplayName).Set("inbound", conversation.LastInboundAt).Set("activity", conversation.LastActivityAt)
                    .Set("optedOut", conversation.OptedOutAt)
                    .ExecuteAsync(cancellationToken);
                if (changed != 1)
                {
                    throw new DBConcurrencyException($"Conversation {conversation.Id} was changed by someone else during the turn.");
                }
            }
        }

        await using (var update = StoreCommand.Create(db, UpdateInboundSql, "id", "status", "processed", "conversation", "note", "flows"))
        await using (var insert = StoreCommand.Create(db, InsertOutboundSql, "conversation", "inbound", "channel", "to", "from", "body", "kind", "status", "now", "payload", "flows", "topic"))
        {
            foreach (var outcome in outcomes)
            {
                var message = outcome.Message;
                var changed = await update.Set("id", message.Id).Set("status", outcome.Status).Set("processed", now)
                    .Set("conversation", outcome.Conversation?.Id).Set("note", outcome.Note).Set("flows", outcome.Flows)
                    .ExecuteAsync(cancellationToken);
                if (changed != 1)
                {
                    throw new DBConcurrencyException($"Inbound {message.Id} is no longer pending.");
                }

                if (outcome.Reply is not null && outcome.Conversation is not null)
                {
                    // The same row every other part of the service queues; only its insert is batched here.
                    var row = OutboundMessage.Queued(
                        outcome.Conversation,
                        outcome.Reply,
                        outcome.Kind,
                        now,
                        outcome.Topic,
                        outcome.Payload ?? (message.Channel == ChannelKind.Email && !message.SystemTurn ? EmailThreading.ForReplyTo(message.Payload)?.ToJson() : null),
                        outcome.Flows ?? "");
                    row.InboundMessageId = message.Id;
                    row.From = message.SystemTurn ? null : message.To;
                    var id = await insert.Set("conversation", row.ConversationId).Set("inbound", row.InboundMessageId).Set("channel", row.Channel)
                        .Set("to", row.To).Set("from", row.From).Set("body", row.Body).Set("kind", row.Kind)
                        .Set("status", row.Status).Set("now", row.CreatedAt).Set("payload", row.Payload).Set("flows", row.Flows).Set("topic", row.Topic)
                        .ScalarAsync(cancellationToken);
                    queued[message.Id] = Convert.ToInt64(id, CultureInfo.InvariantCulture);
                }
            }
        }

        await scope.CommitAsync(cancellationToken);
        return queued;
    }

    private const string InsertConversationSql = """
        INSERT INTO "Conversations" ("OfficeId", "Channel", "UserAddress", "Language", "Mode", "CreatedAt", "LastInboundAt", "LastActivityAt", "Revision")
        VALUES (@office, @channel, @address, 'id', 'Bot', @now, @now, @now, 0)
        ON CONFLICT ("OfficeId", "Channel", "UserAddress") DO NOTHING
        """;

    /// <summary>
    /// The conversation of every message's sender, untracked. A first message creates its
    /// conversation at once, in a small transaction of its own, so flows know its id during the turn.
    /// </summary>
    private async Task<Dictionary<(int, ChannelKind, string), Conversation>> ConversationsForAsync(
        ChatBotDb db,
        List<InboundMessage> batch,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var keys = batch.Where(m => m.OfficeId.HasValue).Select(m => (Office: m.OfficeId!.Value, m.Channel, m.From)).ToHashSet();
        var found = await LoadAsync(db, keys, cancellationToken);
        var missing = keys.Where(k => !found.ContainsKey(k)).ToList();
        if (missing.Count == 0)
        {
            return found;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            await using var insert = StoreCommand.Create(db, InsertConversationSql, "office", "channel", "address", "now");
            foreach (var key in missing)
            {
                await insert.Set("office", key.Office).Set("channel", key.Channel).Set("address", key.From).Set("now", now).ExecuteAsync(cancellationToken);
            }

            await scope.CommitAsync(cancellationToken);
        }

        return await LoadAsync(db, keys, cancellationToken);
    }

    private static async Task<Dictionary<(int, ChannelKind, string), Conversation>> LoadAsync(
        ChatBotDb db,
        HashSet<(int Office, ChannelKind Channel, string From)> keys,
        CancellationToken cancellationToken)
    {
        var officeIds = keys.Select(k => k.Office).Distinct().ToList();
        var addresses = keys.Select(k => k.From).Distinct().ToList();
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => officeIds.Contains(c.OfficeId) && addresses.Contains(c.UserAddress))
            .ToListAsync(cancellationToken);
        return rows.Where(c => keys.Contains((c.OfficeId, c.Channel, c.UserAddress)))
            .ToDictionary(c => (c.OfficeId, c.Channel, c.UserAddress));
    }

    /// <summary>What one turn produced: the message's new status and the reply to queue, if any.</summary>
    /// <param name="Flows">What the message and its reply are tagged with (<see cref="FlowTags"/>).</param>
    private sealed record TurnOutcome(
        InboundMessage Message,
        Conversation? Conversation,
        InboundStatus Status,
        string? Note,
        string? Reply,
        string? Flows,
        OutboundKind Kind = OutboundKind.Reply,
        string? Topic = null,
        string? Payload = null);
}
