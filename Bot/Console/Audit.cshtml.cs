using System.Globalization;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>An officer the audit log's filter offers.</summary>
public sealed record AuditActor(string UserName, string DisplayName);

/// <summary>
/// <c>/console/audit</c> (Log audit; admins and heads of office): newest first, 50 a page, in words
/// (<see cref="AuditText"/>), filtered by officer (one of the offices the viewer may see), by action
/// (chosen by its words; a code ending in <c>.</c> still finds every action under it) and by a range of
/// days in the viewer's office's time zone. An officer who does not see every office sees the rows of
/// their offices' officers and the rows no officer wrote (sign-in refusals, imports, the service),
/// never what officers of other offices did.
/// </summary>
[Authorize(Policy = ConsoleClaims.AuditPolicy)]
[ConsoleNav("Log audit", Order = 80)]
public sealed class AuditModel(ChatBotDbFactory factory, OfficeScope scope, AuditText text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "aktor")]
    public string? ActorFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "aksi")]
    public string? ActionFilter { get; set; }

    /// <summary>First day shown (the viewer's office's local date), inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "dari")]
    public string? FromFilter { get; set; }

    /// <summary>Last day shown, inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "sampai")]
    public string? ToFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public Office? Office { get; private set; }

    public AuditText Text => text;

    /// <summary>Officers of the offices the viewer may see, for the filter.</summary>
    public IReadOnlyList<AuditActor> Actors { get; private set; } = [];

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>A date the filter could not read, to say so.</summary>
    public string? UnreadableDate { get; private set; }

    /// <summary>How the officer named in a row is shown: their name beside the user name, when the viewer may see them.</summary>
    public string ActorLabel(string actor) => actor switch
    {
        "-" => "Tidak dikenal",
        "system" => "Sistem",
        "import" => "Impor data",
        "bot" or "warga" => "Warga (lewat bot)",
        _ => Actors.FirstOrDefault(a => a.UserName == actor) is { } known ? $"{known.DisplayName} ({known.UserName})" : actor,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Office = scope.OwnOffice(User);
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        From = ReadDate(FromFilter);
        To = ReadDate(ToFilter);
        if (From is { } from && To is { } to && to < from)
        {
            (From, To) = (to, from);
        }

        var actor = ActorFilter?.Trim();
        var action = ActionFilter?.Trim();
        var visibleIds = scope.Visible(User).Select(o => o.Id).ToList();
        var seesAll = scope.SeesAllOffices(User);

        await using var db = factory.CreateDbContext();
        Actors = await db.Officers.AsNoTracking()
            .Where(o => seesAll || visibleIds.Contains(o.OfficeId))
            .OrderBy(o => o.DisplayName).ThenBy(o => o.UserName)
            .Select(o => new AuditActor(o.UserName, o.DisplayName))
            .ToListAsync(cancellationToken);

        var query = db.AuditEntries.AsNoTracking();
        if (!seesAll)
        {
            query = query.Where(a => db.Officers.Any(o => o.UserName == a.Actor && visibleIds.Contains(o.OfficeId))
                || !db.Officers.Any(o => o.UserName == a.Actor));
        }

        if (!string.IsNullOrEmpty(actor))
        {
            var lower = actor.ToLowerInvariant();
            query = query.Where(a => a.Actor == actor || a.Actor == lower);
        }

        if (!string.IsNullOrEmpty(action))
        {
            query = action.EndsWith('.') ? query.Where(a => a.Action.StartsWith(action)) : query.Where(a => a.Action == action);
        }

        if (From is { } first)
        {
            var since = StartOfDayUtc(first);
            query = query.Where(a => a.At >= since);
        }

        if (To is { } last)
        {
            var before = StartOfDayUtc(last.AddDays(1));
            query = query.Where(a => a.At < before);
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
        foreach (var (name, value) in new[] { ("aktor", ActorFilter), ("aksi", ActionFilter), ("dari", Day(From)), ("sampai", Day(To)) })
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

        return "/console/audit" + QueryString.Create(query);
    }

    public static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly? ReadDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        UnreadableDate ??= value.Trim();
        return null;
    }

    private DateTime StartOfDayUtc(DateOnly day)
    {
        var zone = Office?.TimeZone ?? OfficeTimeZones.Find("Asia/Jakarta");
        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
    }
}
