using System.Security.Claims;
using ChatBot.Bot.Flows.Abh;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary>One ABH request in the console's alarm: nothing of the child, only what to open.</summary>
/// <param name="Level">The highest escalation of its open alerts: 0 none, 1 the next on duty, 2 the head.</param>
public sealed record AlarmItem(long Id, string Code, string Status, string Received, int Level);

/// <summary>
/// The alarm every console page shows in its layout while an ABH request waits for a step (received,
/// with the head, dispositioned, appointed), to every officer of its office: a child may be waiting at a
/// police station. It names codes and states only; the page links to the request.
/// </summary>
public sealed class AbhAlarm(ChatBotDbFactory factory, OfficeScope scope, OfficeDirectory offices)
{
    public const int Shown = 10;

    public async Task<IReadOnlyList<AlarmItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || !user.HasClaim(c => c.Type == ConsoleClaims.Office))
        {
            return [];
        }

        var visible = scope.Visible(user).Select(o => o.Id).ToList();
        var waiting = AbhRules.Waiting.ToList();
        await using var db = factory.CreateDbContext();
        var rows = await db.AbhRequests.AsNoTracking()
            .Where(r => visible.Contains(r.OfficeId) && waiting.Contains(r.Status))
            .OrderBy(r => r.Id)
            .Take(Shown)
            .Select(r => new { r.Id, r.Code, r.Status, r.ReceivedAt, r.OfficeId })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var levels = await db.AbhAlerts.AsNoTracking()
            .Where(a => ids.Contains(a.AbhRequestId) && a.ResolvedAt == null)
            .GroupBy(a => a.AbhRequestId)
            .Select(g => new { Id = g.Key, Level = g.Max(a => a.Level) })
            .ToDictionaryAsync(g => g.Id, g => g.Level, cancellationToken);
        return [.. rows.Select(r => new AlarmItem(
            r.Id,
            r.Code,
            AbhTexts.Indonesian.Statuses[r.Status].Label,
            ConsoleText.DateAndTime(offices.Find(r.OfficeId), r.ReceivedAt),
            levels.GetValueOrDefault(r.Id)))];
    }
}
