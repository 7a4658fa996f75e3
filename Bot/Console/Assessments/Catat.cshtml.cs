using System.Globalization;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Clients;
using ChatBot.Channels.Media;
using ChatBot.Domain.Assessments;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>
/// <c>/console/asesmen/catat/{clientId}</c>: records a client's risk and needs assessment — date, assessor (the
/// signed-in officer unless another is chosen), risk level, needs from the configured checklist, recommendation
/// and the document (a PDF, read from its bytes, at most <see cref="AssessmentOptions.MaxDocumentMegabytes"/>,
/// kept owner-only in private media storage). Nothing is stored until every field is right. The same page takes
/// "new information" from the client's page (a date and a short reason, which goes to the audit log).
/// A client the officer may not see (<see cref="AssessmentPages"/>) is a missing page.
/// </summary>
[Authorize(Policy = ConsoleClaims.ClientsPolicy)]
public sealed class CatatModel(
    AssessmentPages pages,
    AssessmentDesk desk,
    AssessmentOptions options,
    MediaStore media,
    ILogger<CatatModel> logger) : PageModel
{
    public const int MaxRecommendationLength = 4000;

    public const int MaxReasonLength = 300;

    [BindProperty]
    public string? AssessedOn { get; set; }

    [BindProperty]
    public string? AssessorOfficerId { get; set; }

    [BindProperty]
    public string? Risk { get; set; }

    [BindProperty]
    public List<string> Needs { get; set; } = [];

    [BindProperty]
    public string? Recommendation { get; set; }

    [BindProperty]
    public string? NewInformationOn { get; set; }

    [BindProperty]
    public string? NewInformationReason { get; set; }

    public ClientAssessments View { get; private set; } = null!;

    public IReadOnlyList<AssessorChoice> Assessors { get; private set; } = [];

    public IReadOnlyList<string> Checklist => options.Checklist;

    public int MaxMegabytes => options.MaxDocumentMegabytes;

    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long clientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        AssessedOn = ClientFields.DateValue(Today);
        AssessorOfficerId = User.OfficerId().ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long clientId, IFormFile? document, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        var date = ReadDate(AssessedOn, "date", "tanggal asesmen");
        var assessor = int.TryParse(AssessorOfficerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Assessors.Any(a => a.Id == id) ? id : (int?)null;
        if (assessor is null)
        {
            Problems["assessor"] = "Pilih asesor dari daftar.";
        }

        var risk = Enum.TryParse<RiskLevel>(Risk, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : (RiskLevel?)null;
        if (risk is null)
        {
            Problems["risk"] = "Pilih tingkat risiko: rendah, sedang atau tinggi.";
        }

        var needs = Checklist.Where(n => Needs.Contains(n, StringComparer.Ordinal)).ToList();
        if (Needs.Any(n => !Checklist.Contains(n, StringComparer.Ordinal)))
        {
            Problems["needs"] = "Pilih kebutuhan dari daftar.";
        }

        var recommendation = Recommendation?.Trim() ?? "";
        if (recommendation.Length == 0)
        {
            Problems["recommendation"] = "Tulis rekomendasi hasil asesmen.";
        }
        else if (recommendation.Length > MaxRecommendationLength)
        {
            Problems["recommendation"] = $"Rekomendasi terlalu panjang (paling banyak {MaxRecommendationLength} karakter).";
        }

        if (document is null || document.Length == 0)
        {
            Problems["document"] = "Lampirkan dokumen hasil asesmen (PDF).";
        }

        if (Problems.Count > 0)
        {
            return Refused();
        }

        // Only a complete form stores its file: nothing half-filled is kept.
        StoredAttachment? stored;
        await using (var stream = document!.OpenReadStream())
        {
            stored = await media.SaveAsync(stream, options.MaxDocumentBytes, "assessment document", document.ContentType, document.FileName, cancellationToken) switch
            {
                MediaResult.Stored { Attachment.ContentType: "application/pdf" } ok => ok.Attachment,
                MediaResult.Stored other => Discard(other.Attachment),
                MediaResult.Refused { Reason: MediaRefusal.Size } => Problem("document", $"Dokumen terlalu besar (paling besar {MaxMegabytes} MB)."),
                _ => Problem("document", "Dokumen harus berkas PDF; isi berkas ini bukan PDF."),
            };
        }

        if (stored is null)
        {
            return Refused();
        }

        var result = await desk.RecordAsync(clientId, new AssessmentInput(date!.Value, assessor!.Value, risk!.Value, needs, recommendation, stored),
            Actor.Officer(User.OfficerId(), User.UserName()), cancellationToken);
        if (result.Outcome != AssessmentSaveOutcome.Saved)
        {
            Discard(stored);
            return NotFound();
        }

        TempData["Notice"] = "Asesmen dicatat.";
        return Redirect($"/console/klien/{clientId}#assessments");
    }

    public async Task<IActionResult> OnPostNewInformationAsync(long clientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        var date = ReadDate(NewInformationOn, "newinfo-date", "tanggal informasi baru");
        var reason = NewInformationReason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > MaxReasonLength)
        {
            Problems["newinfo-reason"] = reason.Length == 0 ? "Tulis singkat informasi barunya." : $"Alasan terlalu panjang (paling banyak {MaxReasonLength} karakter).";
        }

        if (Problems.Count > 0)
        {
            AssessedOn = ClientFields.DateValue(Today);
            AssessorOfficerId = User.OfficerId().ToString(CultureInfo.InvariantCulture);
            return Refused();
        }

        if (!await desk.MarkNewInformationAsync(clientId, date!.Value, reason, Actor.Officer(User.OfficerId(), User.UserName()), cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = $"Informasi baru dicatat; asesmen lanjutan jatuh tempo paling lambat {ClientFields.Day(date.Value.AddDays(AssessmentRules.NewInformationDays))}.";
        return Redirect($"/console/klien/{clientId}#assessments");
    }

    public string? ProblemOf(string field) => Problems.GetValueOrDefault(field);

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private DateOnly? ReadDate(string? text, string field, string name)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Problems[field] = $"Isi {name} dengan tanggal yang benar.";
            return null;
        }

        if (date > Today || date.Year < 2000)
        {
            Problems[field] = date > Today ? $"{char.ToUpperInvariant(name[0])}{name[1..]} tidak boleh setelah hari ini." : $"Periksa tahun {name}.";
            return null;
        }

        return date;
    }

    private StoredAttachment? Problem(string field, string text)
    {
        Problems[field] = text;
        return null;
    }

    /// <summary>Deletes a stored file that will not be kept (a JPEG sent as the document, a record that failed).</summary>
    private StoredAttachment? Discard(StoredAttachment attachment)
    {
        try
        {
            System.IO.File.Delete(attachment.StoragePath);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "A refused assessment document could not be deleted");
        }

        Problems.TryAdd("document", "Dokumen harus berkas PDF; isi berkas ini gambar, bukan PDF.");
        return null;
    }

    private async Task<bool> LoadAsync(long clientId, CancellationToken cancellationToken)
    {
        if (await pages.ForClientAsync(User, clientId, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        Today = pages.Today(view.Client.OfficeId);
        Assessors = await pages.AssessorsAsync(User, view.Client.OfficeId, cancellationToken);
        return true;
    }
}
