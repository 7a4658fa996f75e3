using ChatBot.Domain.Audit;
using ChatBot.Domain.Events;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Abh;

/// <summary>An officer on duty at some moment, with where alerts reach them.</summary>
public sealed record OnDutyOfficer(int OfficerId, string DisplayName, OfficerRole Role, string? Phone, string? Email, int Rank);

/// <summary>The outcome of adding a shift: the shift, or why it was refused (Indonesian, for the console).</summary>
public sealed record RosterChange(DutyShift? Shift, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// The office's on-duty roster for ABH requests, which come at any hour: who answers from when to when
/// (a shift may cross midnight: 22.00–06.00), and in which order when several are on duty at once
/// (<see cref="DutyShift.Rank"/>). Shifts are entered in the office's time and stored in UTC.
/// </summary>
public sealed class DutyRoster(ChatBotDbFactory factory, OfficeDirectory offices, DomainEvents events, TimeProvider time)
{
    /// <summary>The console event kind when the roster changes.</summary>
    public const string EventKind = "piket";

    /// <summary>Ranks run from 0 (alerted first) to this.</summary>
    public const int MaxRank = 9;

    /// <summary>The longest shift the roster takes (a weekend on call).</summary>
    public static readonly TimeSpan MaxShiftLength = TimeSpan.FromDays(3);

    /// <summary>The officers of <paramref name="officeId"/> on duty at <paramref name="utc"/>, the first to alert first (lowest rank; an officer once, at their best rank).</summary>
    public static async Task<List<OnDutyOfficer>> OnDutyAsync(ChatBotDb db, int officeId, DateTime utc, CancellationToken cancellationToken)
    {
        var rows = await db.DutyShifts.AsNoTracking()
            .Where(s => s.OfficeId == officeId && s.StartsAt <= utc && s.EndsAt > utc)
            .Join(db.Officers.Where(o => o.Active && o.OfficeId == officeId), s => s.OfficerId, o => o.Id, (s, o) => new { s.Rank, s.StartsAt, o.Id, o.DisplayName, o.Role, o.Phone, o.Email })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.Rank).ThenBy(r => r.StartsAt).ThenBy(r => r.Id)
            .DistinctBy(r => r.Id)
            .Select(r => new OnDutyOfficer(r.Id, r.DisplayName, r.Role, r.Phone, r.Email, r.Rank))];
    }

    /// <summary>The officers on duty now, read in a person's turn (the requester is told who they are).</summary>
    public static Task<List<OnDutyOfficer>> OnDutyAsync(UnitOfWork work, int officeId) =>
        OnDutyAsync(work.Db, officeId, work.UtcNow, work.CancellationToken);

    /// <summary>Whether a shift of <paramref name="officerId"/> in <paramref name="officeId"/> covered <paramref name="utc"/>.</summary>
    public static Task<bool> WasOnDutyAsync(ChatBotDb db, int officeId, int officerId, DateTime utc, CancellationToken cancellationToken) =>
        db.DutyShifts.AnyAsync(s => s.OfficeId == officeId && s.OfficerId == officerId && s.StartsAt <= utc && s.EndsAt > utc, cancellationToken);

    /// <summary>The shifts of an office that overlap <paramref name="fromUtc"/>–<paramref name="toUtc"/>, in order of start and rank.</summary>
    public async Task<List<DutyShift>> ListAsync(IReadOnlyCollection<int> officeIds, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.DutyShifts.AsNoTracking()
            .Where(s => officeIds.Contains(s.OfficeId) && s.EndsAt > fromUtc && s.StartsAt < toUtc)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Rank).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a shift of <paramref name="officerId"/> from <paramref name="localStart"/> to <paramref name="localEnd"/>
    /// (the office's wall-clock time); refused when the officer is not active in the office, the end is not
    /// after the start, the shift is over already, too long, or overlaps another shift of the same officer.
    /// </summary>
    public async Task<RosterChange> AddAsync(int officeId, int officerId, DateTime localStart, DateTime localEnd, int rank, Actor actor, CancellationToken cancellationToken)
    {
        if (offices.Find(officeId) is not { } office)
        {
            return new(null, ["Kantor tidak ditemukan."]);
        }

        var start = ToUtc(office, localStart);
        var end = ToUtc(office, localEnd);
        var now = time.GetUtcNow().UtcDateTime;
        var problems = new List<string>();
        if (end <= start)
        {
            problems.Add("Waktu selesai harus setelah waktu mulai (untuk piket malam, isi tanggal esok harinya).");
        }
        else if (end - start > MaxShiftLength)
        {
            problems.Add($"Satu giliran piket paling lama {MaxShiftLength.TotalHours:0} jam.");
        }

        if (end <= now)
        {
            problems.Add("Giliran itu sudah lewat.");
        }

        if (rank is < 0 or > MaxRank)
        {
            problems.Add($"Urutan 1 sampai {MaxRank + 1}.");
        }

        await using var db = factory.CreateDbContext();
        if (!await db.Officers.AnyAsync(o => o.Id == officerId && o.OfficeId == officeId && o.Active, cancellationToken))
        {
            problems.Add("Pilih petugas aktif dari kantor ini.");
        }
        else if (problems.Count == 0
            && await db.DutyShifts.AnyAsync(s => s.OfficeId == officeId && s.OfficerId == officerId && s.StartsAt < end && s.EndsAt > start, cancellationToken))
        {
            problems.Add("Petugas itu sudah punya giliran piket yang bertumpang waktu.");
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var shift = new DutyShift { OfficeId = officeId, OfficerId = officerId, StartsAt = start, EndsAt = end, Rank = rank };
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            db.DutyShifts.Add(shift);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(actor.Name, "duty.add", $"DutyShift/{shift.Id}", now, $"officer {officerId}, rank {rank + 1}"));
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        events.Publish(new RecordChanged(EventKind, officeId, $"piket/{shift.Id}"));
        return new(shift, []);
    }

    /// <summary>Removes a shift of one of <paramref name="officeIds"/>; false when there is none.</summary>
    public async Task<bool> RemoveAsync(long shiftId, IReadOnlyCollection<int> officeIds, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var shift = await db.DutyShifts.SingleOrDefaultAsync(s => s.Id == shiftId && officeIds.Contains(s.OfficeId), cancellationToken);
        if (shift is null)
        {
            return false;
        }

        db.DutyShifts.Remove(shift);
        db.AuditEntries.Add(AuditEntry.Of(actor.Name, "duty.remove", $"DutyShift/{shift.Id}", time.GetUtcNow().UtcDateTime, $"officer {shift.OfficerId}"));
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        events.Publish(new RecordChanged(EventKind, shift.OfficeId, $"piket/{shift.Id}"));
        return true;
    }

    /// <summary>An office's wall-clock time as UTC (Indonesia has no daylight saving time, so every local time exists once).</summary>
    public static DateTime ToUtc(Office office, DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), office.TimeZone);
}
