using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/petugas</c> (admins): the officers of the admin's office (every office for a Kanwil
/// admin) and a form to create an account through <see cref="OfficerAccounts.CreateAsync"/>, with the
/// telephone and e-mail its on-duty alerts go to.
/// </summary>
[Authorize(Policy = ConsoleClaims.AdminPolicy)]
[ConsoleNav("Petugas", Order = 90)]
public sealed class PetugasModel(ChatBotDbFactory factory, OfficeScope scope, OfficerAccounts accounts, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewOfficerForm Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public Office? OwnOffice { get; private set; }

    public DateTime NowUtc { get; private set; }

    public static IReadOnlyList<OfficerRole> Roles { get; } = Enum.GetValues<OfficerRole>();

    public Office? OfficeOf(Officer officer) => Offices.FirstOrDefault(o => o.Id == officer.OfficeId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var visible = scope.Visible(User);
        var officeId = visible.Count > 1 && Input.OfficeId is { } chosen ? chosen : User.OfficeId();
        Error = Check(visible, officeId);
        if (Error is null)
        {
            try
            {
                var created = await accounts.CreateAsync(
                    Input.UserName!, Input.DisplayName ?? "", Enum.Parse<OfficerRole>(Input.Role!), officeId, Input.Password!,
                    new OfficerContact(Input.Phone, Input.Email), User.UserName(), cancellationToken);
                Notice = $"Akun {created.UserName} ({ConsoleText.RoleLabel(created.Role)}) dibuat.";
                return RedirectToPage();
            }
            catch (ArgumentException ex)
            {
                Error = ex.Message;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private string? Check(IReadOnlyList<Office> visible, int officeId)
    {
        if (string.IsNullOrWhiteSpace(Input.UserName) || string.IsNullOrEmpty(Input.Password))
        {
            return "Nama pengguna dan kata sandi wajib diisi.";
        }

        if (Input.Role is null || !Enum.TryParse<OfficerRole>(Input.Role, out var role) || !Enum.IsDefined(role))
        {
            return "Pilih peran petugas.";
        }

        if (visible.All(o => o.Id != officeId))
        {
            return "Pilih kantor petugas.";
        }

        if (Input.Password != Input.ConfirmPassword)
        {
            return "Kedua kata sandi tidak sama.";
        }

        return Input.Password.Length > 256 || (Input.DisplayName?.Length ?? 0) > 100 || (Input.Phone?.Length ?? 0) > 40 || (Input.Email?.Length ?? 0) > 254
            ? "Isian terlalu panjang."
            : null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        OwnOffice = scope.OwnOffice(User);
        Offices = scope.Visible(User);
        var officeIds = Offices.Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();
        Officers = await db.Officers.AsNoTracking()
            .Where(o => officeIds.Contains(o.OfficeId))
            .OrderBy(o => o.OfficeId).ThenBy(o => o.DisplayName).ThenBy(o => o.UserName)
            .ToListAsync(cancellationToken);
    }

    public sealed class NewOfficerForm
    {
        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? Role { get; set; }

        public int? OfficeId { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }

        /// <summary>WhatsApp number for on-duty alerts (ABH accompaniment), as typed.</summary>
        public string? Phone { get; set; }

        public string? Email { get; set; }
    }
}
