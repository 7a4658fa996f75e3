using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>
/// Queues each booking's reminder <see cref="VisitOptions.ReminderBefore"/> before its slot, exactly
/// once: a booking is claimed by a conditional update before its message is queued, in the same
/// transaction, so two instances (or a retried pass) never both remind.
/// </summary>
public sealed class VisitReminders(
    ChatBotDbFactory factory,
    VisitOptions options,
    OfficeDirectory offices,
    PipelineEvents pipeline,
    TimeProvider time,
    ILogger<VisitReminders> logger) : PipelineWorker(new Signal(), options.CheckInterval, time, logger)
{
    public const int BatchSize = 100;

    public override async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var dueBy = now + options.ReminderBefore;
        await using var db = factory.CreateDbContext();
        var due = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Booked && v.ReminderQueuedAt == null && v.SlotStart <= dueBy && v.SlotStart > now)
            .OrderBy(v => v.SlotStart)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var conversationIds = due.Select(v => v.ConversationId).Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => conversationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var queued = 0;
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            foreach (var visit in due)
            {
                var claimed = await db.Visits
                    .Where(v => v.Id == visit.Id && v.ReminderQueuedAt == null && v.Status == VisitStatus.Booked)
                    .ExecuteUpdateAsync(u => u.SetProperty(v => v.ReminderQueuedAt, now), cancellationToken);
                if (claimed != 1 || offices.Find(visit.OfficeId) is not { } office || !conversations.TryGetValue(visit.ConversationId, out var conversation))
                {
                    continue;
                }

                var body = VisitTexts.For(conversation.Language).Reminder(visit.Code, VisitNotices.When(office, visit, conversation.Language), visit.QueueNumber, visit.CallNumber);
                VisitNotices.Queue(db, conversation, office, visit, VisitNotices.ReminderTopic, body, now);
                queued++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        if (queued > 0)
        {
            Logger.LogInformation("Queued {Count} visit reminder(s)", queued);
            pipeline.OutboxQueued.Set();
        }

        return due.Count;
    }
}
