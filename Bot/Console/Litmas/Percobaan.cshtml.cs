using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Litmas;

/// <summary>
/// <c>/console/litmas/percobaan</c>: who looked up which litmas numbers (last 7 days, newest first), with the
/// sender masked as in every list, and which senders are paused by the anti-enumeration throttle.
/// </summary>
[Authorize(Policy = ConsoleClaims.LitmasPolicy)]
public sealed class PercobaanModel(ChatBotDbFactory factory, OfficeScope scope, OfficeDirectory offices, LookupOptions limits, ConsoleAuditLog audit, TimeProvider time) : PageModel
{
    public const int Limit = 300;

    public sealed record Row(DateTime At, int OfficeId, string Sender, string Channel, string Query, bool Found, bool Paused);

    [BindProperty(SupportsGet = true, Name = "gagal")]
    public bool OnlyFailures { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>
    /// Unknown lookups of every kind within the window (what the office-wide limit counts), as
    /// figures only: the other kinds' typed text belongs to other services' officers.
    /// </summary>
    public IReadOnlyList<(string Kind, int Failures)> RecentFailuresByKind { get; private set; } = [];

    public static string KindLabel(string kind) => kind switch
    {
        LookupKinds.Litmas => "nomor litmas",
        LookupKinds.Inmate => "nama WBP",
        LookupKinds.Complaint => "kode pengaduan",
        LookupKinds.Integration => "kode informasi integrasi",
        _ => kind,
    };

    public LookupOptions Limits => limits;

    public Office? OfficeOf(int officeId) => offices.Find(officeId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var visible = scope.Visible(User).Select(o => o.Id).ToList();
        var since = now.AddDays(-7);
        await using var db = factory.CreateDbContext();
        var query = db.LookupAttempts.AsNoTracking()
            .Where(a => a.Kind == LookupKinds.Litmas && visible.Contains(a.OfficeId) && a.At > since);
        if (OnlyFailures)
        {
            query = query.Where(a => !a.Found);
        }

        var attempts = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Limit).ToListAsync(cancellationToken);

        // A sender is paused while their failures within the window reach the limit.
        var windowStart = now - limits.Window;
        var paused = await db.LookupAttempts.AsNoTracking()
            .Where(a => a.Kind == LookupKinds.Litmas && visible.Contains(a.OfficeId) && !a.Found && a.At > windowStart)
            .GroupBy(a => new { a.OfficeId, a.Channel, a.Sender })
            .Where(g => g.Count() >= limits.MaxFailures)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        RecentFailuresByKind = (await db.LookupAttempts.AsNoTracking()
                .Where(a => visible.Contains(a.OfficeId) && !a.Found && a.At > windowStart)
                .GroupBy(a => a.Kind)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .OrderByDescending(k => k.Count)
            .Select(k => (k.Key, k.Count))
            .ToList();
        Rows = attempts.Select(a => new Row(
            a.At,
            a.OfficeId,
            ConversationFormat.MaskedAddress(a.Channel, a.Sender),
            ConversationFormat.ChannelLabel(a.Channel),
            a.Query,
            a.Found,
            paused.Any(p => p.OfficeId == a.OfficeId && p.Channel == a.Channel && p.Sender == a.Sender))).ToList();
        await audit.WriteAsync(User, "litmas.attempts.view", "LookupAttempt", $"{Rows.Count} attempt(s) shown", cancellationToken);
    }
}
