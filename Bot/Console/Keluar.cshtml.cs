using ChatBot.Bot.OfficerConsole.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/keluar</c>: signs out (POST with the antiforgery token only) and writes the audit log.
/// The account gets a new security stamp, so the session ends on the server too: a copy of the
/// cookie taken earlier is refused, and so are the officer's sessions in other browsers.
/// </summary>
public sealed class KeluarModel(OfficerAccounts accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await accounts.EndSessionsAsync(User.OfficerId(), User.UserName(), "officer.signout", cancellationToken);
        await HttpContext.SignOutAsync(ConsoleClaims.Scheme);
        return Redirect(ConsoleSetup.SignInPath);
    }
}
