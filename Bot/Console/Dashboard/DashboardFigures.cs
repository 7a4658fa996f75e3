using System.Collections.Concurrent;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Dashboard;

/// <summary>Today's figures for one or more offices ("today" is each office's own local date).</summary>
public sealed record TodayFigures(
    int MessagesReceived,
    int RepliesSent,
    int ConversationsActive,
    int SendsFailed,
    int HandoversWaiting,
    int HandoversActive,
    int HandoversOverdue,
    DateTime AsOfUtc)
{
    public static TodayFigures operator +(TodayFigures a, TodayFigures b) => new(
        a.MessagesReceived + b.MessagesReceived,
        a.RepliesSent + b.RepliesSent,
        a.ConversationsActive + b.ConversationsActive,
        a.SendsFailed + b.SendsFailed,
        a.HandoversWaiting + b.HandoversWaiting,
        a.HandoversActive + b.HandoversActive,
        a.HandoversOverdue + b.HandoversOverdue,
        a.AsOfUtc > b.AsOfUtc ? a.AsOfUtc : b.AsOfUtc);
}

/// <summary>An office that took too many unknown lookups (every kind, everyone) within the throttle's window.</summary>
public sealed record LookupAlert(Office Office, int Failures);

/// <summary>
/// The dashboard's queries. The message tables have no index on their timestamps, so each count is
/// bounded by id: the first id that can belong to today is found once per day (ids only grow, so it
/// stays right for the rest of the day) and the count then reads only today's rows.
/// </summary>
public sealed class DashboardFigures(ChatBotDbFactory factory, TimeProvider time, LookupThrottle lookups)
{
    /// <summary>
    /// Ids handed out just before the boundary may commit just after it (PostgreSQL sequences); the
    /// lower bound keeps this many ids of slack. The timestamp filter keeps every count exact.
    /// </summary>
    private const long IdSlack = 1000;

    /// <summary>An outbox row may be sent, or fail, this long after it was queued (retries).</summary>
    private static readonly TimeSpan OutboxLifetime = TimeSpan.FromDays(1);

    private static readonly ConversationMode[] AllModes = Enum.GetValues<ConversationMode>();

    private static readonly OutboundStatus[] SentStatuses = [OutboundStatus.Sent, OutboundStatus.Delivered, OutboundStatus.Read];

    private readonly ConcurrentDictionary<(string Table, DateTime From), long> _firstIds = new();

    public async Task<TodayFigures> ForOfficesAsync(IEnumerable<Office> offices, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var total = new TodayFigures(0, 0, 0, 0, 0, 0, 0, now);
        foreach (var office in offices)
        {
            total += await ForOfficeAsync(office, now, cancellationToken);
        }

        return total;
    }

    /// <summary>The window the lookup alerts count over (<c>Lookups:Window</c>).</summary>
    public TimeSpan LookupWindow => lookups.Options.Window;

    /// <summary>
    /// The offices, of <paramref name="offices"/>, that reached the office-wide limit of unknown lookups
    /// within the window: lookups there from people not known to the office are paused now.
    /// </summary>
    public async Task<IReadOnlyList<LookupAlert>> LookupAlertsAsync(IReadOnlyList<Office> offices, CancellationToken cancellationToken)
    {
        if (offices.Count == 0)
        {
            return [];
        }

        await using var db = factory.CreateDbContext();
        var over = await lookups.OfficesOverLimitAsync(db, offices.Select(o => o.Id).ToList(), time.GetUtcNow().UtcDateTime, cancellationToken);
        return offices.Where(o => over.ContainsKey(o.Id)).Select(o => new LookupAlert(o, over[o.Id])).ToList();
    }

    /// <summary>Start and end (UTC) of the office's local day containing <paramref name="utc"/>.</summary>
    public static (DateTime Start, DateTime End) LocalDay(Office office, DateTime utc)
    {
        var date = office.LocalDate(utc);
        var start = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), office.TimeZone);
        var end = TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), office.TimeZone);
        return (start, end);
    }

    private async Task<TodayFigures> ForOfficeAsync(Office office, DateTime now, CancellationToken cancellationToken)
    {
        var (start, end) = LocalDay(office, now);
        await using var db = factory.CreateDbContext();
        var firstInbound = await FirstIdAsync(db, "inbound", start, cancellationToken);
        var firstOutbound = await FirstIdAsync(db, "outbound", start - OutboxLifetime, cancellationToken);

        var received = await db.InboundMessages
            .Where(m => m.Id >= firstInbound && m.OfficeId == office.Id && m.ReceivedAt >= start && m.ReceivedAt < end && !m.SystemTurn)
            .CountAsync(cancellationToken);
        var outbound = db.OutboundMessages.Where(m => m.Id >= firstOutbound && m.Conversation!.OfficeId == office.Id);
        var sent = await outbound
            .Where(m => SentStatuses.Contains(m.Status) && m.SentAt >= start && m.SentAt < end)
            .CountAsync(cancellationToken);
        var failed = await outbound
            .Where(m => m.Status == OutboundStatus.Failed && m.StatusUpdatedAt >= start && m.StatusUpdatedAt < end)
            .CountAsync(cancellationToken);
        var active = await db.Conversations
            .Where(c => AllModes.Contains(c.Mode) && c.LastActivityAt >= start && c.LastActivityAt < end && c.OfficeId == office.Id)
            .CountAsync(cancellationToken);

        var overdueBefore = now - Handover.Pickup.Clock; // waiting longer is past the SOP response time
        var handovers = await db.Handovers
            .Where(h => h.OfficeId == office.Id && (h.Status == HandoverStatus.Waiting || h.Status == HandoverStatus.Active))
            .GroupBy(h => h.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Overdue = g.Count(h => h.RequestedAt < overdueBefore) })
            .ToListAsync(cancellationToken);
        var waiting = handovers.FirstOrDefault(h => h.Status == HandoverStatus.Waiting);
        var taken = handovers.FirstOrDefault(h => h.Status == HandoverStatus.Active);

        return new TodayFigures(received, sent, active, failed, waiting?.Count ?? 0, taken?.Count ?? 0, waiting?.Overdue ?? 0, now);
    }

    /// <summary>A lower bound for the ids of rows created at or after <paramref name="from"/>.</summary>
    private async Task<long> FirstIdAsync(ChatBotDb db, string table, DateTime from, CancellationToken cancellationToken)
    {
        if (_firstIds.TryGetValue((table, from), out var cached))
        {
            return cached;
        }

        long? first;
        long? last;
        if (table == "inbound")
        {
            first = await db.InboundMessages.Where(m => m.ReceivedAt >= from).MinAsync(m => (long?)m.Id, cancellationToken);
            last = first is null ? await db.InboundMessages.MaxAsync(m => (long?)m.Id, cancellationToken) : null;
        }
        else
        {
            first = await db.OutboundMessages.Where(m => m.CreatedAt >= from).MinAsync(m => (long?)m.Id, cancellationToken);
            last = first is null ? await db.OutboundMessages.MaxAsync(m => (long?)m.Id, cancellationToken) : null;
        }

        // No row yet since then: every later row gets a higher id than the highest so far.
        var bound = Math.Max(0, (first ?? ((last ?? 0) + 1)) - IdSlack);
        if (_firstIds.Count > 64)
        {
            _firstIds.Clear();
        }

        _firstIds[(table, from)] = bound;
        return bound;
    }
}
