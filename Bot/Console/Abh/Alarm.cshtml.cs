using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary><c>/console/abh/alarm</c>: the layout's ABH alarm as a fragment, refetched by console.js when a request or an alert changes.</summary>
public sealed class AlarmModel(AbhAlarm alarm) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Partial("_AbhAlarm", await alarm.ForAsync(User, cancellationToken));
}
