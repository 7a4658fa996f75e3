using System.Globalization;
using System.Text.Json;
using ChatBot.Bot.Flows.Outreach;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Bot.OfficerConsole.Requests;
using ChatBot.Channels.Media;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
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

/// <summary>
/// <c>/console/penyuluhan/{id}</c>: one outreach request — the institution, the contact person, the dates,
/// topic and audience asked for, the letter, the team, the agreed date, the report and its photos, the
/// requester's rating — the SOP's steps with their deadlines, and the form of each step the signed-in
/// officer may take now (register, the head's disposition or refusal, the team, the agreed date, the
/// session held, the report). Steps run through the request desk, which tells the requester. Every view is audited.
/// </summary>
[Authorize(Policy = OutreachPolicies.Outreach)]
[RequestSizeLimit(OutreachRules.MaxPhotos * OutreachRules.MaxPhotoBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = OutreachRules.MaxPhotos * OutreachRules.MaxPhotoBytes + 1024 * 1024)]
public sealed class DetailModel(
    RequestType<OutreachRequest, OutreachStatus> type,
    RequestDesk desk,
    OutreachOptions options,
    MediaStore media,
    ChatBotDbFactory factory,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    WorkingDayCalendar calendar,
    TimeProvider time,
    ILogger<DetailModel> logger) : PageModel
{
    public OutreachRequest Item { get; private set; } = null!;

    public Office Office { get; private set; } = null!;

    public Officer Me { get; private set; } = null!;

    public OutreachOptions Options => options;

    public RequestProgress Progress { get; private set; } = null!;

    public IReadOnlyDictionary<int, string> OfficerNames { get; private set; } = new Dictionary<int, string>();

    /// <summary>Active officers of the office, for the team; the Kasubsis among them for the disposition.</summary>
    public IReadOnlyList<Officer> Colleagues { get; private set; } = [];

    /// <summary>The steps the signed-in officer may take now, by name.</summary>
    public IReadOnlySet<string> Open { get; private set; } = new HashSet<string>();

    public IReadOnlyList<StoredAttachment> Photos { get; private set; } = [];

    public DateTime Now { get; private set; }

    /// <summary>Tomorrow 09.00 in the office's time, as the date-time field takes it.</summary>
    public string SuggestedSchedule => Office.ToLocal(Now).Date.AddDays(1).AddHours(9).ToString(OutreachRequests.ScheduleFormat, CultureInfo.InvariantCulture);

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public int? Chosen { get; set; }

    [BindProperty]
    public List<int> Members { get; set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? ScheduledFor { get; set; }

    [BindProperty]
    public string? Attendance { get; set; }

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

        await audit.WriteAsync(User, "outreach.view", $"{OutreachRequests.Subject}/{id}", null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(long id, List<IFormFile>? photos, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var saved = new List<StoredAttachment>();
        StepInput input;
        switch (Step)
        {
            case OutreachRequests.Steps.Dispose:
                input = new StepInput(Text, Reference: Chosen);
                break;
            case OutreachRequests.Steps.Appoint:
                // The leader first, then the members in the order of the list, each once.
                var team = new[] { Chosen }.OfType<int>().Concat(Members.Where(m => m != Chosen)).ToList();
                input = new StepInput(Fields: new Dictionary<string, string> { [OutreachRequests.Fields.Team] = OutreachRules.TeamIds(team) });
                break;
            case OutreachRequests.Steps.Schedule:
                input = new StepInput(Text, Choice: ScheduledFor);
                break;
            case OutreachRequests.Steps.Report:
                if (await SavePhotosAsync(photos ?? [], saved, cancellationToken) is { } refused)
                {
                    Delete(saved);
                    Notice = $"Tidak dapat disimpan: {refused}";
                    return RedirectToPage(new { id });
                }

                input = new StepInput(Text, Fields: new Dictionary<string, string>
                {
                    [OutreachRequests.Fields.Attendance] = Attendance?.Trim() ?? "",
                    [OutreachRequests.Fields.Photos] = saved.Count == 0 ? "" : JsonSerializer.Serialize(saved),
                });
                break;
            default:
                input = new StepInput(Text);
                break;
        }

        var result = type.Step(Step ?? "") is null
            ? new RequestActionResult(RequestActionStatus.NotFound)
            : await desk.ActAsync(type, id, Step!, Me, input, Revision, cancellationToken);
        if (!result.Succeeded)
        {
            Delete(saved);
        }

        if (result.Status == RequestActionStatus.Forbidden)
        {
            return Forbid();
        }

        Notice = RequestNotices.Notice(result, "Tersimpan; pemohon sudah dikabari.", "permohonan");
        return RedirectToPage(new { id });
    }

    /// <summary>Saves the report's photos in private media storage, each checked by its bytes and size; the problem, or null.</summary>
    private async Task<string?> SavePhotosAsync(IReadOnlyList<IFormFile> photos, List<StoredAttachment> saved, CancellationToken cancellationToken)
    {
        var files = photos.Where(p => p.Length > 0).ToList();
        if (files.Count > OutreachRules.MaxPhotos)
        {
            return $"paling banyak {OutreachRules.MaxPhotos} foto.";
        }

        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var result = await media.SaveAsync(stream, OutreachRules.MaxPhotoBytes, "outreach-report-photo", file.ContentType, file.FileName, cancellationToken);
            if (result is not MediaResult.Stored { Attachment: var stored })
            {
                return result is MediaResult.Refused { Reason: MediaRefusal.Size }
                    ? $"foto terlalu besar (paling besar {OutreachRules.MaxPhotoBytes / 1024 / 1024} MB)."
                    : "berkas itu bukan foto JPG/PNG.";
            }

            saved.Add(stored);
            if (!OutreachRules.PhotoTypes.Contains(stored.ContentType))
            {
                return "berkas itu bukan foto JPG/PNG.";
            }
        }

        return null;
    }

    private void Delete(IEnumerable<StoredAttachment> files)
    {
        foreach (var file in files)
        {
            try
            {
                System.IO.File.Delete(file.StoragePath);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "A report photo not used could not be deleted");
            }
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } me || !OutreachRules.MayView(me.Role))
        {
            return false;
        }

        await using var db = factory.CreateDbContext();
        var request = await db.OutreachRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !scope.MaySee(User, request.OfficeId) || offices.Find(request.OfficeId) is not { } office)
        {
            return false;
        }

        Me = me;
        Item = request;
        Office = office;
        Now = time.GetUtcNow().UtcDateTime;
        Progress = await type.ProgressAsync(db, request, office, calendar, Now, cancellationToken);
        Open = type.Open(request, me).Select(s => s.Name).ToHashSet();
        Photos = StoredAttachment.ListFromJson(request.ReportPhotos);
        var ids = Progress.History.Select(h => h.OfficerId).OfType<int>()
            .Concat(OutreachRules.Team(request))
            .Concat(new[] { request.KasubsiOfficerId }.OfType<int>())
            .Distinct().ToList();
        OfficerNames = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        if (Open.Contains(OutreachRequests.Steps.Dispose) || Open.Contains(OutreachRequests.Steps.Appoint))
        {
            Colleagues = await db.Officers.AsNoTracking()
                .Where(o => o.OfficeId == request.OfficeId && o.Active && o.Role != OfficerRole.Admin)
                .OrderBy(o => o.DisplayName)
                .ToListAsync(cancellationToken);
        }

        return true;
    }
}
