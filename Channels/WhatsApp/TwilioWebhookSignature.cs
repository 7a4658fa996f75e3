using Twilio.Security;

namespace ChatBot.Channels.WhatsApp;

/// <summary>
/// Checks Twilio's request signature (<c>X-Twilio-Signature</c>) with Twilio's own
/// <see cref="RequestValidator"/>: a request is accepted exactly when Twilio signed it with our auth token.
/// </summary>
/// <remarks>
/// <para>Twilio signs the full URL it requested followed by every POST parameter sorted by name, each as its
/// name then its value (HMAC-SHA1, keyed with the auth token). It is not consistent about the standard port
/// in that URL, so the URL is tried as given and with the port toggled.</para>
/// <para>Two gaps of the validator are bridged here: it takes one value per name (a name sent several times
/// contributes each value, sorted), and it does not drop an explicit standard port (<c>:443</c>/<c>:80</c>)
/// when trying the other variant.</para>
/// </remarks>
public static class TwilioWebhookSignature
{
    /// <summary>The request header carrying the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>
    /// True when <paramref name="signature"/> is Twilio's signature of a form POST to <paramref name="url"/>
    /// (or to the same URL with or without its standard port) with these parameters.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(url))
        {
            return false;
        }

        try
        {
            return new RequestValidator(authToken).Validate(WithoutStandardPort(url), OneValuePerName(parameters), signature);
        }
        catch (UriFormatException)
        {
            return false; // the validator parses the URL to toggle its port
        }
    }

    /// <summary>
    /// The parameters as the validator takes them, one value per name, signing the same text: for a name sent
    /// several times the values are sorted and joined by the name, so that the validator's <c>name + value</c>
    /// writes <c>name v1 name v2 …</c>.
    /// </summary>
    private static Dictionary<string, string> OneValuePerName(IEnumerable<KeyValuePair<string, string>>? parameters) =>
        (parameters ?? [])
            .GroupBy(p => p.Key ?? "", StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => string.Join(g.Key, g.Select(p => p.Value ?? "").Order(StringComparer.Ordinal)),
                StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="url"/> without an explicit standard port (<c>https://host:443/…</c> → <c>https://host/…</c>),
    /// everything else as given; the validator then tries it without and with the port.
    /// </summary>
    private static string WithoutStandardPort(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return url;
        }

        var standard = url[..schemeEnd].ToLowerInvariant() switch
        {
            "https" => ":443",
            "http" => ":80",
            _ => null,
        };
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], schemeEnd + 3);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        return standard is not null && url.AsSpan(schemeEnd + 3, authorityEnd - schemeEnd - 3).EndsWith(standard, StringComparison.Ordinal)
            ? url.Remove(authorityEnd - standard.Length, standard.Length)
            : url;
    }
}
