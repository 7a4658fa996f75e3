using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/ditolak</c>: where a signed-in officer lands when a page needs another role (403). It
/// names the roles the refused page (<c>ReturnUrl</c>) is for and whom to ask, like the console's other
/// refusals (<see cref="ConsoleErrors"/>).
/// </summary>
public sealed class DitolakModel(ConsoleErrors errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public ConsoleRefusal Refusal { get; private set; } = new(null, null, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var path = ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleSetup.BasePath, StringComparison.OrdinalIgnoreCase)
            ? url.Split('?', '#')[0]
            : null;
        Refusal = await errors.DescribeAsync(HttpContext, User, path, null, cancellationToken);
    }
}
