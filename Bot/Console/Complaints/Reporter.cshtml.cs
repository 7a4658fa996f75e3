using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Complaints;

/// <summary>
/// <c>/console/pengaduan/{id}/pelapor</c>: who filed a named complaint (name, channel, number or
/// address), for the head of office and the complaints desk only; every view is audited. For an
/// anonymous complaint it says so and shows nothing else, to anyone.
/// </summary>
[Authorize(Policy = ComplaintPolicies.Reporter)]
public sealed class ReporterModel(OfficeScope scope, ConsoleAuditLog audit, ChatBotDbFactory factory) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;

    /// <summary>The conversation's address; never loaded for an anonymous complaint.</summary>
    public string? Address { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null || !scope.MaySee(User, complaint.OfficeId))
        {
            return NotFound();
        }

        Complaint = complaint;
        if (!complaint.Anonymous)
        {
            Address = await db.Conversations.AsNoTracking().Where(c => c.Id == complaint.ConversationId).Select(c => c.UserAddress).SingleOrDefaultAsync(cancellationToken);
            await audit.WriteAsync(User, "complaint.reporter.view", $"Complaint/{id}", null, cancellationToken);
        }

        return Page();
    }

    public static string AddressLabel(ChannelKind channel) => channel == ChannelKind.Email ? "Alamat email" : "Nomor";
}
