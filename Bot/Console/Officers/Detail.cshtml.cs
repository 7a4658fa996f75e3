using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Officers;

/// <summary>
/// <c>/console/petugas/{id}</c> (admins of the officer's office, or of its Kanwil): change the name,
/// role, office and the telephone and e-mail on-duty alerts go to, disable or enable the account, and set a new password. Each change is audited
/// and ends the account's open sessions (<see cref="OfficerAccounts"/>).
/// </summary>
[Authorize(Policy = ConsoleClaims.AdminPolicy)]
public sealed class DetailModel(ChatBotDbFactory factory, OfficeScope scope, OfficerAccounts accounts) : PageModel
{
    [BindProperty]
    public ProfileForm Profile { get; set; } = new();

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public Officer Officer { get; private set; } = null!;

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public bool IsSelf => Officer.Id == User.OfficerId();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Profile = new ProfileForm { DisplayName = Officer.DisplayName, Role = Officer.Role, OfficeId = Officer.OfficeId, Phone = Officer.Phone, Email = Officer.Email };
        return Page();
    }

    public Task<IActionResult> OnPostProfileAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () =>
        {
            if (!Enum.IsDefined(Profile.Role) || Offices.All(o => o.Id != Profile.OfficeId))
            {
                throw new ArgumentException("Pilih peran dan kantor petugas.");
            }

            if ((Profile.Phone?.Length ?? 0) > 40 || (Profile.Email?.Length ?? 0) > 254)
            {
                throw new ArgumentException("Telepon atau email terlalu panjang.");
            }

            // An emptied telephone or e-mail removes it.
            var change = new OfficerChange(Profile.DisplayName, Profile.Role, Profile.OfficeId, Phone: Profile.Phone ?? "", Email: Profile.Email ?? "");
            return accounts.UpdateAsync(id, change, User.OfficerId(), User.UserName(), cancellationToken);
        }, "Data petugas disimpan. Sesi petugas yang sedang terbuka berakhir bila peran atau kantornya berubah.", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => accounts.UpdateAsync(id, new OfficerChange(Active: false), User.OfficerId(), User.UserName(), cancellationToken),
            "Akun dinonaktifkan; semua sesinya berakhir.", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => accounts.UpdateAsync(id, new OfficerChange(Active: true), User.OfficerId(), User.UserName(), cancellationToken),
            "Akun diaktifkan kembali.", cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            if (string.IsNullOrEmpty(Password) || Password != ConfirmPassword)
            {
                throw new ArgumentException("Isi kata sandi baru dua kali dengan sama.");
            }

            await accounts.ResetPasswordAsync(id, Password, User.UserName(), cancellationToken);
            return Officer;
        }, "Kata sandi baru disimpan; semua sesi petugas ini berakhir. Sampaikan kata sandinya secara langsung, bukan lewat chat.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, Func<Task<Officer>> change, string notice, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await change();
            Notice = notice;
            return RedirectToPage(new { id });
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    /// <summary>The officer, when the admin may manage their office.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Offices = scope.Visible(User);
        var officeIds = Offices.Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && officeIds.Contains(o.OfficeId), cancellationToken);
        if (officer is null)
        {
            return false;
        }

        Officer = officer;
        return true;
    }

    public sealed class ProfileForm
    {
        public string? DisplayName { get; set; }

        public OfficerRole Role { get; set; }

        public int OfficeId { get; set; }

        /// <summary>WhatsApp number for on-duty alerts, as typed.</summary>
        public string? Phone { get; set; }

        public string? Email { get; set; }
    }
}
