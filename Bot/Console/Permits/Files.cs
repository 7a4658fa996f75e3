using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Permits;

/// <summary>
/// The files of a permit request — the letter (<c>/console/izin/{id}/surat</c>) and the signed request
/// (<c>/console/izin/{id}/permohonan</c>) — for the roles that handle permits in the request's office; every
/// opening is audited, and the browser is told not to keep a copy.
/// </summary>
public static class PermitFiles
{
    public static async Task<IActionResult> OpenAsync(PageModel page, ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit, long id, bool letter, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var permit = await db.TravelPermits.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.OfficeId, p.Code, p.LetterPath, p.RequestFilePath, p.RequestFileContentType })
            .SingleOrDefaultAsync(cancellationToken);
        var path = letter ? permit?.LetterPath : permit?.RequestFilePath;
        if (permit is null || !scope.MaySee(page.User, permit.OfficeId) || path is null || !File.Exists(path))
        {
            return page.NotFound();
        }

        await audit.WriteAsync(page.User, letter ? "permit.letter.view" : "permit.request-file.view", $"TravelPermit/{id}", null, cancellationToken);
        page.Response.Headers.CacheControl = "no-store";
        return letter
            ? new PhysicalFileResult(Path.GetFullPath(path), Flows.TravelPermit.PermitLetters.ContentType) { FileDownloadName = null }
            : new PhysicalFileResult(Path.GetFullPath(path), permit.RequestFileContentType ?? "application/octet-stream");
    }
}

[Authorize(Policy = ConsoleClaims.PermitPolicy)]
public sealed class LetterModel(ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit) : PageModel
{
    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => PermitFiles.OpenAsync(this, factory, scope, audit, id, letter: true, cancellationToken);
}

[Authorize(Policy = ConsoleClaims.PermitPolicy)]
public sealed class RequestFileModel(ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit) : PageModel
{
    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => PermitFiles.OpenAsync(this, factory, scope, audit, id, letter: false, cancellationToken);
}
