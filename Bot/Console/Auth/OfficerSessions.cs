using System.Globalization;
using System.Security.Claims;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Whether a sign-in cookie still speaks for a usable account: the officer exists, is active, and
/// the account's security stamp is the one the cookie was issued with (a password or role change,
/// or a deactivation, ends every open session).
/// </summary>
public sealed class OfficerSessions(ChatBotDbFactory factory)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || user.FindFirstValue(ConsoleClaims.Stamp) is not { Length: > 0 } stamp)
        {
            return false;
        }

        await using var db = factory.CreateDbContext();
        var current = await db.Officers.AsNoTracking()
            .Where(o => o.Id == id && o.Active)
            .Select(o => o.SecurityStamp)
            .SingleOrDefaultAsync(cancellationToken);
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
