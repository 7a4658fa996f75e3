using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using ChatBot.Bot.Flows.TravelPermit;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Verification;

/// <summary>
/// <c>GET /verifikasi/{code}</c>: anyone holding a permit letter (a police officer, a Bapas in another town)
/// checks it by the code printed on it — which office issued it, its number, the dates it is valid for,
/// whether it was revoked, and the client's initials; nothing else personal. An unknown code gets a polite
/// 404 page. Each address may look up <see cref="PermitOptions.VerificationsPerMinute"/> codes a minute
/// (the codes are 10 random characters; the limit keeps guessing hopeless).
/// </summary>
public static class LetterVerification
{
    public const string Policy = "letter-verification";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IServiceCollection AddLetterVerification(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = http.RequestServices.GetRequiredService<PermitOptions>().VerificationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(Page("Terlalu banyak permintaan", "<p>Mohon tunggu sebentar, lalu coba lagi.</p>"), cancellationToken);
            };
        });

    public static void MapLetterVerification(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(PermitLinks.VerificationPath + "/{code}", VerifyAsync).RequireRateLimiting(Policy);

    private static async Task<IResult> VerifyAsync(string code, ChatBotDbFactory factory, OfficeDirectory offices, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var key = code.Trim().ToUpperInvariant();
        TravelPermit? permit = null;
        if (key.Length == TravelPermit.VerificationCodeLength && key.All(c => Domain.Requests.TicketCode.Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            await using var db = factory.CreateDbContext();
            permit = await db.TravelPermits.AsNoTracking().SingleOrDefaultAsync(p => p.VerificationCode == key && p.LetterNumber != null, cancellationToken);
        }

        if (permit is null || offices.Find(permit.OfficeId) is not { } office)
        {
            return Results.Content(
                Page("Kode verifikasi tidak dikenal", $"<p id=\"unknown\">Kode <strong>{Html.Encode(code.Length > 20 ? code[..20] : code)}</strong> tidak terdaftar sebagai surat izin ke luar kota. Periksa kembali kode pada surat, atau hubungi Bapas yang menerbitkannya.</p>"),
                "text/html; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);
        }

        var today = office.LocalDate(time.GetUtcNow().UtcDateTime);
        var (state, css) = permit switch
        {
            { Status: TravelPermitStatus.Revoked } => ($"DICABUT{(permit.RevokedAt is { } at ? " pada " + Date(office.LocalDate(at)) : "")} — surat ini tidak berlaku lagi.", "revoked"),
            _ when today > permit.ReturnOn => ("SAH, masa berlakunya sudah berakhir.", "expired"),
            _ => ("SAH dan berlaku.", "valid"),
        };
        var body =
            $"<p class=\"state {css}\" id=\"state\" data-state=\"{css}\">{Html.Encode(state)}</p>" +
            "<table>" +
            Row("Diterbitkan oleh", office.Name, "office") +
            Row("Nomor surat", permit.LetterNumber!, "number") +
            Row("Atas nama (inisial)", permit.ClientInitials ?? "—", "initials") +
            Row("Berlaku", $"{Date(permit.DepartOn)} s.d. {Date(permit.ReturnOn)}", "validity") +
            Row("Ditandatangani", $"{permit.SignerName}{(permit.SignedAt is { } signed ? ", " + Date(office.LocalDate(signed)) : "")} (elektronik)", "signed") +
            "</table>";
        return Results.Content(Page("Verifikasi surat izin ke luar kota", body), "text/html; charset=utf-8");
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", PermitTexts.Indonesian.Culture);

    private static string Row(string label, string value, string id) => $"<tr><th>{Html.Encode(label)}</th><td id=\"{id}\">{Html.Encode(value)}</td></tr>";

    private static string Page(string title, string body) =>
        $$"""
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{Html.Encode(title)}}</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; }
        h1 { font-size: 1.3rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #dde3ea; vertical-align: top; }
        th { width: 40%; font-weight: 600; }
        .state { padding: .6rem .8rem; border-radius: .4rem; font-weight: 700; }
        .valid { background: #e3f4e8; color: #1e6b37; }
        .expired { background: #eef1f4; color: #3e4c59; }
        .revoked { background: #fde8e8; color: #a61b1b; }
        </style>
        </head>
        <body>
        <h1>{{Html.Encode(title)}}</h1>
        {{body}}
        <p><small>Halaman ini hanya menampilkan data untuk memeriksa keaslian surat.</small></p>
        </body>
        </html>
        """;
}
