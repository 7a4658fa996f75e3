using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Clients;
using ChatBot.Channels.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>
/// <c>/console/asesmen/{id}/dokumen</c>: an assessment's document, for those who may see its client
/// (<see cref="AssessmentPages"/>); anyone else gets a missing page. Every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.ClientsPolicy)]
public sealed class DokumenModel(AssessmentPages pages, MediaStore media, ConsoleAuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await pages.FindAsync(User, id, cancellationToken) is not { DocumentPath: { } path } assessment)
        {
            return NotFound();
        }

        var full = Path.GetFullPath(path);
        if (!full.StartsWith(media.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !System.IO.File.Exists(full))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "assessment.document.view", ClientDesk.Subject(assessment.ClientId), $"Assessment/{id}", cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return PhysicalFile(full, "application/pdf", $"asesmen-{assessment.AssessedOn:yyyy-MM-dd}-{id}.pdf");
    }
}
