using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Lookups;

/// <summary>Bound from <c>Lookups</c>.</summary>
public sealed class LookupOptions
{
    /// <summary>Failed lookups of one kind a person may make within <see cref="Window"/> before a pause.</summary>
    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Slows down guessing: a person who has looked up too many unknown numbers (or names) of one kind
/// within the window is paused until the oldest of those failures leaves the window. Attempts are
/// recorded on the turn's store context, so they commit with the turn.
/// </summary>
public sealed class LookupThrottle(LookupOptions options)
{
    public const int QueryLength = 64;

    /// <summary>When the person may try again, or null when they may now.</summary>
    public async Task<DateTime?> PausedUntilAsync(ChatBotDb db, string kind, int officeId, ChannelKind channel, string sender, DateTime utcNow, CancellationToken cancellationToken)
    {
        var since = utcNow - options.Window;
        var failures = await db.Set<LookupAttempt>().AsNoTracking()
            .Where(a => a.Kind == kind && a.OfficeId == officeId && a.Channel == channel && a.Sender == sender && !a.Found && a.At > since)
            .OrderByDescending(a => a.At)
            .Select(a => a.At)
            .Take(options.MaxFailures)
            .ToListAsync(cancellationToken);
        // Tracked, not yet committed failures of this same turn count too.
        failures.AddRange(db.ChangeTracker.Entries<LookupAttempt>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .Where(a => a.Kind == kind && a.OfficeId == officeId && a.Channel == channel && a.Sender == sender && !a.Found && a.At > since)
            .Select(a => a.At));
        if (failures.Count < options.MaxFailures)
        {
            return null;
        }

        var oldestCounted = failures.OrderByDescending(at => at).Take(options.MaxFailures).Min();
        return oldestCounted + options.Window;
    }

    /// <summary>Records an attempt on <paramref name="db"/> (saved with the caller's changes).</summary>
    public void Record(ChatBotDb db, string kind, int officeId, ChannelKind channel, string sender, string query, bool found, DateTime utcNow)
    {
        db.Set<LookupAttempt>().Add(new LookupAttempt
        {
            Kind = kind,
            OfficeId = officeId,
            Channel = channel,
            Sender = sender,
            Query = query.Length > QueryLength ? query[..QueryLength] : query,
            Found = found,
            At = utcNow,
        });
    }
}
