using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Channels.Outbox;

/// <summary>
/// Sends committed outbox rows through their channel and records the outcome. Rows of one
/// conversation go out one after another in the order they were committed; a row waiting for a
/// retry holds back the later rows of its conversation, so a person never reads answers out of order.
/// </summary>
public sealed class OutboxDispatcher(
    ChatBotDbFactory factory,
    IEnumerable<IChannelSender> senders,
    PipelineEvents events,
    OutboxOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : PipelineWorker(events.OutboxQueued, options.PollInterval, time, logger)
{
    private readonly Dictionary<ChannelKind, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);

    public override Task<int> RunPassAsync(CancellationToken cancellationToken) => DispatchDueAsync(cancellationToken);

    /// <summary>Sends every row that is due now; returns how many rows were handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = Time.GetUtcNow().UtcDateTime;
        List<OutboundMessage> queued;
        await using (var db = factory.CreateDbContext())
        {
            // Due rows are found by time, so rows that wait (a retry, a limit of ours) never keep newer
            // ones from going out; a row still waits while an earlier row of its conversation does.
            queued = await db.OutboundMessages.AsNoTracking()
                .Where(m => m.Status == OutboundStatus.Queued && m.NextAttemptAt <= now
                    && !db.OutboundMessages.Any(w => w.ConversationId == m.ConversationId && w.Status == OutboundStatus.Queued
                        && w.Id < m.Id && w.NextAttemptAt > now))
                .OrderBy(m => m.Id)
                .Take(options.BatchSize)
                .ToListAsync(cancellationToken);
        }

        if (queued.Count == 0)
        {
            return 0;
        }

        var due = queued.GroupBy(m => m.ConversationId).Select(g => g.ToList()).ToList();
        var optedOut = await OptedOutAsync(due, cancellationToken);
        var outcomes = new List<(OutboundMessage Row, SendResult Result)>();
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelConversations, CancellationToken = cancellationToken },
            async (rows, ct) =>
            {
                foreach (var row in rows)
                {
                    var result = row.Kind == OutboundKind.Proactive && optedOut.Contains(row.ConversationId)
                        ? new SendResult.Rejected("opted_out", "The person wrote STOP; proactive messages are not sent until they write again.")
                        : await SendOneAsync(row, ct);
                    lock (outcomes)
                    {
                        outcomes.Add((row, result));
                    }

                    if (result is SendResult.Transient or SendResult.Deferred)
                    {
                        break; // keep the conversation's order: later rows wait for this one's retry
                    }
                }
            });

        var sent = System.Diagnostics.Stopwatch.GetTimestamp();
        await RecordAsync(outcomes, cancellationToken);
        PipelineMetrics.Record("outbox.record", sent, outcomes.Count);
        PipelineMetrics.Record("outbox", started, outcomes.Count);
        return outcomes.Count;
    }

    /// <summary>Conversations whose person wrote STOP, among those with proactive rows due now.</summary>
    private async Task<HashSet<long>> OptedOutAsync(List<List<OutboundMessage>> due, CancellationToken cancellationToken)
    {
        var ids = due.SelectMany(rows => rows).Where(r => r.Kind == OutboundKind.Proactive).Select(r => r.ConversationId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = factory.CreateDbContext();
        return (await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id) && c.OptedOutAt != null).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task<SendResult> SendOneAsync(OutboundMessage row, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(row.Channel, out var sender))
        {
            return new SendResult.Rejected("channel_disabled", $"The {row.Channel} channel is not enabled.");
        }

        try
        {
            return await sender.SendAsync(row, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Sending outbound {OutboundId} on {Channel} threw; will retry", row.Id, row.Channel);
            return new SendResult.Transient(ex.GetType().Name);
        }
    }

    private const string UpdateSql = """
        UPDATE "OutboundMessages" SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next, "SentAt" = @sent,
            "StatusUpdatedAt" = @updated, "ProviderMessageId" = @provider, "ErrorCode" = @code, "ErrorMessage" = @message
        WHERE "Id" = @id AND "Status" = 'Queued'
        """;

    private async Task RecordAsync(List<(OutboundMessage Row, SendResult Result)> outcomes, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        foreach (var (row, result) in outcomes)
        {
            Apply(row, result, now);
        }

        await using (var db = factory.CreateDbContext())
        {
            // Recorded even when shutdown was requested: these messages have left already.
            await using var scope = await factory.BeginWriteAsync(db, CancellationToken.None);
            await using var update = StoreCommand.Create(db, UpdateSql,
                "id", "status", "attempts", "next", "sent", "updated", "provider", "code", "message");
            foreach (var (row, _) in outcomes)
            {
                await update.Set("id", row.Id).Set("status", row.Status).Set("attempts", row.Attempts)
                    .Set("next", row.NextAttemptAt).Set("sent", row.SentAt).Set("updated", row.StatusUpdatedAt)
                    .Set("provider", row.ProviderMessageId).Set("code", row.ErrorCode).Set("message", row.ErrorMessage)
                    .ExecuteAsync(CancellationToken.None);
            }

            await scope.CommitAsync(CancellationToken.None);
        }

        foreach (var (row, _) in outcomes)
        {
            if (row.Status != OutboundStatus.Queued)
            {
                events.RaiseOutboundDispatched(new OutboundDispatched(
                    row.Id, row.InboundMessageId, row.ConversationId, row.Channel, row.To, row.Body, row.Status));
            }
        }
    }

    private void Apply(OutboundMessage row, SendResult result, DateTime now)
    {
        row.StatusUpdatedAt = now;
        switch (result)
        {
            case SendResult.Sent sent:
                row.Status = OutboundStatus.Sent;
                row.SentAt = now;
                row.ProviderMessageId = sent.ProviderMessageId;
                row.ErrorCode = null;
                row.ErrorMessage = null;
                break;
            case SendResult.Rejected rejected:
                row.Status = OutboundStatus.Failed;
                row.ErrorCode = rejected.Code;
                row.ErrorMessage = Truncate(rejected.Message);
                Logger.LogWarning("Outbound {OutboundId} on {Channel} rejected permanently: {ErrorCode}", row.Id, row.Channel, rejected.Code);
                break;
            case SendResult.NeedsTemplate held:
                row.Status = OutboundStatus.NeedsTemplate;
                row.ErrorCode = "needs_template";
                row.ErrorMessage = Truncate(held.Reason);
                break;
            case SendResult.Deferred deferred:
                row.NextAttemptAt = now + deferred.Wait;
                row.ErrorMessage = Truncate(deferred.Reason);
                break;
            case SendResult.Transient transient:
                row.Attempts++;
                row.ErrorMessage = Truncate(transient.Reason);
                if (row.Attempts >= options.MaxAttempts)
                {
                    row.Status = OutboundStatus.Failed;
                    row.ErrorCode = "gave_up";
                    Logger.LogError("Outbound {OutboundId} on {Channel} failed {Attempts} times; giving up", row.Id, row.Channel, row.Attempts);
                }
                else
                {
                    row.NextAttemptAt = now + (transient.RetryAfter ?? Backoff(row.Attempts));
                }

                break;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
