using System.Globalization;
using System.Security.Cryptography;
using ChatBot.Domain;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Channels.Media;

/// <summary>Bound from <c>Media</c>: links to files the service sends.</summary>
public sealed class MediaLinkOptions
{
    public const string Section = "Media";

    /// <summary>How long a link to a file sent with a message (a permit letter Twilio fetches) stays valid.</summary>
    [Positive]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Unguessable, expiring links to the file of one outbox row (<see cref="Domain.Conversations.OutboundMessage.AttachmentPath"/>):
/// what a channel that fetches files itself (Twilio's <c>MediaUrl</c>) or the simulator is given. The token is the
/// row's id and an expiry, sealed with ASP.NET Core data protection (encrypted and authenticated), so it can be
/// neither guessed nor altered; <c>GET /media/{token}</c> serves that row's file until the expiry and answers 404
/// to anything else. The expiry is checked against the service's clock.
/// </summary>
public sealed class MediaLinks(IDataProtectionProvider protection, MediaLinkOptions options, TimeProvider time)
{
    public const string BasePath = "/media";

    private readonly IDataProtector _protector = protection.CreateProtector("ChatBot.Media.Links.v1");

    /// <summary>The path (<c>/media/TOKEN</c>) of a link to the file of row <paramref name="outboundId"/>, valid for the configured lifetime.</summary>
    public string PathFor(long outboundId)
    {
        var expires = time.GetUtcNow() + options.LinkLifetime;
        var payload = $"{outboundId.ToString(CultureInfo.InvariantCulture)}:{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return $"{BasePath}/{Base64Url(_protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)))}";
    }

    /// <summary>The row a token names while it is valid; null for a token that is altered, foreign or expired.</summary>
    public long? Read(string token)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(FromBase64Url(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = System.Text.Encoding.UTF8.GetString(payload).Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
                ? id
                : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}

/// <summary><c>GET /media/{token}</c>: the file of one outbox row while its link is valid.</summary>
public static class MediaLinkEndpoints
{
    public static IEndpointConventionBuilder MapMediaLinks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(MediaLinks.BasePath + "/{token}", ServeAsync);

    private static async Task<IResult> ServeAsync(string token, MediaLinks links, ChatBotDbFactory factory, HttpContext http, CancellationToken cancellationToken)
    {
        if (token.Length > 1000 || links.Read(token) is not { } id)
        {
            return Results.NotFound();
        }

        await using var db = factory.CreateDbContext();
        var file = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.Id == id && m.AttachmentPath != null)
            .Select(m => new { m.AttachmentPath, m.AttachmentName, m.AttachmentContentType })
            .SingleOrDefaultAsync(cancellationToken);
        if (file?.AttachmentPath is not { } path || !File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return Results.File(Path.GetFullPath(path), file.AttachmentContentType ?? "application/octet-stream", file.AttachmentName);
    }
}
