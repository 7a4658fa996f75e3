using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/galat/{code}</c>: the console's "not found" (404) and "no access" (403) page, in
/// the console layout, with the status it stands for. <see cref="ConsoleErrors"/> sends every console
/// page's bare 404 and 403 here; it says what the officer can do next (back to the list, whom to ask).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class GalatModel(ConsoleErrors errors) : PageModel
{
    public bool Forbidden { get; private set; }

    public ConsoleRefusal Refusal { get; private set; } = new(null, null, []);

    public async Task OnGetAsync(int code, CancellationToken cancellationToken) => await ShowAsync(code, cancellationToken);

    public async Task OnPostAsync(int code, CancellationToken cancellationToken) => await ShowAsync(code, cancellationToken);

    private async Task ShowAsync(int code, CancellationToken cancellationToken)
    {
        Forbidden = code == StatusCodes.Status403Forbidden;
        Response.StatusCode = Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Refusal = await errors.DescribeAsync(HttpContext, User, original?.OriginalPath, Forbidden ? original?.Endpoint : null, cancellationToken);
    }
}
