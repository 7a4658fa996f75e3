using System.Globalization;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Clients;
using ChatBot.Domain.Assessments;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>
/// <c>/console/asesmen</c>: the clients whose risk and needs assessment is overdue, due today or due within
/// <see cref="AssessmentRules.DueSoonWorkingDays"/> working days, most urgent first — a PK's own clients, or every
/// PK's for the Kasubsi, the head and admins (the client register's rule), filtered by PK and state. It shows
/// clients' names, so every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.ClientsPolicy)]
[ConsoleNav("Asesmen", Order = 38)]
public sealed class IndexModel(AssessmentPages assessments, ClientPages clients, ConsoleAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pk")]
    public string? PkFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StateFilter { get; set; }

    public IReadOnlyList<DueRow> Rows { get; private set; } = [];

    /// <summary>Counts per state before the filters (the summary above the list).</summary>
    public IReadOnlyDictionary<DueState, int> Counts { get; private set; } = new Dictionary<DueState, int>();

    public IReadOnlyList<PkChoice> Pks { get; private set; } = [];

    public bool SeesAll => ClientRegister.SeeAll.Contains(User.Role());

    public bool SeveralOffices => clients.Offices(User).Count > 1;

    public Office? OfficeOf(int id) => clients.Office(id);

    public PkChoice? PkOf(Client client) => Pks.FirstOrDefault(p => p.Id == client.PkOfficerId);

    public bool Filtered => !string.IsNullOrWhiteSpace(PkFilter) || !string.IsNullOrWhiteSpace(StateFilter);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Pks = SeesAll ? await clients.PksAsync([.. clients.Offices(User).Select(o => o.Id)], cancellationToken) : [];
        var rows = await assessments.DueAsync(User, cancellationToken);
        Counts = rows.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
        if (SeesAll && int.TryParse(PkFilter, NumberStyles.None, CultureInfo.InvariantCulture, out var pk))
        {
            rows = [.. rows.Where(r => r.Client.PkOfficerId == pk)];
        }

        if (AssessmentText.ParseState(StateFilter) is { } state)
        {
            rows = [.. rows.Where(r => r.State == state)];
        }

        Rows = rows;
        await audit.WriteAsync(User, "assessment.list", "Assessment", $"{Rows.Count} client(s) shown", cancellationToken);
    }
}
