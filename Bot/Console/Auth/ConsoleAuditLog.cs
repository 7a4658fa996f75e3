using System.Security.Claims;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Persistence;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Writes the audit log for what officers do in the console. Every page that shows personal data
/// (a transcript, a phone number, a form) writes one entry per view, e.g.
/// <c>await audit.WriteAsync(User, "conversation.view", $"Conversation/{id}", null, ct)</c>.
/// </summary>
public sealed class ConsoleAuditLog(ChatBotDbFactory factory, TimeProvider time)
{
    public const int MaxActorLength = AuditEntry.MaxActorLength;

    /// <summary>Records that the signed-in officer did <paramref name="action"/> to <paramref name="subject"/>.</summary>
    public Task WriteAsync(ClaimsPrincipal user, string action, string? subject, string? details, CancellationToken cancellationToken) =>
        WriteAsync(user.UserName(), action, subject, details, cancellationToken);

    /// <summary>Records an action by a named actor (an officer's user name, <c>system</c> or <c>bot</c>).</summary>
    public async Task WriteAsync(string actor, string action, string? subject, string? details, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        db.AuditEntries.Add(AuditEntry.Of(actor, action, subject, time.GetUtcNow().UtcDateTime, details));
        using (await factory.Gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
