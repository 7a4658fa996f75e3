using System.Security.Claims;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>The claims a signed-in officer carries, and the console's authorization policies.</summary>
public static class ConsoleClaims
{
    public const string Scheme = "ConsoleCookie";

    /// <summary>Claim: the officer's office id.</summary>
    public const string Office = "office";

    /// <summary>Claim: the account's security stamp when the cookie was issued.</summary>
    public const string Stamp = "stamp";

    /// <summary>
    /// Claim: when the officer signed in (Unix seconds). Unlike the cookie's issue time it is not
    /// renewed by activity, so it bounds a session's whole life (<see cref="ConsoleOptions.SessionLifetime"/>).
    /// </summary>
    public const string SignedInAt = "signed_in_at";

    /// <summary>Any signed-in officer.</summary>
    public const string OfficerPolicy = "officer";

    /// <summary>Account management and settings.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The audit log: admins and heads of office.</summary>
    public const string AuditPolicy = "audit";

    /// <summary>Reading transcripts and answering people in the handover queue.</summary>
    public const string HandoverPolicy = "handover";

    /// <summary>Litmas cases and the lookups of their numbers: PKs, heads of office and admins.</summary>
    public const string LitmasPolicy = "litmas";

    /// <summary>The client register: PKs (their own clients), Kasubsi, heads of office and admins (<see cref="Domain.Clients.ClientRegister.MayOpen"/>).</summary>
    public const string ClientsPolicy = "clients";

    /// <summary>The visit queue, schedule and roster: visit officers, heads of office and admins.</summary>
    public const string VisitsPolicy = "visits";

    /// <summary>The integration request queue, verifying and answering: service officers, heads of office and admins.</summary>
    public const string IntegrationPolicy = "integration";

    /// <summary>Out-of-town permit requests and their letters: PKs, heads of office, Kasubsi and admins.</summary>
    public const string PermitPolicy = "permit";

    /// <summary>
    /// Identity documents: opening a KTP and reading a NIK unmasked, wherever they appear (a form, a
    /// transcript). Heads of office and the service desk.
    /// </summary>
    public const string IdentityPolicy = "identity";

    public static ClaimsPrincipal For(Officer officer, DateTimeOffset signedInAt) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, officer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, officer.UserName),
                new Claim(ClaimTypes.GivenName, officer.DisplayName),
                new Claim(ClaimTypes.Role, officer.Role.ToString()),
                new Claim(Office, officer.OfficeId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(Stamp, officer.SecurityStamp),
                new Claim(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            ],
            Scheme));

    /// <summary>When the officer signed in; null for a cookie without the claim.</summary>
    public static DateTimeOffset? SignedInAtUtc(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SignedInAt), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static int OfficerId(this ClaimsPrincipal user) => int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);

    public static int OfficeId(this ClaimsPrincipal user) => int.Parse(user.FindFirstValue(Office)!, System.Globalization.CultureInfo.InvariantCulture);

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "-";

    public static OfficerRole Role(this ClaimsPrincipal user) => Enum.Parse<OfficerRole>(user.FindFirstValue(ClaimTypes.Role)!);
}
