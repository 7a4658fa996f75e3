using ChatBot.Bot.Flows.TravelPermit;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Bot.OfficerConsole.Requests;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Permits;

/// <summary>
/// <c>/console/izin/{id}</c>: one permit request — the applicant, the client, the trip, its steps with their
/// deadlines and history, and the form of each step the signed-in officer may take now (examination, the TPP
/// decision, the draft, the head's signature, sending the letter, revocation), each run by the request desk.
/// The letter and the signed request open on their own audited pages. Every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.PermitPolicy)]
public sealed class DetailModel(
    RequestDesk desk,
    RequestType<TravelPermit, TravelPermitStatus> type,
    ChatBotDbFactory factory,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    WorkingDayCalendar calendar,
    TimeProvider time) : PageModel
{
    /// <summary>The TPP decision form's choices.</summary>
    public const string Approve = "setuju";

    public const string Reject = "tolak";

    public TravelPermit Item { get; private set; } = null!;

    public Office Office { get; private set; } = null!;

    public Client? Client { get; private set; }

    public string? ClientPk { get; private set; }

    public RequestProgress Progress { get; private set; } = null!;

    public IReadOnlyDictionary<int, string> OfficerNames { get; private set; } = new Dictionary<int, string>();

    public PermitFormat.Deadline Deadline { get; private set; } = null!;

    /// <summary>The steps the officer may take now, by name.</summary>
    public IReadOnlySet<string> Steps { get; private set; } = new HashSet<string>();

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? SessionDate { get; set; }

    [BindProperty]
    public string? Members { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

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

        await audit.WriteAsync(User, "permit.view", $"{type.Subject}/{id}", null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } officer)
        {
            return Forbid();
        }

        var step = Step == "decide"
            ? Decision switch { Approve => TravelPermitRequests.Steps.Approve, Reject => TravelPermitRequests.Steps.Reject, _ => null }
            : Step;
        if (step is null || type.Step(step) is null)
        {
            Notice = "Pilih keputusan sidang TPP: disetujui atau tidak disetujui.";
            return RedirectToPage(new { id });
        }

        var input = new StepInput(Text, Fields: new Dictionary<string, string>
        {
            [TravelPermitRequests.DateField] = SessionDate ?? "",
            [TravelPermitRequests.MembersField] = Members ?? "",
        });
        var result = step == TravelPermitRequests.Steps.Sign
            ? await TravelPermitRequests.SignAsync(desk, type, factory, id, officer, Revision, cancellationToken)
            : await desk.ActAsync(type, id, step, officer, input, Revision, cancellationToken);
        if (result.Status == RequestActionStatus.Forbidden)
        {
            return Forbid();
        }

        Notice = RequestNotices.Notice(result, Done(step), "permohonan");
        return RedirectToPage(new { id });
    }

    private static string Done(string step) => step switch
    {
        TravelPermitRequests.Steps.Examine => "Permohonan tercatat sudah diperiksa; pemohon sudah dikabari.",
        TravelPermitRequests.Steps.Approve => "Keputusan sidang TPP (disetujui) tercatat; pemohon sudah dikabari.",
        TravelPermitRequests.Steps.Reject => "Keputusan sidang TPP (tidak disetujui) tercatat; alasannya dikirim kepada pemohon.",
        TravelPermitRequests.Steps.Draft => "Konsep surat izin tercatat dan menunggu pengesahan Kepala.",
        TravelPermitRequests.Steps.Sign => "Surat izin disahkan dan ditandatangani secara elektronik.",
        TravelPermitRequests.Steps.Deliver => "Surat izin dikirim kepada pemohon lewat saluran permohonannya.",
        _ => "Surat izin dicabut; pemohon sudah dikabari.",
    };

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var permit = await db.TravelPermits.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (permit is null || !scope.MaySee(User, permit.OfficeId) || offices.Find(permit.OfficeId) is not { } office
            || await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } me)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        Item = permit;
        Office = office;
        Today = office.LocalDate(now);
        // The register's rule: a PK sees the clients given to them; the head, Kasubsi and admins every client.
        Client = permit.ClientId is { } clientId
            ? await db.Clients.AsNoTracking().Where(ClientRegister.VisibleTo(me)).SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken)
            : null;
        var pkId = permit.ClientId is { } registered ? await db.Clients.Where(c => c.Id == registered).Select(c => c.PkOfficerId).SingleOrDefaultAsync(cancellationToken) : null;
        ClientPk = pkId is null ? null : await db.Officers.Where(o => o.Id == pkId).Select(o => o.DisplayName).SingleOrDefaultAsync(cancellationToken);
        Progress = await type.ProgressAsync(db, permit, office, calendar, now, cancellationToken);
        Deadline = PermitFormat.Whole(permit, office, calendar, now);
        Steps = type.Open(permit, me).Select(s => s.Name).ToHashSet();
        var ids = Progress.History.Select(h => h.OfficerId).OfType<int>().Distinct().ToList();
        OfficerNames = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        return true;
    }
}
