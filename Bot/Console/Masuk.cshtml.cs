using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/masuk</c>: sign-in. Never says whether the name or the password was wrong; a locked
/// account is told when to try again. Returns only to a local address.
/// </summary>
public sealed class MasukModel(OfficerAccounts accounts, OfficeDirectory offices) : PageModel
{
    public const string WrongCredentials = "Nama pengguna atau kata sandi salah.";

    public const string LockedPrefix = "Akun dikunci sementara karena terlalu banyak percobaan.";

    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(Destination()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userName = (Input.UserName ?? "").Trim();
        var password = Input.Password ?? "";
        if (userName.Length == 0 || password.Length == 0 || userName.Length > 64 || password.Length > 256)
        {
            Error = userName.Length == 0 || password.Length == 0 ? "Isi nama pengguna dan kata sandi." : WrongCredentials;
            return Page();
        }

        switch (await accounts.SignInAsync(userName, password, cancellationToken))
        {
            case SignInOutcome.Success success:
                await HttpContext.SignInAsync(
                    ConsoleClaims.Scheme,
                    ConsoleClaims.For(success.Officer),
                    new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
                return Redirect(Destination());
            case SignInOutcome.LockedOut locked:
                var office = offices.Default ?? offices.All.FirstOrDefault();
                Error = $"{LockedPrefix} Coba lagi setelah {ConsoleText.Time(office, locked.Until)}.";
                return Page();
            default:
                Error = WrongCredentials;
                return Page();
        }
    }

    private string Destination() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(ConsoleSetup.BasePath, StringComparison.OrdinalIgnoreCase)
            ? ReturnUrl
            : ConsoleSetup.BasePath;

    public sealed class SignInForm
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
