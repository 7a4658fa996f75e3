using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Complaints;

/// <summary>
/// <c>/console/pengaduan</c>: open complaints with their review and answer deadlines in working days;
/// late ones come first, highlighted and counted; <c>?tenggat=hari-ini</c> or <c>terlambat</c> shows only
/// those due today or late (the dashboard links there). Recently closed complaints and the satisfaction
/// survey results follow. No complainant's name or address appears here.
/// </summary>
[Authorize(Policy = ComplaintPolicies.Complaints)]
[ConsoleNav("Pengaduan", Order = 20)]
public sealed class IndexModel(ComplaintQueries queries, OfficeScope scope, OfficeDirectory offices, Domain.Complaints.ComplaintOptions options) : PageModel
{
    public Domain.Complaints.ComplaintOptions Options => options;

    /// <summary>Which open complaints the table shows: <c>hari-ini</c> (due today), <c>terlambat</c> (late), or all.</summary>
    [BindProperty(SupportsGet = true, Name = "tenggat")]
    public string? DeadlineFilter { get; set; }

    public string? Deadline => DeadlineFilter?.Trim().ToLowerInvariant() is "hari-ini" or "terlambat" ? DeadlineFilter.Trim().ToLowerInvariant() : null;

    public string ListSource => "/console/pengaduan?handler=list" + (Deadline is { } d ? $"&tenggat={d}" : "");

    public IReadOnlyList<ComplaintRow> Rows { get; private set; } = [];

    /// <summary>The open complaints the table shows (<see cref="Deadline"/>).</summary>
    public IReadOnlyList<ComplaintRow> ShownOpen => [.. Rows.Where(r => r.Status != Domain.Complaints.ComplaintStatus.Closed
        && Deadline switch { "hari-ini" => r.DueToday, "terlambat" => r.Late, _ => true })];

    public SurveySummary Survey { get; private set; } = null!;

    public string Local(int officeId, DateTime utc) => ConsoleText.DateAndTime(offices.Find(officeId), utc);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The list fragment, refetched by console.js on live events.</summary>
    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_ComplaintList", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var visible = scope.Visible(User).Select(o => o.Id).ToList();
        Rows = await queries.ListAsync(visible, User, cancellationToken);
        Survey = await queries.SurveyAsync(visible, User, cancellationToken);
    }
}
