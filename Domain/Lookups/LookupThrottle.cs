using System.Linq.Expressions;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Lookups;

/// <summary>Bound from <c>Lookups</c>.</summary>
public sealed class LookupOptions : ISettingsRules
{
    public const string Section = "Lookups";

    /// <summary>Failed lookups of one kind a person may make within <see cref="Window"/> before a pause.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>
    /// Failed lookups of every kind, by everyone, one office takes within <see cref="Window"/> before
    /// it stops answering people it does not know (someone guessing from many numbers).
    /// </summary>
    public int OfficeMaxFailures { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How recent a successful lookup must be to let its sender through an office-wide pause.</summary>
    public TimeSpan TrustedFor { get; set; } = TimeSpan.FromDays(30);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxFailures is < 1 or > 1000)
        {
            problems.Add("Lookups:MaxFailures must be between 1 and 1000.");
        }

        if (OfficeMaxFailures < MaxFailures || OfficeMaxFailures > 100_000)
        {
            problems.Add("Lookups:OfficeMaxFailures must be at least Lookups:MaxFailures and at most 100000.");
        }

        if (Window <= TimeSpan.Zero || Window > TimeSpan.FromDays(7))
        {
            problems.Add("Lookups:Window must be positive and at most 7 days.");
        }

        if (TrustedFor < Window || TrustedFor > TimeSpan.FromDays(366))
        {
            problems.Add("Lookups:TrustedFor must be at least Lookups:Window and at most 366 days.");
        }

        return problems;
    }
}

/// <summary>Why a lookup is not made now, and until when.</summary>
/// <param name="UntilUtc">When a try is allowed again (if nobody fails meanwhile).</param>
/// <param name="OfficeWide">
/// False: this person tried too many unknown numbers. True: the office as a whole had too many
/// unknown lookups, and this person has not found this before; the service is "busy".
/// </param>
public sealed record LookupPause(DateTime UntilUtc, bool OfficeWide);

/// <summary>
/// Slows down guessing, in two ways over the same window. A person who has looked up too many unknown
/// numbers (or names, or codes) of one kind is paused until the oldest of those failures leaves the
/// window. And an office that had too many unknown lookups of any kind, from anyone — someone guessing
/// from many numbers — answers only what a person found before (within <see cref="LookupOptions.TrustedFor"/>)
/// until the failures leave the window; everything else waits, so the pause tells nothing about whether
/// a number exists. Attempts are recorded on the turn's store context, so they commit with the turn;
/// attempts of the same batch of turns count before they are saved.
/// </summary>
public sealed class LookupThrottle(LookupOptions options)
{
    public const int QueryLength = 64;

    public LookupOptions Options => options;

    /// <summary>
    /// Whether the person may look up <paramref name="query"/> (as it will be recorded) now; null when
    /// they may. With a null <paramref name="query"/> (asked before the person typed anything) a person
    /// who found anything of this kind before passes an office-wide pause; check again with the query.
    /// </summary>
    public async Task<LookupPause?> CheckAsync(UnitOfWork work, string kind, int officeId, ChannelKind channel, string sender, string? query)
    {
        var (db, utcNow, cancellationToken) = (work.Db, work.UtcNow, work.CancellationToken);
        var since = utcNow - options.Window;
        if (await LimitReachedAsync(db, a => a.Kind == kind && a.OfficeId == officeId && a.Channel == channel && a.Sender == sender, options.MaxFailures, since, cancellationToken) is { } oldest)
        {
            return new LookupPause(oldest + options.Window, OfficeWide: false);
        }

        if (await LimitReachedAsync(db, a => a.OfficeId == officeId, options.OfficeMaxFailures, since, cancellationToken) is { } officeOldest
            && !await FoundBeforeAsync(db, kind, officeId, channel, sender, query, utcNow, cancellationToken))
        {
            return new LookupPause(officeOldest + options.Window, OfficeWide: true);
        }

        return null;
    }

    /// <summary>
    /// The offices among <paramref name="officeIds"/> whose saved failed lookups (every kind) within the
    /// window reached <see cref="LookupOptions.OfficeMaxFailures"/>, with how many there were: new
    /// senders there are paused now. Reads only the window's rows (the index on the time).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> OfficesOverLimitAsync(ChatBotDb db, IReadOnlyCollection<int> officeIds, DateTime utcNow, CancellationToken cancellationToken)
    {
        var since = utcNow - options.Window;
        var limit = options.OfficeMaxFailures;
        var counts = await db.Set<LookupAttempt>().AsNoTracking()
            .Where(a => a.At > since && !a.Found && officeIds.Contains(a.OfficeId))
            .GroupBy(a => a.OfficeId)
            .Select(g => new { OfficeId = g.Key, Failures = g.Count() })
            .Where(g => g.Failures >= limit)
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.OfficeId, c => c.Failures);
    }

    /// <summary>Records an attempt in <paramref name="work"/> (saved with the rest of it).</summary>
    public void Record(UnitOfWork work, string kind, int officeId, ChannelKind channel, string sender, string query, bool found)
    {
        work.Db.Set<LookupAttempt>().Add(new LookupAttempt
        {
            Kind = kind,
            OfficeId = officeId,
            Channel = channel,
            Sender = sender,
            Query = Cut(query),
            Found = found,
            At = work.UtcNow,
        });
    }

    private static string Cut(string query) => query.Length > QueryLength ? query[..QueryLength] : query;

    /// <summary>
    /// When the failures matching <paramref name="whose"/> within the window reach <paramref name="limit"/>,
    /// the oldest of the last <paramref name="limit"/> of them (the pause ends when it leaves the window).
    /// </summary>
    private static async Task<DateTime?> LimitReachedAsync(
        ChatBotDb db, Expression<Func<LookupAttempt, bool>> whose, int limit, DateTime since, CancellationToken cancellationToken)
    {
        var failures = await db.Set<LookupAttempt>().AsNoTracking()
            .Where(whose)
            .Where(a => !a.Found && a.At > since)
            .OrderByDescending(a => a.At)
            .Select(a => a.At)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var matches = whose.Compile();
        failures.AddRange(Unsaved(db).Where(a => !a.Found && a.At > since && matches(a)).Select(a => a.At));
        return failures.Count < limit ? null : failures.OrderByDescending(at => at).Take(limit).Min();
    }

    /// <summary>The person found this (or, with no query, anything of this kind) at the office recently.</summary>
    private async Task<bool> FoundBeforeAsync(
        ChatBotDb db, string kind, int officeId, ChannelKind channel, string sender, string? query, DateTime utcNow, CancellationToken cancellationToken)
    {
        var since = utcNow - options.TrustedFor;
        var recorded = query is null ? null : Cut(query);
        if (Unsaved(db).Any(a => a.Found && a.Kind == kind && a.OfficeId == officeId && a.Channel == channel && a.Sender == sender && a.At > since
            && (recorded == null || a.Query == recorded)))
        {
            return true;
        }

        var found = db.Set<LookupAttempt>().AsNoTracking()
            .Where(a => a.Kind == kind && a.OfficeId == officeId && a.Channel == channel && a.Sender == sender && a.Found && a.At > since);
        if (recorded is not null)
        {
            found = found.Where(a => a.Query == recorded);
        }

        return await found.AnyAsync(cancellationToken);
    }

    /// <summary>Attempts of this batch of turns, not yet saved.</summary>
    private static IEnumerable<LookupAttempt> Unsaved(ChatBotDb db) =>
        db.ChangeTracker.Entries<LookupAttempt>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
}
