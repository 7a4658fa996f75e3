using ChatBot.Bot.Flows.Abh;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary>
/// <c>/console/abh/{id}/surat</c>: the request letter, only for those who may see the child's data
/// (<see cref="AbhAccess"/>): anyone else gets 403, and every view and every refusal is audited.
/// </summary>
public sealed class LetterModel(ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var subject = $"{AbhRequests.Subject}/{id}";
        await using var db = factory.CreateDbContext();
        var request = await db.AbhRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !scope.MaySee(User, request.OfficeId) || await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } me)
        {
            return NotFound();
        }

        if (!await AbhAccess.MaySeeChildAsync(db, request, me, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            await audit.WriteAsync(User, "abh.letter.denied", subject, null, cancellationToken);
            ConsoleErrors.Refuse(HttpContext, AbhView.MaskedNote);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (request.LetterPath is null || !System.IO.File.Exists(request.LetterPath))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "abh.letter.view", subject, null, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return PhysicalFile(Path.GetFullPath(request.LetterPath), request.LetterContentType ?? "application/octet-stream");
    }
}
