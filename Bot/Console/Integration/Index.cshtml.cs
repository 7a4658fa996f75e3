using ChatBot.Bot.Flows.IntegrationInfo;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Integration;

/// <summary>
/// <c>/console/integrasi</c>: requests for integration information waiting for an officer (oldest first),
/// each against the SOP's budget for its step (verify 3 minutes, answer 5 minutes), then the latest
/// closed ones. It shows requesters' and inmates' names, so every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.IntegrationPolicy)]
[ConsoleNav("Integrasi", Order = 35)]
public sealed class IndexModel(ChatBotDbFactory factory, OfficeScope scope, OfficeDirectory offices, ConsoleAuditLog audit, TimeProvider time) : PageModel
{
    public const int ClosedShown = 50;

    public IReadOnlyList<IntegrationRequest> Open { get; private set; } = [];

    public IReadOnlyList<IntegrationRequest> Closed { get; private set; } = [];

    public DateTime Now { get; private set; }

    public Office? OfficeOf(int officeId) => offices.Find(officeId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await audit.WriteAsync(User, "integration.list", "IntegrationRequest", $"{Open.Count + Closed.Count} request(s) shown", cancellationToken);
    }

    /// <summary>The queue, refetched by console.js when a request changes.</summary>
    public async Task<IActionResult> OnGetQueueAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_Queue", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var visible = scope.Visible(User).Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();
        var mine = db.IntegrationRequests.AsNoTracking().Where(r => visible.Contains(r.OfficeId));
        Open = await mine.Where(r => r.Status != IntegrationRequestStatus.Closed).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        Closed = await mine.Where(r => r.Status == IntegrationRequestStatus.Closed).OrderByDescending(r => r.ClosedAt).Take(ClosedShown).ToListAsync(cancellationToken);
    }
}
