using ChatBot.Bot.Flows.VisitBooking;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Visits;

/// <summary>
/// <c>/console/visits</c>: the day's video-call queue in order, refreshed live as families book by
/// chat. The visit officer moves each entry through the SOP's states; the 15-minute call timer runs
/// on the page; <c>?status=</c> shows one state only (the dashboard's figures link there). Shows
/// personal data, so each view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.VisitsPolicy)]
[ConsoleNav("Kunjungan", Order = 20)]
public sealed class IndexModel(VisitDesk desk, OfficeScope scope, ConsoleAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The day shown (office local date); today when absent or unreadable.</summary>
    [BindProperty(SupportsGet = true, Name = "tanggal")]
    public DateOnly? Date { get; set; }

    /// <summary>Only visits in this state (<see cref="VisitConsoleText.Slug"/>); every state when absent or unknown.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    public VisitStatus? Status => VisitConsoleText.FromSlug(StatusFilter);

    public DateOnly Day { get; private set; }

    public bool IsToday { get; private set; }

    public IReadOnlyList<VisitRow> Rows { get; private set; } = [];

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string QueueSource => $"/console/visits?handler=queue&tanggal={Day:yyyy-MM-dd}" + (Status is { } status ? $"&status={VisitConsoleText.Slug(status)}" : "");

    public Office? OfficeOf(int id) => Offices.FirstOrDefault(o => o.Id == id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await audit.WriteAsync(User, "visits.queue.view", $"Visits/{Day:yyyy-MM-dd}", null, cancellationToken);
    }

    /// <summary>The queue fragment, refetched by console.js on live events.</summary>
    public async Task<IActionResult> OnGetQueueAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_VisitQueue", this);
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, VisitStatus from, VisitStatus to, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var result = await desk.MoveAsync(id, from, to, User.UserName(), officeId => scope.MaySee(User, officeId), cancellationToken);
        Notice = result switch
        {
            VisitMoveResult.Done => null,
            VisitMoveResult.Conflict => "Status kunjungan itu sudah diubah petugas lain; daftar sudah diperbarui.",
            _ => "Kunjungan tidak ditemukan.",
        };
        return result == VisitMoveResult.NotFound
            ? NotFound()
            : RedirectToPage(new { tanggal = Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), status = Status is { } shown ? VisitConsoleText.Slug(shown) : null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        Offices = scope.Visible(User);
        var today = (scope.OwnOffice(User) ?? Offices.FirstOrDefault())?.LocalDate(NowUtc) ?? DateOnly.FromDateTime(NowUtc);
        Day = ModelState.IsValid && Date is { } date ? date : today;
        IsToday = Day == today;
        var rows = await desk.DayAsync(Offices, Day, cancellationToken);
        Rows = Status is { } status ? [.. rows.Where(r => r.Status == status)] : rows;
    }
}
