using System.Security.Cryptography;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Visits;

/// <summary>Bound from <c>Visits</c>.</summary>
public sealed class VisitOptions
{
    /// <summary>How long before its slot a booking's reminder goes out.</summary>
    [Positive]
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the reminder worker looks for due reminders.</summary>
    [Positive]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far ahead slots are offered.</summary>
    [Between(1, 366)]
    public int HorizonDays { get; set; } = 14;

    /// <summary>How many open slots the family is offered at once.</summary>
    [Between(1, 20)]
    public int OfferedSlots { get; set; } = 5;

    /// <summary>A slot must start at least this long after booking (time to prepare the inmate).</summary>
    [Positive(AllowZero = true)]
    public TimeSpan MinimumLead { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>A slot with at least one free station.</summary>
public sealed record FreeSlot(DateTime StartUtc, DateTime LocalStart);

/// <summary>
/// Which free slots to list: those after <see cref="AfterUtc"/> (the next page), on <see cref="Day"/> (a day
/// the family named), and starting from <see cref="From"/> until before <see cref="Until"/> (office local
/// time: "pagi", "jam 10"). Every part is optional.
/// </summary>
public sealed record SlotQuery(DateTime? AfterUtc = null, DateOnly? Day = null, TimeOnly? From = null, TimeOnly? Until = null)
{
    public static readonly SlotQuery Next = new();

    public bool Admits(FreeSlot slot)
    {
        var time = TimeOnly.FromDateTime(slot.LocalStart);
        return (AfterUtc is not { } after || slot.StartUtc > after)
            && (Day is not { } day || DateOnly.FromDateTime(slot.LocalStart) == day)
            && (From is not { } from || time >= from)
            && (Until is not { } until || time < until);
    }
}

public enum BookingOutcome
{
    Booked,

    /// <summary>Every station of the slot was taken meanwhile.</summary>
    SlotTaken,

    /// <summary>The inmate reached the office's weekly limit in that week.</summary>
    WeeklyLimit,

    /// <summary>The requester already has an active booking for this inmate.</summary>
    AlreadyBooked,

    /// <summary>The inmate may not receive video calls.</summary>
    NotAllowed,

    /// <summary>The time is not (or no longer) a slot of the schedule.</summary>
    SlotUnavailable,
}

/// <summary>What the family asks to book.</summary>
public sealed record BookingRequest(
    int OfficeId,
    long InmateId,
    long ConversationId,
    ChannelKind Channel,
    string RequesterName,
    string Relationship,
    string CallNumber,
    DateTime SlotStartUtc,
    DateTime RequestedAt,
    long? ReplacesVisitId = null);

public sealed record BookingResult(BookingOutcome Outcome, Visit? Visit = null);

/// <summary>
/// Video-call visit bookings: the open slots of an office's schedule, and booking one so that two
/// families can never hold the same place. A booking is written in a short transaction of its own
/// (not with the chat turn), guarded by a unique index on office, slot and station.
/// </summary>
public sealed class VisitBookings(ChatBotDbFactory factory, VisitOptions options)
{
    /// <summary>The kind of <see cref="Events.RecordChanged"/> raised when a visit is booked, moved or cancelled.</summary>
    public const string EventKind = "visit";

    /// <summary>What to raise once a change to visit <paramref name="visitId"/> is committed.</summary>
    public static Events.RecordChanged Changed(int officeId, long visitId) => new(EventKind, officeId, $"visit/{visitId}");

    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public VisitOptions Options => options;

    public static async Task<VisitSchedule> ScheduleAsync(ChatBotDb db, int officeId, CancellationToken cancellationToken) =>
        await db.Set<VisitSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken)
        ?? VisitSchedule.Default(officeId);

    /// <summary>Active bookings a conversation holds whose slot has not ended, soonest first.</summary>
    public static async Task<List<Visit>> ActiveForConversationAsync(UnitOfWork work, long conversationId)
    {
        var nowUtc = work.UtcNow;
        var visits = await work.Db.Set<Visit>().AsNoTracking().Include(v => v.Inmate)
            .Where(v => v.ConversationId == conversationId && v.Status != VisitStatus.Finished && v.Status != VisitStatus.NoShow && v.Status != VisitStatus.Cancelled)
            .OrderBy(v => v.SlotStart)
            .ToListAsync(work.CancellationToken);
        return visits.Where(v => v.SlotEnd > nowUtc || v.Status != VisitStatus.Booked).ToList();
    }

    /// <summary>
    /// The next slots with a free station where the inmate is still under the weekly limit: at most
    /// <see cref="VisitOptions.OfferedSlots"/> (or <paramref name="limit"/>) of those <paramref name="query"/> admits.
    /// </summary>
    public async Task<List<FreeSlot>> FreeSlotsAsync(UnitOfWork work, Office office, long inmateId, long? exceptVisitId, SlotQuery? query = null, int? limit = null)
    {
        query ??= SlotQuery.Next;
        return [.. (await OpenSlotsAsync(work, office, inmateId, exceptVisitId)).Where(query.Admits).Take(limit ?? options.OfferedSlots)];
    }

    /// <summary>
    /// The days nearest to <paramref name="day"/> (the one before it and the one after it, within the
    /// horizon) that still have a free slot the query admits (its day aside), soonest first.
    /// </summary>
    public async Task<List<DateOnly>> NearestDaysAsync(UnitOfWork work, Office office, long inmateId, long? exceptVisitId, DateOnly day, SlotQuery? query = null)
    {
        var anyDay = (query ?? SlotQuery.Next) with { Day = null };
        var days = (await OpenSlotsAsync(work, office, inmateId, exceptVisitId)).Where(anyDay.Admits)
            .Select(s => DateOnly.FromDateTime(s.LocalStart)).Distinct().ToList();
        var before = days.Where(d => d < day).Select(d => (DateOnly?)d).LastOrDefault();
        var after = days.Where(d => d > day).Select(d => (DateOnly?)d).FirstOrDefault();
        return [.. new[] { before, after }.OfType<DateOnly>()];
    }

    /// <summary>Every slot of the horizon with a free station where the inmate is under the weekly limit, in order (computed as it is read).</summary>
    private async Task<IEnumerable<FreeSlot>> OpenSlotsAsync(UnitOfWork work, Office office, long inmateId, long? exceptVisitId)
    {
        var (db, nowUtc, cancellationToken) = (work.Db, work.UtcNow, work.CancellationToken);
        var schedule = await ScheduleAsync(db, office.Id, cancellationToken);
        var today = office.LocalDate(nowUtc);
        var horizonUtc = ToUtc(office, today.AddDays(options.HorizonDays + 1).ToDateTime(TimeOnly.MinValue));
        var weekFromUtc = ToUtc(office, WeekStart(today).ToDateTime(TimeOnly.MinValue));
        var held = await db.Set<Visit>().AsNoTracking()
            .Where(v => v.OfficeId == office.Id && v.Station != null && v.SlotStart >= weekFromUtc && v.SlotStart < horizonUtc)
            .Select(v => new { v.Id, v.SlotStart, v.InmateId, v.Status })
            .ToListAsync(cancellationToken);
        var takenPerSlot = held.GroupBy(v => v.SlotStart).ToDictionary(g => g.Key, g => g.Count());
        var perWeek = held.Where(v => v.InmateId == inmateId && v.Id != exceptVisitId && v.Status != VisitStatus.Cancelled)
            .GroupBy(v => WeekStart(office.LocalDate(v.SlotStart)))
            .ToDictionary(g => g.Key, g => g.Count());
        return Open();

        IEnumerable<FreeSlot> Open()
        {
            for (var day = today; day <= today.AddDays(options.HorizonDays); day = day.AddDays(1))
            {
                if (!schedule.IsOpenOn(day)
                    || schedule.WeeklyLimitPerInmate > 0 && perWeek.GetValueOrDefault(WeekStart(day)) >= schedule.WeeklyLimitPerInmate)
                {
                    continue;
                }

                foreach (var time in schedule.SlotTimes())
                {
                    var local = day.ToDateTime(time);
                    var start = ToUtc(office, local);
                    if (start < nowUtc + options.MinimumLead || takenPerSlot.GetValueOrDefault(start) >= schedule.Stations)
                    {
                        continue;
                    }

                    yield return new FreeSlot(start, local);
                }
            }
        }
    }

    /// <summary>
    /// Books the slot at the lowest free station. When another booking takes the last station
    /// first, the store refuses the second (unique index) and the answer is <see cref="BookingOutcome.SlotTaken"/>.
    /// Running the same request again (a turn retried after a failure) returns the booking it made.
    /// </summary>
    public async Task<BookingResult> BookAsync(Office office, BookingRequest request, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var earlier = await db.Set<Visit>().AsNoTracking().Include(v => v.Inmate)
            .FirstOrDefaultAsync(v => v.ConversationId == request.ConversationId && v.RequestedAt == request.RequestedAt && v.InmateId == request.InmateId && v.Station != null, cancellationToken);
        if (earlier is not null)
        {
            return new BookingResult(BookingOutcome.Booked, earlier);
        }

        var schedule = await ScheduleAsync(db, office.Id, cancellationToken);
        for (var attempt = 0; attempt <= schedule.Stations; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
            var (problem, visit) = await PrepareAsync(db, office, schedule, request, nowUtc, cancellationToken);
            if (problem is { } outcome)
            {
                return new BookingResult(outcome);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await scope.CommitAsync(cancellationToken);
                return new BookingResult(BookingOutcome.Booked, visit);
            }
            catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
            {
                // Someone took this station (or, very rarely, this code) first: look again.
            }
        }

        return new BookingResult(BookingOutcome.SlotTaken);
    }

    /// <summary>The family cancels a booking that has not been called yet; its place is free again.</summary>
    public async Task<bool> CancelAsync(long visitId, long conversationId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var changed = await db.Set<Visit>()
            .Where(v => v.Id == visitId && v.ConversationId == conversationId && v.Status == VisitStatus.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Cancelled).SetProperty(v => v.Station, (int?)null).SetProperty(v => v.StatusChangedAt, nowUtc), cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public static DateTime ToUtc(Office office, DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), office.TimeZone);

    /// <summary>The Monday of the week a date falls in.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private async Task<(BookingOutcome? Problem, Visit? Visit)> PrepareAsync(
        ChatBotDb db,
        Office office,
        VisitSchedule schedule,
        BookingRequest request,
        DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var local = office.ToLocal(request.SlotStartUtc);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (request.SlotStartUtc < nowUtc || !schedule.IsOpenOn(day) || !schedule.SlotTimes().Contains(time))
        {
            return (BookingOutcome.SlotUnavailable, null);
        }

        var inmate = await db.Set<Inmate>().SingleOrDefaultAsync(i => i.Id == request.InmateId && i.OfficeId == office.Id, cancellationToken);
        if (inmate is null || !inmate.VideoCallAllowed)
        {
            return (BookingOutcome.NotAllowed, null);
        }

        if (db is PostgresChatBotDb)
        {
            // Bookings for one inmate take turns until they commit, so the counts below (weekly
            // limit, one active booking) hold across instances. SQLite's single writer does this already.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Inmates\" WHERE \"Id\" = {inmate.Id} FOR UPDATE", cancellationToken);
        }

        var mine = await db.Set<Visit>()
            .Where(v => v.InmateId == request.InmateId && v.ConversationId == request.ConversationId && v.Status != VisitStatus.Finished && v.Status != VisitStatus.NoShow && v.Status != VisitStatus.Cancelled && v.Id != request.ReplacesVisitId)
            .Select(v => new { v.SlotStart, v.SlotMinutes, v.Status })
            .ToListAsync(cancellationToken);
        if (mine.Any(v => v.Status != VisitStatus.Booked || v.SlotStart.AddMinutes(v.SlotMinutes) > nowUtc))
        {
            return (BookingOutcome.AlreadyBooked, null);
        }

        if (schedule.WeeklyLimitPerInmate > 0)
        {
            var weekStart = WeekStart(day);
            var fromUtc = ToUtc(office, weekStart.ToDateTime(TimeOnly.MinValue));
            var toUtc = ToUtc(office, weekStart.AddDays(7).ToDateTime(TimeOnly.MinValue));
            var inWeek = await db.Set<Visit>().CountAsync(
                v => v.InmateId == request.InmateId && v.Status != VisitStatus.Cancelled && v.Id != request.ReplacesVisitId
                    && v.SlotStart >= fromUtc && v.SlotStart < toUtc,
                cancellationToken);
            if (inWeek >= schedule.WeeklyLimitPerInmate)
            {
                return (BookingOutcome.WeeklyLimit, null);
            }
        }

        var taken = await db.Set<Visit>()
            .Where(v => v.OfficeId == office.Id && v.SlotStart == request.SlotStartUtc && v.Station != null)
            .Select(v => v.Station!.Value)
            .ToListAsync(cancellationToken);
        var station = Enumerable.Range(1, schedule.Stations).FirstOrDefault(s => !taken.Contains(s));
        if (station == 0)
        {
            return (BookingOutcome.SlotTaken, null);
        }

        var queueNumber = await NextQueueNumberAsync(db, office, day, cancellationToken);
        if (request.ReplacesVisitId is { } replaced)
        {
            // One conditional update, in this booking's transaction: an officer who calls the old
            // booking at this moment wins, and the reschedule is refused instead of undoing the call.
            var cancelled = await db.Set<Visit>()
                .Where(v => v.Id == replaced && v.ConversationId == request.ConversationId && v.Status == VisitStatus.Booked)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Cancelled).SetProperty(v => v.Station, (int?)null).SetProperty(v => v.StatusChangedAt, nowUtc), cancellationToken);
            if (cancelled != 1)
            {
                return (BookingOutcome.SlotUnavailable, null);
            }
        }

        var visit = new Visit
        {
            OfficeId = office.Id,
            Code = NewCode(),
            InmateId = inmate.Id,
            Inmate = inmate,
            ConversationId = request.ConversationId,
            Channel = request.Channel,
            RequesterName = request.RequesterName,
            Relationship = request.Relationship,
            CallNumber = request.CallNumber,
            SlotStart = request.SlotStartUtc,
            SlotMinutes = schedule.SlotMinutes,
            Station = station,
            QueueNumber = queueNumber,
            Status = VisitStatus.Booked,
            CreatedAt = nowUtc,
            RequestedAt = request.RequestedAt,
            ReplacesVisitId = request.ReplacesVisitId,
            // Booked inside the reminder window: the confirmation is the reminder.
            ReminderQueuedAt = request.SlotStartUtc - options.ReminderBefore <= nowUtc ? nowUtc : null,
        };
        db.Set<Visit>().Add(visit);
        return (null, visit);
    }

    /// <summary>Advisory lock class of an office's queue numbers (PostgreSQL), the office id being the other key.</summary>
    private const int QueueLock = 0x5155;

    /// <summary>
    /// The next queue number of the office's <paramref name="day"/>: 1 for the day's first booking, then in
    /// the order they are made; a cancelled booking keeps its number, so none is given twice.
    /// </summary>
    private static async Task<int> NextQueueNumberAsync(ChatBotDb db, Office office, DateOnly day, CancellationToken cancellationToken)
    {
        if (db is PostgresChatBotDb)
        {
            // Bookings of one office take turns for their number until they commit; SQLite's single writer does this already.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({QueueLock}, {office.Id})", cancellationToken);
        }

        var fromUtc = ToUtc(office, day.ToDateTime(TimeOnly.MinValue));
        var toUtc = ToUtc(office, day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var last = await db.Set<Visit>()
            .Where(v => v.OfficeId == office.Id && v.SlotStart >= fromUtc && v.SlotStart < toUtc)
            .MaxAsync(v => (int?)v.QueueNumber, cancellationToken);
        return (last ?? 0) + 1;
    }

    private static string NewCode() => "VC-" + RandomNumberGenerator.GetString(CodeAlphabet, 6);

}
