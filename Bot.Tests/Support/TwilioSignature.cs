using System.Security.Cryptography;
using System.Text;
using ChatBot.Channels.WhatsApp;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// The signing half of Twilio's request signature, for tests that play Twilio. The service only checks
/// signatures (<see cref="TwilioWebhookSignature"/>, with Twilio's library, which has no signer); this is
/// written independently of it and held to Twilio's published vector in <c>SignatureTests</c>.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = TwilioWebhookSignature.HeaderName;

    /// <summary>
    /// The signature Twilio sends for a form POST to <paramref name="url"/>: Base64 HMAC-SHA1, keyed with the
    /// auth token, of the URL followed by each parameter's name and value, sorted by name then value (ordinal).
    /// </summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        var text = new StringBuilder(url);
        foreach (var (key, value) in (parameters ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(text.ToString())));
    }
}
