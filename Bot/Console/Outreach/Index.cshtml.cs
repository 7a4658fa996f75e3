using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Outreach;

/// <summary>An open request as the list shows it: the step it waits for, by when, and how it stands.</summary>
public sealed record OutreachRow(OutreachRequest Request, StepRow? Waiting);

/// <summary>
/// <c>/console/penyuluhan</c>: outreach requests (Bambang Solah) not finished yet, oldest first, each with
/// the step it waits for against the SOP's time (on time, at risk in the last fifth of it, late), then
/// the latest finished ones. It shows the contact person's name, so every view is audited.
/// </summary>
[Authorize(Policy = OutreachPolicies.Outreach)]
[ConsoleNav("Penyuluhan", Order = 38)]
public sealed class IndexModel(
    RequestType<OutreachRequest, OutreachStatus> type,
    ChatBotDbFactory factory,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    WorkingDayCalendar calendar,
    TimeProvider time) : PageModel
{
    public const int ClosedShown = 30;

    public IReadOnlyList<OutreachRow> Open { get; private set; } = [];

    public IReadOnlyList<OutreachRequest> Closed { get; private set; } = [];

    public Office? OfficeOf(int id) => offices.Find(id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await audit.WriteAsync(User, "outreach.list", OutreachRequestsSubject, $"{Open.Count + Closed.Count} request(s) shown", cancellationToken);
    }

    /// <summary>The lists, refetched by console.js when a request changes.</summary>
    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_OutreachList", this);
    }

    private const string OutreachRequestsSubject = Flows.Outreach.OutreachRequests.Subject;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var visible = scope.Visible(User).Select(o => o.Id).ToList();
        var closedStates = OutreachRules.Closed.ToList();
        await using var db = factory.CreateDbContext();
        var mine = db.OutreachRequests.AsNoTracking().Where(r => visible.Contains(r.OfficeId));
        var open = await mine.Where(r => !closedStates.Contains(r.Status)).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        Closed = await mine.Where(r => closedStates.Contains(r.Status)).OrderByDescending(r => r.ClosedAt).Take(ClosedShown).ToListAsync(cancellationToken);
        var rows = new List<OutreachRow>();
        foreach (var request in open)
        {
            StepRow? waiting = null;
            if (offices.Find(request.OfficeId) is { } office)
            {
                var progress = await type.ProgressAsync(db, request, office, calendar, now, cancellationToken);
                // The first step not taken yet on the main path (declining is the head's other way out).
                waiting = progress.Steps.FirstOrDefault(s => s.DoneAt is null && s.Key != "declined");
            }

            rows.Add(new OutreachRow(request, waiting));
        }

        Open = rows;
    }
}
