using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Channels.WhatsApp;

/// <summary>
/// Twilio's request signature (<c>X-Twilio-Signature</c>), computed and checked the way Twilio's own
/// SDKs do it, so that a request is accepted exactly when Twilio signed it with our auth token.
/// </summary>
/// <remarks>
/// <para>The signed text is the full URL Twilio requested followed, for a form POST, by every POST
/// parameter sorted by name (ordinal), each written as its name immediately followed by its value,
/// without separators. A name sent several times contributes each of its values, sorted (ordinal).
/// The signature is the Base64 HMAC-SHA1 of that text (UTF-8) keyed with the auth token (UTF-8).</para>
/// <para>Twilio is not consistent about the standard port in the URL it signs, so, like the SDKs,
/// validation accepts the URL as given, without its port, and with the scheme's default port
/// (443 for https, 80 for http) when it had none.</para>
/// </remarks>
public static class TwilioSignature
{
    /// <summary>The request header carrying the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>The query parameter carrying the SHA-256 of a JSON body (Twilio's JSON webhooks).</summary>
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>The signature Twilio sends for a request to <paramref name="url"/> with these POST parameters.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        var text = new StringBuilder(url);
        if (parameters is not null)
        {
            var sorted = parameters
                .Select(p => (Key: p.Key ?? "", Value: p.Value ?? ""))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal);
            foreach (var (key, value) in sorted)
            {
                text.Append(key).Append(value);
            }
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// True when <paramref name="signature"/> is Twilio's signature of a form POST to <paramref name="url"/>
    /// (or to the same URL with or without its port) with these parameters. Compared in constant time.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(url))
        {
            return false;
        }

        var materialised = parameters?.ToList();
        var given = Encoding.UTF8.GetBytes(signature);
        var valid = false;
        foreach (var candidate in UrlVariants(url))
        {
            var expected = Encoding.UTF8.GetBytes(Compute(authToken, candidate, materialised));
            // No early exit: every variant is checked, whichever matches.
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return valid;
    }

    /// <summary>
    /// Twilio's JSON-body variant: the URL carries <c>bodySHA256</c> (hex SHA-256 of the raw body) and the
    /// signature covers the URL alone. True when both the signature and the body hash match.
    /// </summary>
    public static bool IsValidJson(string authToken, string url, string body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!IsValid(authToken, url, null, signature))
        {
            return false;
        }

        var declared = QueryValue(url, BodyHashParameter);
        if (declared is null)
        {
            return false;
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(actual), Encoding.ASCII.GetBytes(declared.ToLowerInvariant()));
    }

    /// <summary>
    /// The URLs a signature may have been computed over: <paramref name="url"/> itself, then without its
    /// port when it has one, or with the scheme's default port when it has none. Everything else (case,
    /// escaping, path, query) stays exactly as given.
    /// </summary>
    public static IReadOnlyList<string> UrlVariants(string url)
    {
        var variants = new List<string> { url };
        if (!TrySplit(url, out var head, out var host, out var port, out var tail, out var scheme))
        {
            return variants;
        }

        if (port is not null)
        {
            variants.Add(head + host + tail);
        }
        else
        {
            var standard = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443
                : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? 80
                : (int?)null;
            if (standard is not null)
            {
                variants.Add(head + host + ":" + standard.Value.ToString(CultureInfo.InvariantCulture) + tail);
            }
        }

        return variants;
    }

    /// <summary>
    /// Splits <c>scheme://[userinfo@]host[:port]rest</c> without normalising anything: <paramref name="head"/> is
    /// everything before the host, <paramref name="tail"/> everything after the port.
    /// </summary>
    private static bool TrySplit(string url, out string head, out string host, out string? port, out string tail, out string scheme)
    {
        head = host = tail = scheme = "";
        port = null;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        scheme = url[..schemeEnd];
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var hostStart = at + 1;
        var hostAndPort = authority[hostStart..];
        var bracket = hostAndPort.LastIndexOf(']');
        var colon = hostAndPort.LastIndexOf(':');
        if (colon > bracket && hostAndPort[(colon + 1)..].All(char.IsAsciiDigit))
        {
            host = hostAndPort[..colon];
            var digits = hostAndPort[(colon + 1)..];
            // "host:" (an empty port) means the default port, as if there were none.
            port = digits.Length > 0 ? digits : null;
            if (port is null)
            {
                return false;
            }
        }
        else
        {
            host = hostAndPort;
        }

        if (host.Length == 0)
        {
            return false;
        }

        head = url[..(authorityStart + hostStart)];
        tail = url[authorityEnd..];
        return true;
    }

    private static string? QueryValue(string url, string name)
    {
        var query = url.IndexOf('?');
        if (query < 0)
        {
            return null;
        }

        var end = url.IndexOf('#', query);
        var text = end < 0 ? url[(query + 1)..] : url[(query + 1)..end];
        foreach (var pair in text.Split('&'))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            if (key == name)
            {
                return eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
