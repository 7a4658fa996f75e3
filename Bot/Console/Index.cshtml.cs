using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Dashboard;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>The figures and the office the dashboard's fragment shows, with its alerts.</summary>
/// <param name="Work">The day's work per service the officer may open, each figure a link to its list.</param>
/// <param name="LookupAlerts">Offices where lookups from new numbers are paused (too many unknown ones).</param>
/// <param name="LookupWindow">The window those are counted over.</param>
/// <param name="AllOffices">The officer sees every office: alerts name theirs.</param>
/// <param name="SeesLookupAttempts">The officer may open the lookup attempts page.</param>
public sealed record DashboardView(
    TodayFigures Figures,
    WorkFigures Work,
    Office? Office,
    IReadOnlyList<LookupAlert> LookupAlerts,
    TimeSpan LookupWindow,
    bool AllOffices,
    bool SeesLookupAttempts);

/// <summary>
/// <c>/console</c> (Beranda): an alert for each office the officer sees where someone is guessing
/// numbers (lookups from new numbers paused); then the work waiting today per service the officer may
/// open — people waiting for an officer, left messages, failed outgoing messages, visits by state,
/// complaints due and late, integration requests waiting, litmas cases past their hour — each figure a
/// link to the list it counts (<see cref="DashboardWork"/>); then today's message figures. All of it
/// lives in one fragment (<c>?handler=figures</c>) that <c>console.js</c> fetches again on live events.
/// </summary>
[ConsoleNav("Beranda", Order = 0)]
public sealed class IndexModel(DashboardFigures figures, DashboardWork work, OfficeScope scope, IAuthorizationService authorization) : PageModel
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

    private async Task<DashboardView> LoadAsync(CancellationToken cancellationToken)
    {
        var visible = scope.Visible(User);
        return new(
            await figures.ForOfficesAsync(visible, cancellationToken),
            await work.ForAsync(User, cancellationToken),
            scope.OwnOffice(User),
            await figures.LookupAlertsAsync(visible, cancellationToken),
            figures.LookupWindow,
            scope.SeesAllOffices(User),
            (await authorization.AuthorizeAsync(User, ConsoleClaims.LitmasPolicy)).Succeeded);
    }
}
