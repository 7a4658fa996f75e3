using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Dashboard;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>The figures and the office the dashboard's fragment shows.</summary>
public sealed record DashboardView(TodayFigures Figures, Office? Office);

/// <summary>
/// <c>/console</c> (Beranda): today's figures for the offices the officer sees. The figures live in
/// a fragment (<c>?handler=figures</c>) that <c>console.js</c> fetches again on live events.
/// </summary>
[ConsoleNav("Beranda", Order = 0)]
public sealed class IndexModel(DashboardFigures figures, OfficeScope scope) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public string ScopeLabel { get; private set; } = "";

    public string DateLabel { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await LoadAsync(cancellationToken);
        var visible = scope.Visible(User);
        ScopeLabel = scope.SeesAllOffices(User) ? $"Semua kantor ({visible.Count})" : View.Office?.Name ?? "";
        DateLabel = ConsoleText.LongDate(View.Office, View.Figures.AsOfUtc);
    }

    public async Task<IActionResult> OnGetFiguresAsync(CancellationToken cancellationToken) =>
        Partial("_DashboardFigures", await LoadAsync(cancellationToken));

    private async Task<DashboardView> LoadAsync(CancellationToken cancellationToken) =>
        new(await figures.ForOfficesAsync(scope.Visible(User), cancellationToken), scope.OwnOffice(User));
}
