using System.Globalization;
using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Litmas;

/// <summary>
/// <c>/console/litmas/baru</c>: enter a case from the request letter — number, client, the assigned PK,
/// the requesting institution and when the letter arrived. The status is public as soon as it is saved.
/// </summary>
[Authorize(Policy = ConsoleClaims.LitmasPolicy)]
public sealed class BaruModel(LitmasCaseService cases, OfficeScope scope, ChatBotDbFactory factory, TimeProvider time) : PageModel
{
    public sealed class CaseInput
    {
        public string? RegistrationNumber { get; set; }

        public string? ClientName { get; set; }

        public string? PkName { get; set; }

        public string? Institution { get; set; }

        public string? RequestedBy { get; set; }

        /// <summary>Office local time, <c>yyyy-MM-ddTHH:mm</c> (a datetime-local field).</summary>
        public string? LetterReceivedAt { get; set; }

        public int? OfficeId { get; set; }
    }

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    /// <summary>Names of the office's PKs, offered while typing.</summary>
    public IReadOnlyList<string> PkNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (scope.OwnOffice(User) is { } office)
        {
            Input.LetterReceivedAt = office.ToLocal(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var officeId = Input.OfficeId ?? User.OfficeId();
        var office = Offices.FirstOrDefault(o => o.Id == officeId);
        var number = Input.RegistrationNumber?.Trim() ?? "";
        var institution = Enum.TryParse<RequestingInstitution>(Input.Institution, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (RequestingInstitution?)null;
        Error = office is null ? "Kantor tidak dikenal atau bukan wewenang Anda."
            : LitmasNumber.Key(number).Length == 0 || number.Length > 100 ? "Isi nomor registrasi litmas (huruf dan angka, paling banyak 100 karakter)."
            : Blank(Input.ClientName) ? "Isi nama klien (paling banyak 200 karakter)."
            : Blank(Input.PkName) ? "Isi nama Pembimbing Kemasyarakatan yang ditunjuk."
            : institution is null ? "Pilih instansi peminta: Lapas, Rutan, LPKA atau Kepolisian."
            : Blank(Input.RequestedBy) ? "Isi nama instansi peminta sesuai surat (mis. Lapas Kelas IIA Pekanbaru)."
            : null;
        DateTime? received = null;
        if (Error is null)
        {
            received = ParseLocal(Input.LetterReceivedAt, office!);
            var now = time.GetUtcNow().UtcDateTime;
            Error = received is null ? "Isi tanggal dan jam surat permintaan diterima."
                : received > now.AddMinutes(5) ? "Waktu surat diterima tidak boleh di masa depan."
                : null;
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (result, id) = await cases.CreateAsync(
            office!.Id,
            new NewLitmasCase(number, Input.ClientName!, Input.PkName!, institution!.Value, Input.RequestedBy!, received!.Value),
            Actor.Officer(User.OfficerId(), User.UserName()),
            cancellationToken);
        if (result == LitmasActionResult.Duplicate)
        {
            Error = $"Nomor registrasi {number} sudah terdaftar.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Notice"] = $"Kasus {number} tersimpan; statusnya kini dapat dicek lewat chat.";
        return Redirect($"/console/litmas/{id}");
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim().Length > 200;

    private static DateTime? ParseLocal(string? text, Office office)
    {
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return office.TimeZone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, office.TimeZone);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Offices = scope.Visible(User);
        var ids = Offices.Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();
        PkNames = await db.Officers.AsNoTracking()
            .Where(o => o.Active && o.Role == OfficerRole.Pk && ids.Contains(o.OfficeId))
            .OrderBy(o => o.DisplayName)
            .Select(o => o.DisplayName)
            .ToListAsync(cancellationToken);
    }
}
