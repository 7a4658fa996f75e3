using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// <c>/console/audit</c> (Log audit; admins and heads of office): newest first, 50 a page, filtered by
/// actor (exact user name) and action (the start of it: <c>officer.</c> finds every account action).
/// </summary>
[Authorize(Policy = ConsoleClaims.AuditPolicy)]
[ConsoleNav("Log audit", Order = 80)]
public sealed class AuditModel(ChatBotDbFactory factory, OfficeScope scope) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "aktor")]
    public string? ActorFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "aksi")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public Office? Office { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Office = scope.OwnOffice(User);
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var actor = ActorFilter?.Trim();
        var action = ActionFilter?.Trim();

        await using var db = factory.CreateDbContext();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(actor))
        {
            var lower = actor.ToLowerInvariant();
            query = query.Where(a => a.Actor == actor || a.Actor == lower);
        }

        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(a => a.Action.StartsWith(action));
        }

        var rows = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNextPage = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }

    /// <summary>The address of another page of the same filter.</summary>
    public string PageHref(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(ActorFilter))
        {
            query.Add(new("aktor", ActorFilter.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(ActionFilter))
        {
            query.Add(new("aksi", ActionFilter.Trim()));
        }

        if (page > 1)
        {
            query.Add(new("halaman", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/console/audit" + QueryString.Create(query);
    }
}
