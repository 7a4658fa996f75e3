using ChatBot.Bot.OfficerConsole.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/akun</c>: any officer changes their own password, giving the current one. The
/// account's other sessions end (another browser, a copied cookie); this one is signed in again.
/// </summary>
public sealed class AkunModel(OfficerAccounts accounts, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Password) || Password != ConfirmPassword)
        {
            Error = "Isi kata sandi baru dua kali dengan sama.";
            return Page();
        }

        try
        {
            var officer = await accounts.ChangeOwnPasswordAsync(User.OfficerId(), Current ?? "", Password, cancellationToken);
            await HttpContext.SignInAsync(
                ConsoleClaims.Scheme,
                ConsoleClaims.For(officer, User.SignedInAtUtc() ?? time.GetUtcNow()),
                new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
            Notice = "Kata sandi diganti. Sesi Anda di perangkat lain sudah berakhir.";
            return RedirectToPage();
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            return Page();
        }
    }
}
