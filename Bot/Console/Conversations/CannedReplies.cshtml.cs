using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary><c>/console/jawaban</c> (admins): the office's ready-made answers officers insert into replies.</summary>
[Authorize(Policy = ConsoleClaims.AdminPolicy)]
[ConsoleNav("Jawaban siap pakai", Order = 85)]
public sealed class CannedRepliesModel(ChatBotDbFactory factory, ConsoleAuditLog audit) : PageModel
{
    public IReadOnlyList<CannedReply> Replies { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var title = Title?.Trim() ?? "";
        var body = Body?.Trim() ?? "";
        if (title.Length is 0 or > 100 || body.Length is 0 or > 1600)
        {
            Error = "Judul (paling banyak 100 karakter) dan isi jawaban (paling banyak 1.600 karakter) wajib diisi.";
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using (var db = factory.CreateDbContext())
        {
            db.CannedReplies.Add(new CannedReply { OfficeId = User.OfficeId(), Title = title, Body = body });
            using (await factory.Gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await audit.WriteAsync(User, "canned.create", $"Office/{User.OfficeId()}", title, cancellationToken);
        Notice = $"Jawaban \"{title}\" ditambahkan.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var officeId = User.OfficeId();
        var deleted = await factory.DeleteAsync(db => db.CannedReplies.Where(c => c.Id == id && c.OfficeId == officeId), cancellationToken) == 1;
        if (deleted)
        {
            await audit.WriteAsync(User, "canned.delete", $"CannedReply/{id}", null, cancellationToken);
        }

        Notice = deleted ? "Jawaban dihapus." : "Jawaban tidak ditemukan.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var officeId = User.OfficeId();
        Replies = await db.CannedReplies.AsNoTracking().Where(c => c.OfficeId == officeId).OrderBy(c => c.Title).ToListAsync(cancellationToken);
    }
}
