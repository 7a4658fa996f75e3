using ChatBot.Bot.Flows.Handover;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary>
/// <c>/console/percakapan/{id}</c>: one conversation — the transcript with each reply's delivery
/// status, what the bot had collected, and the officer's actions (take, reply with canned answers,
/// hand back to the bot, close). What of it is shown is <see cref="ConversationAccess"/>'s decision:
/// an officer whose role may not read a case this conversation filed sees no transcript until they
/// hold its handover. Every view is written to the audit log, since it shows personal data.
/// </summary>
[Authorize(Policy = ConsoleClaims.HandoverPolicy)]
public sealed class DetailModel(
    ConversationQueries queries,
    HandoverService handovers,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    ConversationAccess access,
    ChatBotDbFactory factory) : PageModel
{
    public Conversation Conversation { get; private set; } = null!;

    /// <summary>What this officer may see of the conversation.</summary>
    public ConversationView View { get; private set; } = null!;

    /// <summary>Whom the page names: the person, or nobody in particular when they may not be named to this officer.</summary>
    public string Heading => View.Anonymous ? "Pelapor anonim" : View.Contact ? Conversation.DisplayName ?? "Percakapan" : "Percakapan";

    /// <summary>The full address, the masked one where the person may not be named, none after an anonymous case.</summary>
    public string Address => View.Anonymous ? "nomor disembunyikan"
        : View.Contact ? Conversation.UserAddress
        : ConversationFormat.MaskedAddress(Conversation.Channel, Conversation.UserAddress);

    public Domain.Conversations.Handover? Handover { get; private set; }

    /// <summary>A message left after nobody took the conversation in time, not yet answered or closed.</summary>
    public Domain.Conversations.Handover? Ticket { get; private set; }

    /// <summary>The left message as this officer may read it.</summary>
    public string? TicketMessage { get; private set; }

    public string? TakenBy { get; private set; }

    public bool Mine { get; private set; }

    public IReadOnlyList<TranscriptLine> Transcript { get; private set; } = [];

    public IReadOnlyList<(string Flow, string Field, string Value)> Collected { get; private set; } = [];

    public IReadOnlyList<CannedReply> CannedReplies { get; private set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public Office? Office => offices.Find(Conversation.OfficeId);

    public string Local(DateTime utc) => ConversationFormat.LocalTime(Office, utc);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "conversation.view", $"Conversation/{id}", View.Complete ? null : "sebagian pesan tidak ditampilkan", cancellationToken);
        return Page();
    }

    /// <summary>The transcript fragment, refetched by console.js on live events.</summary>
    public async Task<IActionResult> OnGetTranscriptAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_Transcript", this) : NotFound();

    public Task<IActionResult> OnPostTakeAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, officer => handovers.TakeAsync(Handover!.Id, officer, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostAnswerTicketAsync(long id, CancellationToken cancellationToken) =>
        TicketAsync(id, officer => handovers.AnswerTicketAsync(Ticket!.Id, officer, cancellationToken), "Tiket diambil. Tulis balasan di bawah; tutup bila selesai.", cancellationToken);

    public Task<IActionResult> OnPostCloseTicketAsync(long id, CancellationToken cancellationToken) =>
        TicketAsync(id, officer => handovers.CloseTicketAsync(Ticket!.Id, officer, cancellationToken), "Tiket ditutup tanpa balasan di chat.", cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, officer => handovers.ReplyAsync(id, officer, Text ?? "", cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, officer => handovers.HandBackAsync(id, officer, cancellationToken), "Percakapan dikembalikan ke bot.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, officer => handovers.CloseAsync(id, officer, cancellationToken), "Percakapan ditutup.", cancellationToken);

    private Task<IActionResult> ActAsync(long id, Func<Domain.Officers.Officer, Task<HandoverActionResult>> act, string? done, CancellationToken cancellationToken) =>
        RunAsync(id, () => Handover is not null, act, done, cancellationToken);

    private Task<IActionResult> TicketAsync(long id, Func<Domain.Officers.Officer, Task<HandoverActionResult>> act, string? done, CancellationToken cancellationToken) =>
        RunAsync(id, () => Ticket is not null, act, done, cancellationToken);

    private async Task<IActionResult> RunAsync(
        long id, Func<bool> open, Func<Domain.Officers.Officer, Task<HandoverActionResult>> act, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var officer = await OfficerLookup.CurrentAsync(factory, User, cancellationToken);
        if (officer is null || !open())
        {
            Notice = "Tidak ada permintaan petugas atau pesan yang ditinggalkan yang terbuka pada percakapan ini.";
            return RedirectToPage(new { id });
        }

        var result = await act(officer);
        Notice = result switch
        {
            HandoverActionResult.Done => done,
            HandoverActionResult.Conflict => "Tidak dapat dilakukan: percakapan sudah berubah (mungkin diambil petugas lain), atau pesan kosong.",
            HandoverActionResult.Forbidden => "Hanya petugas yang mengambil percakapan ini yang dapat membalas atau mengakhirinya.",
            _ => "Percakapan tidak ditemukan.",
        };
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null || !scope.MaySee(User, conversation.OfficeId))
        {
            return false;
        }

        Conversation = conversation;
        View = (await access.DecideAsync(User, conversation, cancellationToken))!;
        Handover = await db.Handovers.AsNoTracking()
            .Where(h => h.ConversationId == id && (h.Status == HandoverStatus.Waiting || h.Status == HandoverStatus.Active))
            .OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(cancellationToken);
        TakenBy = Handover?.TakenByOfficerId is { } taker
            ? await db.Officers.Where(o => o.Id == taker).Select(o => o.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        Mine = Handover is { Status: HandoverStatus.Active } && Handover.TakenByOfficerId == User.OfficerId();
        CannedReplies = await db.CannedReplies.AsNoTracking().Where(c => c.OfficeId == conversation.OfficeId).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var latest = Handover ?? await db.Handovers.AsNoTracking().Where(h => h.ConversationId == id).OrderByDescending(h => h.Id).FirstOrDefaultAsync(cancellationToken);
        Ticket = Handover is null
            ? await db.Handovers.AsNoTracking()
                .Where(Handovers.IsOpenTicket).Where(h => h.ConversationId == id)
                .OrderByDescending(h => h.Id)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        TicketMessage = Ticket is null ? null : View.Show(Ticket.LeftMessage!);
        Collected = ConversationQueries.Collected(latest?.CollectedState)
            .Where(f => View.MayRead(f.Flow))
            .Select(f => (f.Flow, f.Field, View.Show(f.Value)))
            .ToList();
        Transcript = (await queries.TranscriptAsync(id, 200, cancellationToken))
            .Select(l => View.MayRead(l.Flows) ? l with { Body = View.Show(l.Body) } : l with { Body = "", Hidden = true, ErrorMessage = null })
            .ToList();
        return true;
    }
}
