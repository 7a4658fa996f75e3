using System.Globalization;
using ChatBot.Bot.Flows.Abh;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Bot.OfficerConsole.Requests;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary>One alert about the request, as the page lists it.</summary>
public sealed record AlertRow(string Officer, string Waiting, int Level, DateTime SentAt, DateTime? ResolvedAt);

/// <summary>
/// <c>/console/abh/{id}</c>: one ABH request — the institution and requester, the child's data and the letter
/// (for the roles that handle ABH and the officer on duty for it; masked for everyone else), the SOP's
/// steps with their deadlines, every alert and escalation, and the form of the step the signed-in
/// officer may take now: hand it to the head, the head's disposition to a Kasubsi, the Kasubsi's
/// appointment of a PK, the PK's confirmation, the start of the accompaniment, and opening the litmas
/// case. Steps run through the request desk. Every view is audited, with whether the child's data was shown.
/// </summary>
public sealed class DetailModel(
    RequestType<AbhRequest, AbhRequestStatus> type,
    RequestDesk desk,
    AbhDesk abh,
    ChatBotDbFactory factory,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    WorkingDayCalendar calendar,
    TimeProvider time) : PageModel
{
    public AbhRequest Item { get; private set; } = null!;

    public Office Office { get; private set; } = null!;

    public Officer Me { get; private set; } = null!;

    public RequestProgress Progress { get; private set; } = null!;

    public IReadOnlyDictionary<int, string> OfficerNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];

    public IReadOnlyList<Officer> Kasubsis { get; private set; } = [];

    public IReadOnlyList<Officer> Pks { get; private set; } = [];

    /// <summary>The child's data, the requester's contact and the letter may be shown.</summary>
    public bool ChildVisible { get; private set; }

    public bool OnDuty { get; private set; }

    public string? LitmasNumber { get; private set; }

    public DateTime Now { get; private set; }

    public bool MayHand => Item.Status == AbhRequestStatus.Received && (Me.Role is OfficerRole.Kepala or OfficerRole.Kasubsi || OnDuty);

    public bool MayDispose => Item.Status == AbhRequestStatus.WithHead && Me.Role == OfficerRole.Kepala;

    public bool MayAppoint => Item.Status == AbhRequestStatus.Disposed && (Me.Role == OfficerRole.Kepala || Me.Id == Item.KasubsiOfficerId);

    public bool MayAcknowledge => Item.Status == AbhRequestStatus.Appointed && Me.Id == Item.PkOfficerId;

    private bool Handles => Me.Role == OfficerRole.Kepala || Me.Id == Item.PkOfficerId || Me.Id == Item.KasubsiOfficerId;

    public bool MayRecord => Item.Status == AbhRequestStatus.Acknowledged && Handles;

    public bool MayOpenLitmas =>
        Item.Status is AbhRequestStatus.Acknowledged or AbhRequestStatus.Accompanied && Item.LitmasCaseId is null && Item.ErasedAt is null && Handles;

    /// <summary>The institution the litmas case is opened for by default, from who asked.</summary>
    public RequestingInstitution DefaultInstitution => Item.InstitutionKind == AbhInstitutions.Prosecutor ? RequestingInstitution.Kejaksaan : RequestingInstitution.Polisi;

    /// <summary>Now in the office's time, as the date-time field takes it.</summary>
    public string LocalNow => Office.ToLocal(Now).ToString(AbhRequests.StartFormat, CultureInfo.InvariantCulture);

    public string Show(string? value) => ChildVisible ? value ?? "—" : AbhView.Mask;

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public int? Chosen { get; set; }

    [BindProperty]
    public string? Start { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? RegistrationNumber { get; set; }

    [BindProperty]
    public RequestingInstitution Institution { get; set; }

    [BindProperty]
    public long Revision { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "abh.view", $"{AbhRequests.Subject}/{id}", ChildVisible ? "child's data shown" : "child's data masked", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var input = Step switch
        {
            AbhRequests.Steps.Dispose or AbhRequests.Steps.Appoint => new StepInput(Reference: Chosen),
            AbhRequests.Steps.Accompany => new StepInput(Place, Choice: Start),
            _ => new StepInput(),
        };
        var result = type.Step(Step ?? "") is null
            ? new RequestActionResult(RequestActionStatus.NotFound)
            : await desk.ActAsync(type, id, Step!, Me, input, Revision, cancellationToken);
        if (result.Status == RequestActionStatus.Forbidden)
        {
            return Forbid();
        }

        Notice = RequestNotices.Notice(result, Step == AbhRequests.Steps.Acknowledge ? "Tersimpan; pemohon sudah dikabari nama dan nomor Anda." : "Tersimpan.", "permohonan");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLitmasAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (result, _) = await abh.OpenLitmasAsync(id, Me, RegistrationNumber, Institution, Revision, cancellationToken);
        if (result == AbhLitmasResult.Forbidden)
        {
            return Forbid();
        }

        Notice = result switch
        {
            AbhLitmasResult.Done => "Kasus litmas dibuka untuk anak ini.",
            AbhLitmasResult.Duplicate => "Nomor registrasi itu sudah dipakai kasus litmas lain di kantor ini.",
            AbhLitmasResult.Invalid => "Isi nomor registrasi litmas (paling banyak 64 karakter).",
            AbhLitmasResult.Conflict => "Tidak dapat disimpan: permohonan sudah berubah (mungkin oleh petugas lain).",
            _ => "Permohonan tidak ditemukan.",
        };
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } me)
        {
            return false;
        }

        await using var db = factory.CreateDbContext();
        var request = await db.AbhRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !scope.MaySee(User, request.OfficeId) || offices.Find(request.OfficeId) is not { } office)
        {
            return false;
        }

        Me = me;
        Item = request;
        Office = office;
        Now = time.GetUtcNow().UtcDateTime;
        ChildVisible = await AbhAccess.MaySeeChildAsync(db, request, me, Now, cancellationToken);
        OnDuty = await AbhAccess.IsOnDutyForAsync(db, request, me, Now, cancellationToken);
        Progress = await type.ProgressAsync(db, request, office, calendar, Now, cancellationToken);
        var alerts = await db.AbhAlerts.AsNoTracking().Where(a => a.AbhRequestId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var ids = Progress.History.Select(h => h.OfficerId).OfType<int>()
            .Concat(alerts.Select(a => a.OfficerId))
            .Concat(new[] { request.KasubsiOfficerId, request.PkOfficerId }.OfType<int>())
            .Distinct().ToList();
        OfficerNames = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        Alerts = [.. alerts.Select(a => new AlertRow(
            OfficerNames.GetValueOrDefault(a.OfficerId, "—"),
            AbhTexts.Indonesian.WaitingFor.GetValueOrDefault(a.Waiting, a.Waiting.ToString()),
            a.Level,
            a.SentAt,
            a.ResolvedAt))];
        if (MayDispose || MayAppoint)
        {
            var role = MayDispose ? OfficerRole.Kasubsi : OfficerRole.Pk;
            var candidates = await db.Officers.AsNoTracking().Where(o => o.OfficeId == request.OfficeId && o.Active && o.Role == role).OrderBy(o => o.DisplayName).ToListAsync(cancellationToken);
            if (MayDispose)
            {
                Kasubsis = candidates;
            }
            else
            {
                Pks = candidates;
            }
        }

        if (request.LitmasCaseId is { } caseId)
        {
            LitmasNumber = await db.LitmasCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.RegistrationNumber).SingleOrDefaultAsync(cancellationToken);
        }

        return true;
    }
}
