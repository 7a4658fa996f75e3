using ChatBot.Domain;
using System.Text.RegularExpressions;

namespace ChatBot.Channels.WhatsApp;

/// <summary>A Content template used when a message must go out after the 24-hour window closed.</summary>
public sealed class WhatsAppTemplate
{
    /// <summary>Twilio Content SID, <c>HX…</c>.</summary>
    public string ContentSid { get; set; } = "";

    /// <summary>
    /// Which template variable receives what, e.g. <c>{"1": "body"}</c>: the keys are the template's
    /// variable numbers, the values name a field of the message (<c>body</c> is the text).
    /// </summary>
    public Dictionary<string, string> Variables { get; set; } = new() { ["1"] = "body" };
}

/// <summary>Bound from <c>Channels:WhatsApp</c>. The auth token is a secret: environment or user-secrets only.</summary>
public sealed partial class TwilioOptions : ISettingsRules
{
    public const string Section = "Channels:WhatsApp";

    public bool Enabled { get; set; }

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>The sender, <c>whatsapp:+14155238886</c>.</summary>
    public string From { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The public URL Twilio calls; signatures are computed over it. Empty: the request URL.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public int MaxSendsPerSecond { get; set; } = 80;

    /// <summary>Largest media file accepted from a person (bytes).</summary>
    public long MaxMediaBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Templates by message topic (e.g. <c>visit_reminder</c>, <c>officer_message</c>, <c>default</c>).</summary>
    public Dictionary<string, WhatsAppTemplate> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with the settings, in plain words; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        if (!AccountSidPattern().IsMatch(AccountSid))
        {
            problems.Add("Channels:WhatsApp:AccountSid must be the account SID, AC followed by 32 hexadecimal characters.");
        }

        if (string.IsNullOrWhiteSpace(AuthToken))
        {
            problems.Add("Channels:WhatsApp:AuthToken is required (set it in the environment: Channels__WhatsApp__AuthToken).");
        }

        if (!FromPattern().IsMatch(From))
        {
            problems.Add("Channels:WhatsApp:From must look like whatsapp:+14155238886.");
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("Channels:WhatsApp:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (PublicBaseUrl.Length > 0 && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            problems.Add("Channels:WhatsApp:PublicBaseUrl must be an absolute URL (or empty).");
        }

        if (MaxSendsPerSecond is < 1 or > 1000)
        {
            problems.Add("Channels:WhatsApp:MaxSendsPerSecond must be between 1 and 1000.");
        }

        problems.AddRange(Templates
            .Where(t => !t.Value.ContentSid.StartsWith("HX", StringComparison.Ordinal))
            .Select(t => $"Channels:WhatsApp:Templates:{t.Key}:ContentSid must be a Content SID (HX…)."));
        return problems;
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex(@"^whatsapp:\+[1-9]\d{7,14}$")]
    private static partial Regex FromPattern();
}
