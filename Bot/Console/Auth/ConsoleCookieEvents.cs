using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// The console cookie's rules: every request re-checks the account and the session's age
/// (<see cref="OfficerSessions"/>): however active, an officer signs in again after
/// <see cref="ConsoleOptions.SessionLifetime"/> (the idle timeout is the cookie's own sliding
/// expiry). The event stream, <c>/console/api/*</c> and the scripts' background refreshes get
/// 401/403 instead of a redirect, and background refreshes never extend an idle session.
/// </summary>
public sealed class ConsoleCookieEvents(OfficerSessions sessions) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleClaims.Scheme);
        }
    }

    public override Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        if (ConsoleSetup.IsBackground(context.Request))
        {
            // A dashboard left open refreshes itself; that is not the officer doing something.
            context.ShouldRenew = false;
        }

        return Task.CompletedTask;
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ConsoleSetup.IsBackground(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ConsoleSetup.IsBackground(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return base.RedirectToAccessDenied(context);
    }
}
