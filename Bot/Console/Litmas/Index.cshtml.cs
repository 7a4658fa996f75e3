using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Litmas;

/// <summary>
/// <c>/console/litmas</c>: the litmas cases of the officer's office(s), newest first, filtered by stage,
/// by the SOP standard (on time / late) and by a search over number, client and PK. The list refreshes
/// live when a case changes. It shows clients' names, so every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.LitmasPolicy)]
[ConsoleNav("Litmas", Order = 30)]
public sealed class IndexModel(ChatBotDbFactory factory, OfficeScope scope, OfficeDirectory offices, ConsoleAuditLog audit) : PageModel
{
    public const int Limit = 200;

    /// <summary>The stage filter's value for every stage before <c>selesai</c>.</summary>
    public const string OpenStages = "belum-selesai";

    [BindProperty(SupportsGet = true, Name = "tahap")]
    public string? StageFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "sop")]
    public string? StandardFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "cari")]
    public string? Search { get; set; }

    public IReadOnlyList<LitmasCase> Cases { get; private set; } = [];

    public bool Truncated { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public Office? OfficeOf(int officeId) => offices.Find(officeId);

    public bool SeveralOffices => scope.Visible(User).Count > 1;

    /// <summary>The address of the list fragment with the current filters, for live refreshes.</summary>
    public string FragmentHref
    {
        get
        {
            var query = new List<KeyValuePair<string, string?>> { new("handler", "cases") };
            foreach (var (name, value) in new[] { ("tahap", StageFilter), ("sop", StandardFilter), ("cari", Search) })
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    query.Add(new(name, value.Trim()));
                }
            }

            return "/console/litmas" + QueryString.Create(query);
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await audit.WriteAsync(User, "litmas.list", "LitmasCase", $"{Cases.Count} case(s) shown", cancellationToken);
    }

    public async Task<IActionResult> OnGetCasesAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_Cases", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var visible = scope.Visible(User).Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();
        var query = db.LitmasCases.AsNoTracking().Where(c => visible.Contains(c.OfficeId));
        if (StageFilter?.Trim() == OpenStages)
        {
            query = query.Where(c => c.Stage != LitmasStage.Selesai);
        }
        else if (LitmasStages.Parse(StageFilter) is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }

        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var key = LitmasNumber.Key(search);
            var lower = search.ToLower();
            query = query.Where(c => (key.Length > 0 && c.NumberKey.Contains(key)) || c.ClientName.ToLower().Contains(lower) || c.PkName.ToLower().Contains(lower));
        }

        var rows = await query.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        IEnumerable<LitmasCase> filtered = rows;
        if (StandardFilter is "tepat" or "terlambat")
        {
            var wanted = StandardFilter == "tepat" ? Domain.Sla.Timeliness.OnTime : Domain.Sla.Timeliness.Late;
            filtered = rows.Where(c => LitmasStandard.Timeliness(c) == wanted);
        }

        var list = filtered.Take(Limit + 1).ToList();
        Truncated = list.Count > Limit;
        Cases = list.Take(Limit).ToList();
    }
}
