using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/masuk</c>: sign-in. Never says whether the name or the password was wrong, nor
/// whether the name exists: a locked account and a name nobody has that was tried as often read
/// the same, and are told when to try again. Too many failures from one address or for one name
/// answer 429 (<see cref="SignInThrottle"/>). Returns only to a local address.
/// </summary>
public sealed class MasukModel(OfficerAccounts accounts, SignInThrottle throttle, OfficeDirectory offices, TimeProvider time) : PageModel
{
    public const string WrongCredentials = "Nama pengguna atau kata sandi salah.";

    public const string LockedPrefix = "Akun dikunci sementara karena terlalu banyak percobaan.";

    public const string ThrottledPrefix = "Terlalu banyak percobaan masuk.";

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

        using var attempt = await throttle.BeginAsync(HttpContext.Connection.RemoteIpAddress, userName, cancellationToken);
        if (attempt.RetryAfter is not null)
        {
            Response.Headers.RetryAfter = attempt.RetryAfterSeconds;
            Error = $"{ThrottledPrefix} Coba lagi dalam {attempt.RetryAfterMinutes} menit.";
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        // The attempt was counted before the check; only a success gives it back.
        var outcome = await accounts.SignInAsync(userName, password, cancellationToken);
        if (outcome is SignInOutcome.Success)
        {
            attempt.Succeeded();
        }

        switch (outcome)
        {
            case SignInOutcome.Success success:
                await HttpContext.SignInAsync(
                    ConsoleClaims.Scheme,
                    ConsoleClaims.For(success.Officer, time.GetUtcNow()),
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
