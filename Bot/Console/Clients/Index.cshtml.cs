using System.Globalization;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>
/// <c>/console/klien</c>: the client register — a PK's own clients, or every client of the offices the
/// head, Kasubsi or admin may see — by name, 50 a page, searched by number or name and filtered by PK and
/// programme. It shows clients' names, so every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.ClientsPolicy)]
[ConsoleNav("Klien", Order = 35)]
public sealed class IndexModel(ChatBotDbFactory factory, ClientPages pages, ConsoleAuditLog audit, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The PK filter's value for clients no PK is appointed to yet.</summary>
    public const string NoPk = "belum";

    [BindProperty(SupportsGet = true, Name = "cari")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pk")]
    public string? PkFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgrammeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Client> Clients { get; private set; } = [];

    public int Total { get; private set; }

    public bool HasNextPage => PageNumber * PageSize < Total;

    /// <summary>The PKs of the offices shown (for the filter and the PK column).</summary>
    public IReadOnlyList<PkChoice> Pks { get; private set; } = [];

    /// <summary>A PK sees only their own clients: no PK filter, no PK column.</summary>
    public bool SeesAll => ClientRegister.SeeAll.Contains(User.Role());

    public bool MayAdd => ClientEditing.MayAdd(User.Role());

    public bool SeveralOffices => pages.Offices(User).Count > 1;

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(PkFilter) || !string.IsNullOrWhiteSpace(ProgrammeFilter);

    public Office? OfficeOf(int officeId) => pages.Office(officeId);

    public DateOnly Today { get; private set; }

    public PkChoice? PkOf(Client client) => Pks.FirstOrDefault(p => p.Id == client.PkOfficerId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Today = ClientPages.Today(pages.Office(User.OfficeId()), time);
        Pks = await pages.PksAsync([.. pages.Offices(User).Select(o => o.Id)], cancellationToken);
        await using var db = factory.CreateDbContext();
        var query = pages.Visible(db, User);
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var key = ClientRegister.Key(search);
            var lower = search.ToLower();
            query = query.Where(c => (key.Length > 0 && c.NumberKey.Contains(key)) || c.FullName.ToLower().Contains(lower));
        }

        if (SeesAll && PkFilter?.Trim() == NoPk)
        {
            query = query.Where(c => c.PkOfficerId == null);
        }
        else if (SeesAll && int.TryParse(PkFilter, NumberStyles.None, CultureInfo.InvariantCulture, out var pk))
        {
            query = query.Where(c => c.PkOfficerId == pk);
        }

        if (ClientFields.ParseProgramme(ProgrammeFilter) is { } programme)
        {
            query = query.Where(c => c.Programme == programme);
        }

        Total = await query.CountAsync(cancellationToken);
        Clients = await query.OrderBy(c => c.FullName).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        await audit.WriteAsync(User, "client.list", "Client", $"{Clients.Count} client(s) shown", cancellationToken);
    }

    /// <summary>The address of another page of the same filter.</summary>
    public string PageHref(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in new[] { ("cari", Search), ("pk", PkFilter), ("program", ProgrammeFilter) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(name, value.Trim()));
            }
        }

        if (page > 1)
        {
            query.Add(new("halaman", page.ToString(CultureInfo.InvariantCulture)));
        }

        return "/console/klien" + QueryString.Create(query);
    }
}
