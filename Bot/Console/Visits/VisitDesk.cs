using ChatBot.Bot.Flows.VisitBooking;
using ChatBot.Bot.OfficerConsole.Live;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Visits;

/// <summary>One line of the visit queue.</summary>
public sealed record VisitRow(
    long Id,
    int OfficeId,
    string Code,
    int QueueNumber,
    DateTime SlotStart,
    int SlotMinutes,
    int? Station,
    VisitStatus Status,
    string InmateName,
    string InmateNumber,
    string? CellBlock,
    string RequesterName,
    string Relationship,
    string CallNumber,
    DateTime? CallStartedAt);

public enum VisitMoveResult
{
    Done,

    /// <summary>The visit is no longer in a state that allows this move (someone else moved it).</summary>
    Conflict,

    NotFound,
}

/// <summary>
/// The visit officer's desk: the day's queue, and moving a visit through the SOP's states. Marking
/// "called" tells the family the call is about to start and from which number. Every move is
/// audited and shown live to the other officers.
/// </summary>
public sealed class VisitDesk(ChatBotDbFactory factory, OfficeDirectory offices, Domain.Events.DomainEvents events, TimeProvider time)
{
    /// <summary>Visits of a local day at the given offices, in queue order (cancelled ones last).</summary>
    public async Task<List<VisitRow>> DayAsync(IReadOnlyList<Office> visible, DateOnly day, CancellationToken cancellationToken)
    {
        var rows = new List<VisitRow>();
        await using var db = factory.CreateDbContext();
        foreach (var office in visible)
        {
            var from = VisitBookings.ToUtc(office, day.ToDateTime(TimeOnly.MinValue));
            var to = VisitBookings.ToUtc(office, day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            rows.AddRange(await db.Visits.AsNoTracking()
                .Where(v => v.OfficeId == office.Id && v.SlotStart >= from && v.SlotStart < to)
                .Select(v => new VisitRow(
                    v.Id, v.OfficeId, v.Code, v.QueueNumber, v.SlotStart, v.SlotMinutes, v.Station, v.Status,
                    v.Inmate!.FullName, v.Inmate.RegistrationNumber, v.Inmate.CellBlock, v.RequesterName, v.Relationship, v.CallNumber, v.CallStartedAt))
                .ToListAsync(cancellationToken));
        }

        return [.. rows.OrderBy(r => r.Status == VisitStatus.Cancelled).ThenBy(r => r.SlotStart).ThenBy(r => r.QueueNumber)];
    }

    /// <summary>Moves a visit from <paramref name="from"/> to <paramref name="to"/> if it is still there.</summary>
    public async Task<VisitMoveResult> MoveAsync(long visitId, VisitStatus from, VisitStatus to, string officerUserName, Func<int, bool> maySee, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        if (visit is null || !maySee(visit.OfficeId))
        {
            return VisitMoveResult.NotFound;
        }

        if (!VisitTransitions.Allowed(from, to))
        {
            return VisitMoveResult.Conflict;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            // The state check in the UPDATE makes two officers' clicks safe: one of them moves it.
            var query = db.Visits.Where(v => v.Id == visitId && v.Status == from);
            var changed = to switch
            {
                VisitStatus.Cancelled => await query.ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, to).SetProperty(v => v.StatusChangedAt, now).SetProperty(v => v.Station, (int?)null), cancellationToken),
                VisitStatus.InCall => await query.ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, to).SetProperty(v => v.StatusChangedAt, now).SetProperty(v => v.CallStartedAt, now), cancellationToken),
                _ => await query.ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, to).SetProperty(v => v.StatusChangedAt, now), cancellationToken),
            };
            if (changed != 1)
            {
                return VisitMoveResult.Conflict;
            }

            var office = offices.Find(visit.OfficeId)!;
            var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == visit.ConversationId, cancellationToken);
            var texts = VisitTexts.For(conversation.Language);
            if (to == VisitStatus.Called)
            {
                var schedule = await VisitBookings.ScheduleAsync(db, office.Id, cancellationToken);
                var caller = string.IsNullOrWhiteSpace(schedule.CallerNumber) ? office.WhatsAppNumber : schedule.CallerNumber;
                var notice = string.IsNullOrWhiteSpace(caller) ? texts.CallStartingNoNumber(visit.Code, office.Name) : texts.CallStarting(visit.Code, caller);
                VisitNotices.Queue(db, conversation, office, visit, VisitNotices.CalledTopic, notice, now);
            }
            else if (to == VisitStatus.Cancelled)
            {
                VisitNotices.Queue(db, conversation, office, visit, VisitNotices.CancelledTopic, texts.CancelledByOfficer(visit.Code), now);
            }

            db.AuditEntries.Add(AuditEntry.Of(officerUserName, $"visit.{to.ToString().ToLowerInvariant()}", $"Visit/{visitId}", now));
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        events.Publish(new Domain.Events.MessagesQueued());
        Announce(visit.OfficeId, visitId);
        return VisitMoveResult.Done;
    }

    /// <summary>Tells open console pages that a visit changed (booked, moved, cancelled).</summary>
    public void Announce(int officeId, long visitId) => events.Publish(VisitBookings.Changed(officeId, visitId));
}
