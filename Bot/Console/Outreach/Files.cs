using ChatBot.Bot.Flows.Outreach;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Outreach;

/// <summary>
/// The files of an outreach request — the letter (<c>/console/penyuluhan/{id}/surat</c>) and the report's
/// photos (<c>/console/penyuluhan/{id}/foto/{n}</c>) — for the roles that handle outreach in the request's
/// office; every opening is audited, and the browser is told not to keep a copy.
/// </summary>
public static class OutreachFiles
{
    public static async Task<IActionResult> OpenAsync(PageModel page, ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit, long id, int? photo, CancellationToken cancellationToken)
    {
        if (await OfficerLookup.CurrentAsync(factory, page.User, cancellationToken) is not { } me || !OutreachRules.MayView(me.Role))
        {
            return page.Forbid();
        }

        await using var db = factory.CreateDbContext();
        var request = await db.OutreachRequests.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.OfficeId, r.LetterPath, r.LetterContentType, r.ReportPhotos })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null || !scope.MaySee(page.User, request.OfficeId))
        {
            return page.NotFound();
        }

        var (path, contentType) = photo is { } index
            ? StoredAttachment.ListFromJson(request.ReportPhotos).ElementAtOrDefault(index) is { } file ? (file.StoragePath, file.ContentType) : (null, null)
            : (request.LetterPath, request.LetterContentType);
        if (path is null || !File.Exists(path))
        {
            return page.NotFound();
        }

        await audit.WriteAsync(page.User, photo is null ? "outreach.letter.view" : "outreach.photo.view", $"{OutreachRequests.Subject}/{id}", null, cancellationToken);
        page.Response.Headers.CacheControl = "no-store";
        return new PhysicalFileResult(Path.GetFullPath(path), contentType ?? "application/octet-stream");
    }
}

[Authorize(Policy = OutreachPolicies.Outreach)]
public sealed class LetterModel(ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit) : PageModel
{
    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => OutreachFiles.OpenAsync(this, factory, scope, audit, id, null, cancellationToken);
}

[Authorize(Policy = OutreachPolicies.Outreach)]
public sealed class PhotoModel(ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit) : PageModel
{
    public Task<IActionResult> OnGetAsync(long id, int index, CancellationToken cancellationToken) => OutreachFiles.OpenAsync(this, factory, scope, audit, id, index, cancellationToken);
}
