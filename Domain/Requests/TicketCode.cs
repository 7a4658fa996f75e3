using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ChatBot.Domain.Requests;

/// <summary>
/// The codes people quote for what they filed: a prefix naming the service and six characters,
/// e.g. <c>ADU-7K3P9Q</c>. Random, so one code says nothing about another; without 0/O and 1/I/L,
/// since codes are read aloud and typed on phones.
/// </summary>
public static partial class TicketCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int RandomLength = 6;

    /// <summary>A new code with <paramref name="prefix"/> (<c>ADU</c>).</summary>
    public static string New(string prefix) => $"{prefix}-{RandomNumberGenerator.GetString(Alphabet, RandomLength)}";

    /// <summary>Length of a code with a prefix of <paramref name="prefixLength"/> characters.</summary>
    public static int Length(int prefixLength) => prefixLength + 1 + RandomLength;

    /// <summary>
    /// The code with <paramref name="prefix"/> in <paramref name="text"/> as people type it ("adu 7k3p9q",
    /// "ADU-7K3P9Q.", "status ADU_7k3p9q"), or, with <paramref name="bare"/> (the person was asked for a
    /// code), the six characters alone when they are the whole text; in its stored form
    /// (<c>ADU-7K3P9Q</c>), or null.
    /// </summary>
    public static string? Find(string prefix, string? text, bool bare = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match match in CodePattern().Matches(text))
        {
            if (string.Equals(match.Groups["prefix"].Value, prefix, StringComparison.OrdinalIgnoreCase))
            {
                return $"{prefix}-{match.Groups["code"].Value.ToUpperInvariant()}";
            }
        }

        if (!bare)
        {
            return null;
        }

        var alone = text.Trim().Trim('.', ',', '!', '?', '*', '"', '\'');
        return alone.Length == RandomLength && alone.All(c => Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal))
            ? $"{prefix}-{alone.ToUpperInvariant()}"
            : null;
    }

    [GeneratedRegex(@"\b(?<prefix>[A-Za-z]{3})[\s\-_.:]*(?<code>[2-9A-HJKMNP-Za-hjkmnp-z]{6})\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CodePattern();
}
