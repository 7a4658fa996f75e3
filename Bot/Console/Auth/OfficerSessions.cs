using System.Globalization;
using System.Security.Claims;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Whether a console sign-in still stands: not older than <see cref="ConsoleOptions.SessionLifetime"/>,
/// and the officer exists, is active, and has the security stamp the cookie was issued with (a
/// password or role change, a deactivation or signing out ends every open session). The cookie
/// checks it on every request; a long-lived response (an event stream) takes the sign-in it was
/// let through on (<see cref="OfRequestAsync"/>) and checks it again while it runs.
/// </summary>
public sealed class OfficerSessions(ChatBotDbFactory factory, ConsoleOptions options, TimeProvider time)
{
    /// <summary>The console sign-in the request carries, or null when it carries none.</summary>
    public async Task<ConsoleSignIn?> OfRequestAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(ConsoleClaims.Scheme);
        if (!result.Succeeded || result.Principal.SignedInAtUtc() is not { } signedInAt)
        {
            return null;
        }

        // However active the officer is elsewhere, the sign-in ends at its lifetime; an idle one sooner.
        var ends = signedInAt + options.SessionLifetime;
        if (result.Properties.ExpiresUtc is { } expires && expires < ends)
        {
            ends = expires;
        }

        return new ConsoleSignIn(result.Principal, ends);
    }

    /// <summary>True while <paramref name="signIn"/> has not ended by time and its account still lets it stand.</summary>
    public async Task<bool> IsCurrentAsync(ConsoleSignIn signIn, CancellationToken cancellationToken) =>
        time.GetUtcNow() < signIn.EndsAt && await IsCurrentAsync(signIn.User, cancellationToken);

    /// <summary>True while the sign-in <paramref name="user"/> carries is within its lifetime and its account still lets it stand.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || user.FindFirstValue(ConsoleClaims.Stamp) is not { Length: > 0 } stamp
            || !(user.SignedInAtUtc() is { } signedInAt && time.GetUtcNow() - signedInAt < options.SessionLifetime))
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

/// <summary>A console sign-in as a request carried it, and when it ends at the latest (its lifetime, or the cookie's expiry if sooner).</summary>
public sealed record ConsoleSignIn(ClaimsPrincipal User, DateTimeOffset EndsAt);
