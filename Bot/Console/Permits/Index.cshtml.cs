using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Sla;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Permits;

/// <summary>
/// <c>/console/izin</c>: out-of-town permit requests not finished yet, oldest first, each against its 14
/// working days (rows at risk, with fewer than 3 working days left, and late ones stand out), then the
/// latest finished ones. It shows applicants' names, so every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.PermitPolicy)]
[ConsoleNav("Izin", Order = 37)]
public sealed class IndexModel(ChatBotDbFactory factory, OfficeScope scope, OfficeDirectory offices, ConsoleAuditLog audit, WorkingDayCalendar calendar, TimeProvider time) : PageModel
{
    public const int ClosedShown = 50;

    public IReadOnlyList<TravelPermit> Open { get; private set; } = [];

    public IReadOnlyList<TravelPermit> Closed { get; private set; } = [];

    public DateTime Now { get; private set; }

    public Office? OfficeOf(int officeId) => offices.Find(officeId);

    public PermitFormat.Deadline Deadline(TravelPermit permit) => PermitFormat.Whole(permit, OfficeOf(permit.OfficeId)!, calendar, Now);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await audit.WriteAsync(User, "permit.list", "TravelPermit", $"{Open.Count + Closed.Count} request(s) shown", cancellationToken);
    }

    /// <summary>The list, refetched by console.js when a request changes.</summary>
    public async Task<IActionResult> OnGetQueueAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_Permits", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var visible = scope.Visible(User).Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();
        var mine = db.TravelPermits.AsNoTracking().Where(p => visible.Contains(p.OfficeId));
        var closed = PermitRules.Closed.ToList();
        Open = await mine.Where(p => !closed.Contains(p.Status)).OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        Closed = await mine.Where(p => closed.Contains(p.Status)).OrderByDescending(p => p.ClosedAt).Take(ClosedShown).ToListAsync(cancellationToken);
    }
}
