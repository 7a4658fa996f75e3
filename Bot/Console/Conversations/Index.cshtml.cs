using ChatBot.Bot.Flows.Handover;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary>
/// <c>/console/percakapan</c>: the handover queue — people waiting for an officer (first come,
/// first served), conversations in progress, and messages left when nobody answered in time.
/// The list refreshes live; "Ambil" takes a conversation (only one officer can).
/// </summary>
[Authorize(Policy = ConsoleClaims.HandoverPolicy)]
[ConsoleNav("Percakapan", Order = 10)]
public sealed class IndexModel(
    ConversationQueries queries,
    HandoverService handovers,
    OfficeScope scope,
    ConversationAccess access,
    ChatBotDbFactory factory,
    OfficeDirectory offices,
    TimeProvider time) : PageModel
{
    public string Local(int officeId, DateTime utc) => ConversationFormat.LocalTime(offices.Find(officeId), utc);

    public IReadOnlyList<QueueEntry> Queue { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The queue fragment, refetched by console.js on live events.</summary>
    public async Task<IActionResult> OnGetQueueAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_Queue", this);
    }

    public async Task<IActionResult> OnPostTakeAsync(long id, CancellationToken cancellationToken)
    {
        var officer = await OfficerLookup.CurrentAsync(factory, User, cancellationToken);
        if (officer is null)
        {
            return Forbid();
        }

        var result = await handovers.TakeAsync(id, officer, cancellationToken);
        if (result == HandoverActionResult.Done)
        {
            await using var db = factory.CreateDbContext();
            var conversationId = await db.Handovers.Where(h => h.Id == id).Select(h => h.ConversationId).SingleAsync(cancellationToken);
            return Redirect($"/console/percakapan/{conversationId}");
        }

        Notice = result switch
        {
            HandoverActionResult.Conflict => "Percakapan itu sudah diambil petugas lain atau tidak lagi menunggu.",
            HandoverActionResult.Forbidden => "Anda tidak berwenang mengambil percakapan kantor lain.",
            _ => "Percakapan tidak ditemukan.",
        };
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        var queue = await queries.QueueAsync(scope.Visible(User).Select(o => o.Id).ToList(), cancellationToken);
        // A person is named only to officers who may see who they are (never after an anonymous complaint).
        var views = await access.DecideAsync(User, queue.Select(e => (e.ConversationId, e.OfficeId)).ToList(), cancellationToken);
        Queue = queue.Select(e => views.TryGetValue(e.ConversationId, out var view)
                ? e with { DisplayName = view.Contact ? e.DisplayName : null, HideAddress = view.Anonymous }
                : e with { DisplayName = null })
            .ToList();
    }
}
