using System.Globalization;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary>A shift as the roster page lists it.</summary>
/// <param name="Alerts">How alerts reach the officer ("WhatsApp, email"), or null when they cannot.</param>
public sealed record ShiftRow(DutyShift Shift, string Officer, OfficerRole Role, string? Alerts, bool OnNow);

/// <summary>
/// <c>/console/piket</c>: the office's on-duty roster for ABH requests, which come at any hour — who is on
/// duty now, and every shift from yesterday to two weeks ahead with its start and end in the office's
/// time (a night shift crosses midnight) and its rank (1 is alerted first). Everyone may read it; the
/// head, the Kasubsi and admins add and remove shifts.
/// </summary>
[ConsoleNav("Piket", Order = 37)]
public sealed class PiketModel(DutyRoster roster, ChatBotDbFactory factory, OfficeScope scope, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public const string Format = "yyyy-MM-dd'T'HH:mm";

    public Office? Office { get; private set; }

    public IReadOnlyList<ShiftRow> Shifts { get; private set; } = [];

    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public bool MayManage { get; private set; }

    public DateTime Now { get; private set; }

    [BindProperty]
    public int OfficerId { get; set; }

    [BindProperty]
    public string? Start { get; set; }

    [BindProperty]
    public string? End { get; set; }

    [BindProperty]
    public int Rank { get; set; } = 1;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problems { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Office is not null)
        {
            var local = Office.ToLocal(Now).Date;
            Start ??= local.AddHours(22).ToString(Format, CultureInfo.InvariantCulture);
            End ??= local.AddHours(30).ToString(Format, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The roster, refetched by console.js when it changes.</summary>
    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_Roster", this);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, AbhPolicies.Roster)).Succeeded)
        {
            return Forbid();
        }

        if (!TryLocal(Start, out var start) || !TryLocal(End, out var end))
        {
            Problems = "Isi tanggal dan jam mulai serta selesai.";
            return RedirectToPage();
        }

        var change = await roster.AddAsync(User.OfficeId(), OfficerId, start, end, Rank - 1, Actor.Officer(User.OfficerId(), User.UserName()), cancellationToken);
        if (change.Ok)
        {
            Notice = "Giliran piket ditambahkan.";
        }
        else
        {
            Problems = string.Join(" ", change.Problems);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long shiftId, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, AbhPolicies.Roster)).Succeeded)
        {
            return Forbid();
        }

        Notice = await roster.RemoveAsync(shiftId, [User.OfficeId()], Actor.Officer(User.OfficerId(), User.UserName()), cancellationToken)
            ? "Giliran piket dihapus."
            : "Giliran itu sudah tidak ada.";
        return RedirectToPage();
    }

    private static bool TryLocal(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Office = scope.OwnOffice(User);
        MayManage = (await authorization.AuthorizeAsync(User, AbhPolicies.Roster)).Succeeded;
        if (Office is null)
        {
            return;
        }

        var shifts = await roster.ListAsync([Office.Id], Now.AddDays(-1), Now.AddDays(14), cancellationToken);
        await using var db = factory.CreateDbContext();
        var officers = await db.Officers.AsNoTracking().Where(o => o.OfficeId == Office.Id).ToListAsync(cancellationToken);
        var byId = officers.ToDictionary(o => o.Id);
        Shifts = [.. shifts.Select(s => byId.TryGetValue(s.OfficerId, out var officer)
            ? new ShiftRow(s, officer.DisplayName, officer.Role, Reach(officer), s.StartsAt <= Now && s.EndsAt > Now && officer.Active)
            : new ShiftRow(s, "—", OfficerRole.ServiceOfficer, null, false))];
        Officers = [.. officers.Where(o => o.Active).OrderBy(o => o.DisplayName)];
    }

    private static string? Reach(Officer officer) =>
        string.Join(", ", new[] { officer.Phone is { Length: > 0 } ? "WhatsApp" : null, officer.Email is { Length: > 0 } ? "email" : null }.OfType<string>()) is { Length: > 0 } reach ? reach : null;
}
