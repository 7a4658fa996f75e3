using ChatBot.Bot.Flows.IntegrationInfo;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Integration;

/// <summary>
/// <c>/console/integrasi/{id}/ktp</c>: the requester's KTP file, only for the roles of
/// <see cref="ConsoleClaims.IdentityPolicy"/>: any other signed-in officer gets 403 (not a redirect), and
/// every view, and every refusal, is audited.
/// </summary>
public sealed class KtpModel(ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit, IAuthorizationService authorization, ConsoleErrors errors) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var subject = $"IntegrationRequest/{id}";
        if (!(await authorization.AuthorizeAsync(User, ConsoleClaims.IdentityPolicy)).Succeeded)
        {
            await audit.WriteAsync(User, "integration.ktp.denied", subject, null, cancellationToken);
            if (await errors.RolesAsync(ConsoleClaims.IdentityPolicy) is { } roles)
            {
                ConsoleErrors.Refuse(HttpContext, $"KTP pemohon hanya dapat dibuka oleh {ConsoleErrors.Roles(roles)}.");
            }

            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await using var db = factory.CreateDbContext();
        var request = await db.IntegrationRequests.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.OfficeId, r.KtpPath, r.KtpContentType })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null || !scope.MaySee(User, request.OfficeId) || request.KtpPath is null || !System.IO.File.Exists(request.KtpPath))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "integration.ktp.view", subject, null, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return PhysicalFile(Path.GetFullPath(request.KtpPath), request.KtpContentType ?? "application/octet-stream");
    }
}
