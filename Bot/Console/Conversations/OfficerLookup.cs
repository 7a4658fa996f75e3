using System.Security.Claims;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary>The signed-in officer's account, for actions that record who did them.</summary>
public static class OfficerLookup
{
    public static async Task<Officer?> CurrentAsync(ChatBotDbFactory factory, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.OfficerId();
        await using var db = factory.CreateDbContext();
        return await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.Active, cancellationToken);
    }
}
