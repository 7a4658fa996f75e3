using System.Threading.Channels;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
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
        catch (DbUpdateException) when (batch.Count > 1)
        {
            // Another instance stored one of these ids between our check and our insert: store
            // one by one so each caller gets its own answer.
            foreach (var item in batch)
            {
                await CommitSingleAsync(item, cancellationToken);
            }
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

    private async Task CommitSingleAsync(PendingStore item, CancellationToken cancellationToken)
    {
        try
        {
            await CommitBatchAsync([item], cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost the race to another instance: it is a duplicate now.
            try
            {
                await CommitBatchAsync([item], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                item.Completion.TrySetException(ex);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            item.Completion.TrySetException(ex);
        }
    }

    private async Task CommitBatchAsync(IReadOnlyList<PendingStore> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        using var gate = await factory.Gate.EnterAsync(cancellationToken);

        var ids = batch.Select(p => p.Envelope.ProviderMessageId).Distinct().ToList();
        var existing = await db.InboundMessages.AsNoTracking()
            .Where(m => ids.Contains(m.ProviderMessageId))
            .Select(m => new { m.Channel, m.ProviderMessageId, m.Id, m.Status })
            .ToListAsync(cancellationToken);
        var known = existing.ToDictionary(e => (e.Channel, e.ProviderMessageId), e => (e.Id, e.Status));

        var results = new (PendingStore Item, InboundMessage? Row, StoreResult? Result)[batch.Count];
        var added = new Dictionary<(ChannelKind, string), InboundMessage>();
        for (var i = 0; i < batch.Count; i++)
        {
            var envelope = batch[i].Envelope;
            var key = (envelope.Channel, envelope.ProviderMessageId);
            if (known.TryGetValue(key, out var found))
            {
                results[i] = (batch[i], null, new StoreResult(found.Id, Duplicate: true, Ignored: found.Status == InboundStatus.Ignored));
                continue;
            }

            if (added.TryGetValue(key, out var sibling))
            {
                results[i] = (batch[i], sibling, null);
                continue;
            }

            var office = offices.Resolve(envelope.Channel, envelope.To);
            var row = new InboundMessage
            {
                Channel = envelope.Channel,
                ProviderMessageId = envelope.ProviderMessageId,
                OfficeId = office?.Id,
                From = envelope.From,
                To = envelope.To,
                Body = envelope.Body,
                SenderName = envelope.SenderName,
                Attachments = envelope.Attachments is { Count: > 0 } a ? System.Text.Json.JsonSerializer.Serialize(a) : null,
                Payload = envelope.Payload,
                ReceivedAt = now,
                Status = office is null ? InboundStatus.Ignored : InboundStatus.Pending,
                Note = office is null ? "No office answers on this address." : null,
                ProcessedAt = office is null ? now : null,
            };
            db.InboundMessages.Add(row);
            added[key] = row;
            results[i] = (batch[i], row, null);
        }

        if (added.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var firstOfKey = new HashSet<(ChannelKind, string)>();
        foreach (var (item, row, result) in results)
        {
            if (result is not null)
            {
                item.Completion.TrySetResult(result);
                continue;
            }

            var isFirst = firstOfKey.Add((row!.Channel, row.ProviderMessageId));
            item.Completion.TrySetResult(new StoreResult(row.Id, Duplicate: !isFirst, Ignored: row.Status == InboundStatus.Ignored));
            if (isFirst && row.Status == InboundStatus.Ignored)
            {
                logger.LogWarning("Inbound message {InboundId} on {Channel} was sent to an address no office answers on; stored, not answered", row.Id, row.Channel);
            }
        }

        if (added.Values.Any(r => r.Status == InboundStatus.Pending))
        {
            events.InboundStored.Set();
        }
    }

    private sealed record PendingStore(InboundEnvelope Envelope, TaskCompletionSource<StoreResult> Completion);
}
