using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Outbox;

/// <summary>
/// <c>/console/pesan-gagal</c>: outgoing messages of the officer's offices that failed for good (the
/// dashboard's "gagal" figure links here with <c>?periode=hari-ini</c>), each with the reason the
/// provider gave, and "Kirim ulang" to put it back in the outbox. For officers who answer people
/// (<see cref="ConsoleClaims.HandoverPolicy"/>); what a message says is shown only as far as
/// <see cref="ConversationAccess"/> lets the officer read it, and every retry is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.HandoverPolicy)]
public sealed class FailedModel(FailedMessages failed, OfficeScope scope, OfficeDirectory offices, ConversationAccess access, ChatBotDbFactory factory) : PageModel
{
    public const string TodayOnly = "hari-ini";

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Period { get; set; }

    public bool Today => Period?.Trim().ToLowerInvariant() == TodayOnly;

    public IReadOnlyList<FailedMessage> Rows { get; private set; } = [];

    public IReadOnlyDictionary<long, ConversationView> Views { get; private set; } = new Dictionary<long, ConversationView>();

    public bool SeveralOffices { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public Office? OfficeOf(int id) => offices.Find(id);

    /// <summary>The message as this officer may read it; null when its content is not theirs to read.</summary>
    public string? Body(FailedMessage row) =>
        Views.TryGetValue(row.ConversationId, out var view) && view.MayRead(row.Flows) ? view.Show(row.Body) : null;

    public string Address(FailedMessage row) =>
        Views.TryGetValue(row.ConversationId, out var view) && view.Anonymous ? "nomor disembunyikan" : ConversationFormat.MaskedAddress(row.Channel, row.UserAddress);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = scope.Visible(User);
        SeveralOffices = visible.Count > 1;
        Rows = await failed.ListAsync(visible, Today, cancellationToken);
        Views = await access.DecideAsync(User, [.. Rows.Select(r => (r.ConversationId, r.OfficeId)).Distinct()], cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is null)
        {
            return Forbid();
        }

        var result = await failed.RetryAsync(id, officeId => scope.MaySee(User, officeId), User.UserName(), cancellationToken);
        if (result == RetryResult.NotFound)
        {
            return NotFound();
        }

        Notice = result == RetryResult.Done
            ? "Pesan dimasukkan lagi ke antrean kirim; statusnya terlihat di percakapan."
            : "Pesan itu tidak lagi gagal (mungkin sudah dikirim ulang petugas lain).";
        return RedirectToPage(new { periode = Today ? TodayOnly : null });
    }
}
