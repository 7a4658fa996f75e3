using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Litmas;

/// <summary>
/// <c>/console/litmas/{id}</c>: one case — its details, the SOP standard, the stage history with who and
/// when (live), and the form that moves it to another stage with a note; subscribers are told. Every view
/// is audited (the client's name is personal data).
/// </summary>
[Authorize(Policy = ConsoleClaims.LitmasPolicy)]
public sealed class DetailModel(LitmasCaseService cases, ChatBotDbFactory factory, OfficeScope scope, OfficeDirectory offices, ConsoleAuditLog audit) : PageModel
{
    public LitmasCase Case { get; private set; } = null!;

    public IReadOnlyList<LitmasStageChange> History { get; private set; } = [];

    public int Subscribers { get; private set; }

    public Office? Office => offices.Find(Case.OfficeId);

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public long Revision { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "litmas.view", $"LitmasCase/{id}", null, cancellationToken);
        return Page();
    }

    /// <summary>The stage and its history, refetched by console.js when the case changes.</summary>
    public async Task<IActionResult> OnGetHistoryAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_History", this) : NotFound();

    public async Task<IActionResult> OnPostStageAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (LitmasStages.Parse(Stage) is not { } to)
        {
            Notice = "Pilih tahap yang baru.";
            return RedirectToPage(new { id });
        }

        if (Note is { Length: > 1000 })
        {
            Notice = "Catatan paling banyak 1000 karakter.";
            return RedirectToPage(new { id });
        }

        var result = await cases.ChangeStageAsync(id, to, Note, Revision, Actor.Officer(User.OfficerId(), User.UserName()), cancellationToken);
        Notice = result switch
        {
            LitmasActionResult.Done => $"Tahap diubah menjadi \"{LitmasFormat.StageLabel(to)}\"." + (Subscribers > 0 ? $" {Subscribers} pelanggan diberi tahu." : ""),
            LitmasActionResult.Conflict => "Tidak diubah: kasus sudah diubah petugas lain atau tahapnya sama. Periksa lalu coba lagi.",
            _ => "Kasus tidak ditemukan.",
        };
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var litmas = await db.LitmasCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (litmas is null || !scope.MaySee(User, litmas.OfficeId))
        {
            return false;
        }

        Case = litmas;
        History = await db.LitmasStageChanges.AsNoTracking().Where(h => h.CaseId == id).OrderByDescending(h => h.Id).ToListAsync(cancellationToken);
        Subscribers = await db.LitmasSubscriptions.CountAsync(s => s.CaseId == id, cancellationToken);
        return true;
    }
}
