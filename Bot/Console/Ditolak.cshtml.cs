using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary><c>/console/ditolak</c>: where a signed-in officer lands when a page needs another role (403).</summary>
public sealed class DitolakModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
