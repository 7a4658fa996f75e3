using ChatBot.Bot.OfficerConsole.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary><c>/console/keluar</c>: signs out (POST with the antiforgery token only) and writes the audit log.</summary>
public sealed class KeluarModel(ConsoleAuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(User, "officer.signout", null, null, cancellationToken);
        await HttpContext.SignOutAsync(ConsoleClaims.Scheme);
        return Redirect(ConsoleSetup.SignInPath);
    }
}
