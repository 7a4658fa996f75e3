using System.Threading.Channels;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Channels.Inbox;

/// <summary>
/// Stores inbound messages before their transport is answered. Concurrent callers are committed
/// together in one transaction (group commit): each waits only for the commit that holds its
/// message, and the store sees one write instead of one per message.
/// </summary>
public sealed class InboxWriter(
    ChatBotDbFactory factory,
    OfficeDirectory offices,
    PipelineEvents events,
    TimeProvider time,
    ILogger<InboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingStore> _queue = Channel.CreateUnbounded<PendingStore>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the message (once per channel and provider id) and returns when it is durable.</summary>
    public Task<StoreResult> StoreAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope.ProviderMessageId);
        var pending = new PendingStore(envelope, new TaskCompletionSource<StoreResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingStore>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await CommitAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _queue.Writer.TryComplete();
            var stopping = new OperationCanceledException("The inbox stopped before the message was stored.");
            foreach (var item in batch)
            {
                item.Completion.TrySetException(stopping);
            }

            while (_queue.Reader.TryRead(out var item))
            {
                item.Completion.TrySetException(stopping);
            }
        }
    }

    private async Task CommitAsync(List<PendingStore> batch, CancellationToken cancellationToken)
    {
        try
        {
            await CommitBatchAsync(batch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Storing {Count} inbound messages failed", batch.Count);
            foreach (var item in batch)
            {
                item.Completion.TrySetException(ex);
            }
        }
    }

    private const string InsertSql = """
        INSERT INTO "InboundMessages" ("Channel", "ProviderMessageId", "OfficeId", "From", "To", "Body", "SenderName",
            "Attachments", "MediaRefused", "Payload", "ReceivedAt", "Status", "Note", "ProcessedAt")
        VALUES (@channel, @provider, @office, @from, @to, @body, @sender, @attachments, @refused, @payload, @received, @status, @note, @processed)
        ON CONFLICT ("Channel", "ProviderMessageId") DO NOTHING
        RETURNING "Id"
        """;

    private const string FindSql = """
        SELECT "Id", "Status" FROM "InboundMessages" WHERE "Channel" = @channel AND "ProviderMessageId" = @provider
        """;

    /// <summary>
    /// Inserts the batch in one transaction. A provider id stored before (a redelivery, or a
    /// sibling in this batch, or another instance's insert) is left alone by ON CONFLICT and
    /// reported as a duplicate of the stored row.
    /// </summary>
    private async Task CommitBatchAsync(IReadOnlyList<PendingStore> batch, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;
        var results = new StoreResult[batch.Count];
        var storedPending = false;
        var storedMedia = false;
        await using (var db = factory.CreateDbContext())
        {
            await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
            await using var insert = StoreCommand.Create(db, InsertSql,
                "channel", "provider", "office", "from", "to", "body", "sender", "attachments", "refused", "payload", "received", "status", "note", "processed");
            await using var find = StoreCommand.Create(db, FindSql, "channel", "provider");
            for (var i = 0; i < batch.Count; i++)
            {
                var envelope = batch[i].Envelope;
                var office = offices.Resolve(envelope.Channel, envelope.To);
                var status = office is null ? InboundStatus.Ignored : envelope.AwaitsMedia ? InboundStatus.AwaitingMedia : InboundStatus.Pending;
                var id = await insert
                    .Set("channel", envelope.Channel)
                    .Set("provider", envelope.ProviderMessageId)
                    .Set("office", office?.Id)
                    .Set("from", envelope.From)
                    .Set("to", envelope.To)
                    .Set("body", envelope.Body)
                    .Set("sender", envelope.SenderName)
                    .Set("attachments", envelope.Attachments is { Count: > 0 } a ? System.Text.Json.JsonSerializer.Serialize(a) : null)
                    .Set("refused", envelope.MediaRefused is { Count: > 0 } r ? System.Text.Json.JsonSerializer.Serialize(r) : null)
                    .Set("payload", envelope.Payload)
                    .Set("received", now)
                    .Set("status", status)
                    .Set("note", office is null ? "No office answers on this address." : null)
                    .Set("processed", office is null ? now : null)
                    .ScalarAsync(cancellationToken);
                if (id is not null)
                {
                    results[i] = new StoreResult(Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture), Duplicate: false, Ignored: office is null);
                    storedPending |= status == InboundStatus.Pending;
                    storedMedia |= status == InboundStatus.AwaitingMedia;
                    if (office is null)
                    {
                        logger.LogWarning("Inbound message {InboundId} on {Channel} was sent to an address no office answers on; stored, not answered", results[i].InboundMessageId, envelope.Channel);
                    }

                    continue;
                }

                var existing = await find.Set("channel", envelope.Channel).Set("provider", envelope.ProviderMessageId)
                    .QueryAsync(r => (Id: r.GetInt64(0), Status: r.GetString(1)), cancellationToken);
                var (existingId, existingStatus) = existing.Single();
                results[i] = new StoreResult(existingId, Duplicate: true, Ignored: existingStatus == nameof(InboundStatus.Ignored));
            }

            await scope.CommitAsync(cancellationToken);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }

        if (storedPending)
        {
            events.InboundStored.Set();
        }

        if (storedMedia)
        {
            events.MediaAwaited.Set();
        }

        PipelineMetrics.Record("inbox", started, batch.Count);
    }

    private sealed record PendingStore(InboundEnvelope Envelope, TaskCompletionSource<StoreResult> Completion);
}
