namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// Security headers on every console response. The content security policy admits scripts and
/// styles from the console's own files only: no inline script, no inline style, no other origin.
/// Pages are never cached (they show personal data); the static assets revalidate.
/// </summary>
public sealed class ConsoleSecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ConsoleSetup.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!context.Request.Path.StartsWithSegments(ConsoleSetup.AssetsPath, StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }
        }

        return next(context);
    }
}
