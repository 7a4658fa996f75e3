using ChatBot.Bot.Flows.Complaint;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Bot.OfficerConsole.Requests;
using ChatBot.Channels.Media;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Complaints;

/// <summary>
/// <c>/console/pengaduan/{id}</c>: one complaint and its path — received, reviewed by the head of
/// office (direction, responsible official), followed up, answered and closed — with who and when
/// at each step, and the form for the step the signed-in officer may take now. The complainant's
/// name and address are not here (see <see cref="ReporterModel"/>). Every view is audited.
/// </summary>
[Authorize(Policy = ComplaintPolicies.Complaints)]
public sealed class DetailModel(
    RequestDesk desk,
    RequestType<Complaint, ComplaintStatus> complaints,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    MediaStore media,
    ChatBotDbFactory factory,
    Domain.Sla.WorkingDayCalendar calendar,
    TimeProvider time) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;

    public Officer? Me { get; private set; }

    public IReadOnlyDictionary<int, string> OfficerNames { get; private set; } = new Dictionary<int, string>();

    /// <summary>The steps, deadlines and history, as every request type shows them.</summary>
    public RequestProgress Progress { get; private set; } = null!;

    /// <summary>Officers of the complaint's office the head may assign.</summary>
    public IReadOnlyList<Officer> Assignable { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int ResponsibleOfficerId { get; set; }

    [BindProperty]
    public ComplaintFollowUpKind FollowUpKind { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public Office? Office => offices.Find(Complaint.OfficeId);

    public string Local(DateTime? utc) => utc is { } value ? ConsoleText.DateAndTime(Office, value) : "—";

    public string Name(int? officerId) => officerId is { } id ? OfficerNames.GetValueOrDefault(id, "—") : "—";

    public bool MayReview => May(ComplaintRequests.Steps.Review);

    public bool MayFollowUp => May(ComplaintRequests.Steps.FollowUp);

    public bool MayAnswer => May(ComplaintRequests.Steps.Answer);

    /// <summary>
    /// Why the officer sees no form, when they may take no step: who takes the step the complaint waits
    /// for (the roles of its step, and the official the head made responsible), or that it is closed.
    /// </summary>
    public string? NoActionHint
    {
        get
        {
            if (MayReview || MayFollowUp || MayAnswer)
            {
                return null;
            }

            if (complaints.Steps.FirstOrDefault(s => s.Waits(Complaint.Status)) is not { } waiting)
            {
                return "Pengaduan ini sudah dijawab dan ditutup; tidak ada tahap yang perlu diambil lagi.";
            }

            var who = new List<string>();
            if (waiting.Roles.Count > 0)
            {
                who.Add(ConsoleErrors.Roles(waiting.Roles));
            }

            if (waiting.AlsoAllowed is not null && Complaint.ResponsibleOfficerId is { } responsible)
            {
                who.Add($"penanggung jawab pengaduan ini, {Name(responsible)}");
            }

            var you = Me is null ? "Akun Anda tidak aktif" : $"Anda masuk sebagai {ConsoleText.RoleLabel(Me.Role)}";
            return $"Tahap berikutnya, {waiting.Label}, diambil oleh {string.Join(" atau ", who)}. {you}, jadi tidak ada tindakan untuk Anda pada pengaduan ini.";
        }
    }

    public bool MaySeeReporter => !Complaint.Anonymous && User.Role() is OfficerRole.Kepala or OfficerRole.ServiceOfficer;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "complaint.view", $"Complaint/{id}", null, cancellationToken);
        return Page();
    }

    /// <summary>The photo or document sent with the complaint (personal data: audited).</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Complaint.AttachmentPath is not { } path)
        {
            return NotFound();
        }

        var full = Path.GetFullPath(path);
        if (!full.StartsWith(media.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !System.IO.File.Exists(full))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "complaint.file.view", $"Complaint/{id}", null, cancellationToken);
        return PhysicalFile(full, Complaint.AttachmentContentType ?? "application/octet-stream", Complaint.AttachmentFileName ?? $"{Complaint.Code}{Path.GetExtension(full)}");
    }

    public Task<IActionResult> OnPostReviewAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintRequests.Steps.Review, new StepInput(Text, Reference: ResponsibleOfficerId), "Telaah tersimpan; pelapor sudah dikabari.", cancellationToken);

    public Task<IActionResult> OnPostFollowUpAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintRequests.Steps.FollowUp, new StepInput(Text, Choice: FollowUpKind.ToString()), "Tindak lanjut tersimpan; pelapor sudah dikabari.", cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintRequests.Steps.Answer, new StepInput(Text), "Jawaban terkirim ke pelapor; pengaduan ditutup.", cancellationToken);

    private bool May(string step) => Me is not null && complaints.Open(Complaint, Me).Any(s => s.Name == step);

    private async Task<IActionResult> ActAsync(long id, string step, StepInput input, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Me is null)
        {
            return Forbid();
        }

        var result = await desk.ActAsync(complaints, id, step, Me, input, expectedRevision: null, cancellationToken);
        if (result.Status == RequestActionStatus.Forbidden)
        {
            return Forbid();
        }

        Notice = RequestNotices.Notice(result, done, "pengaduan");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var complaint = await db.Complaints.AsNoTracking().Where(ComplaintRules.VisibleTo(User.Role(), User.OfficerId())).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null || !scope.MaySee(User, complaint.OfficeId))
        {
            return false;
        }

        Complaint = complaint;
        Me = await OfficerLookup.CurrentAsync(factory, User, cancellationToken);
        Assignable = await db.Officers.AsNoTracking().Where(o => o.OfficeId == complaint.OfficeId && o.Active).OrderBy(o => o.DisplayName).ToListAsync(cancellationToken);
        Progress = await RequestProgress.LoadAsync(db, complaints, complaint, Office!, calendar, time.GetUtcNow().UtcDateTime, cancellationToken);
        var ids = Progress.History.Select(h => h.OfficerId).Append(complaint.ResponsibleOfficerId).OfType<int>().ToList();
        OfficerNames = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        Today = Office?.LocalDate(time.GetUtcNow().UtcDateTime) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return true;
    }
}
