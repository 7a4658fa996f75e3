using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary>An open request as the list shows it: the step it waits for and by when.</summary>
public sealed record AbhRow(AbhRequest Request, bool ChildVisible, StepRow? Waiting);

/// <summary>
/// <c>/console/abh</c>: ABH accompaniment requests, those waiting first (oldest first) with the step each
/// waits for and its deadline, then the latest closed. Every officer may open it; the child's data is
/// masked for those who do not handle the request (<see cref="AbhAccess"/>). Every view is audited.
/// </summary>
[ConsoleNav("ABH", Order = 36)]
public sealed class IndexModel(
    RequestType<AbhRequest, AbhRequestStatus> type,
    ChatBotDbFactory factory,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    WorkingDayCalendar calendar,
    TimeProvider time) : PageModel
{
    public const int Shown = 100;

    public const int ClosedShown = 30;

    public IReadOnlyList<AbhRow> Open { get; private set; } = [];

    public IReadOnlyList<AbhRow> Closed { get; private set; } = [];

    public Office? OfficeOf(int id) => offices.Find(id);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        await audit.WriteAsync(User, "abh.list", AbhRequestsSubject, $"{Open.Count + Closed.Count} request(s) shown", cancellationToken);
        return Page();
    }

    /// <summary>The lists, refetched by console.js when a request or an alert changes.</summary>
    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Partial("_AbhList", this) : Forbid();

    private const string AbhRequestsSubject = Flows.Abh.AbhRequests.Subject;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } me)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var visible = scope.Visible(User).Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();
        var mine = db.AbhRequests.AsNoTracking().Where(r => visible.Contains(r.OfficeId));
        var open = await mine.Where(r => r.ClosedAt == null).OrderBy(r => r.Id).Take(Shown).ToListAsync(cancellationToken);
        var closed = await mine.Where(r => r.ClosedAt != null).OrderByDescending(r => r.ClosedAt).Take(ClosedShown).ToListAsync(cancellationToken);
        var child = await AbhView.ChildVisibleAsync(db, open.Concat(closed), me, now, cancellationToken);
        var rows = new List<AbhRow>();
        foreach (var request in open)
        {
            StepRow? waiting = null;
            if (offices.Find(request.OfficeId) is { } office)
            {
                var progress = await type.ProgressAsync(db, request, office, calendar, now, cancellationToken);
                waiting = progress.Steps.FirstOrDefault(s => s.DoneAt is null && s.DueUtc is not null);
            }

            rows.Add(new AbhRow(request, child.Contains(request.Id), waiting));
        }

        Open = rows;
        Closed = [.. closed.Select(r => new AbhRow(r, child.Contains(r.Id), null))];
        return true;
    }
}
