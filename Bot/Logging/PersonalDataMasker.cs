using System.Buffers;
using System.Text.RegularExpressions;

namespace ChatBot.Bot.Logging;

/// <summary>
/// Masks personal data (phone numbers, NIK, e-mail addresses) inside free text before it
/// reaches any log output. Citizens send these details to the bot in ordinary chat messages,
/// and logs are read by far more people than the case files they belong to.
/// </summary>
/// <remarks>
/// <para>Masking rules:</para>
/// <list type="bullet">
/// <item>Phone numbers (<c>08…</c>, <c>628…</c>, <c>+62…</c>, any <c>+</c> E.164 number with 8–15 digits,
/// spaces or dashes between digit groups, <c>whatsapp:+62…</c>): country code (or the trunk <c>0</c>) plus
/// the next 3 digits, <c>****</c>, then the last 4 digits, e.g. <c>+62812****7890</c>, <c>0812****7890</c>.
/// Very short numbers keep fewer leading digits so that at least three digits stay hidden.</item>
/// <item>NIK (16 digits, optionally grouped with one kind of separator, space or dot): first 6 digits
/// (region code) plus <c>**********</c>.</item>
/// <item>E-mail: first character of the local part, <c>***@</c>, then the domain, e.g. <c>b***@mail.co.id</c>.</item>
/// </list>
/// <para>A number is only considered when it stands on its own: digits glued to letters, decimals,
/// dates, times and GUID segments are left alone. When nothing matches, the very same string
/// instance is returned, so the common case allocates nothing.</para>
/// </remarks>
public static partial class PersonalDataMasker
{
    private const string PhoneMask = "****";
    private const string NikMask = "**********";
    private const int PhoneVisibleTail = 4;
    private const int PhoneMinimumHidden = 3;
    private const int NikVisibleHead = 6;

    // A number must not continue a word, a decimal, a list of numbers or an already masked value
    // ('*', which keeps masking idempotent), and must not be the last segment of a GUID (four hex
    // digits and a dash right before it).
    private const string NumberStart = @"(?<![\w.,+*]|[0-9A-Fa-f]{4}-)";

    // ... and must not run on into a word or a decimal part.
    private const string NumberEnd = @"(?!\w|[.,][0-9])";

    // Phone digit groups may be separated by one space or dash, but only before a group of at
    // least three digits, so "…7890 12:30" does not swallow the time that follows.
    private const string PhoneSeparator = @"(?:[\x20-](?=[0-9]{3}))?";

    private const string EmailPattern =
        @"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}";

    // 16 digits; an optional separator (space or dot) is allowed before a group of two or more
    // digits, and every separator must be the same character as the first one. No GUID guard is
    // needed: GUID segments are shorter than 16 digits.
    private const string NikPattern =
        @"(?<![\w.,+*])[1-9](?:(?:(?(sep)\k<sep>|(?<sep>[\x20.-]))(?=[0-9]{2}))?[0-9]){15}" + NumberEnd;

    // For a transcript shown to an officer who may not read identity numbers: any mix of those
    // separators (people type "3201 0112-0885 0001"); masking a date and time by mistake costs nothing there.
    private const string LenientNikPattern =
        @"(?<![\w.,+*])[1-9](?:(?:[\x20.-](?=[0-9]{2}))?[0-9]){15}" + NumberEnd;

    private const string PhonePattern =
        // Any international number: + and 8–15 digits.
        @"(?<intl>(?<![\w+*])\+[1-9](?:" + PhoneSeparator + "[0-9]){7,14})" + NumberEnd
        // Indonesian mobile numbers: 62 8xx … (11–14 digits) or 08xx … (10–13 digits).
        + "|" + NumberStart + "(?:(?<id62>62" + PhoneSeparator + "8)|08)(?:" + PhoneSeparator + "[0-9]){8,11}" + NumberEnd;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly MatchEvaluator EmailEvaluator = MaskEmail;
    private static readonly MatchEvaluator NikEvaluator = MaskOneNik;
    private static readonly MatchEvaluator PhoneEvaluator = MaskPhone;

    // Three expressions run one after the other rather than one alternation: each then starts only
    // where its own first character occurs, which is several times faster on ordinary log lines.
    // Order matters: e-mail first (its local part may look like a phone number), then NIK (16 digits
    // would otherwise not be recognised as one once a phone shape had claimed part of them).
    [GeneratedRegex(EmailPattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(NikPattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NikRegex();

    [GeneratedRegex(LenientNikPattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LenientNikRegex();

    [GeneratedRegex(PhonePattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PhoneRegex();

    /// <summary>
    /// Returns <paramref name="text"/> with personal data masked. Returns the same instance when
    /// nothing had to be masked, and an empty string for <see langword="null"/>.
    /// </summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        // Replace hands back its input instance when nothing matched, so a clean text comes back
        // as the same instance without any copy.
        var masked = text;
        if (masked.Contains('@', StringComparison.Ordinal))
        {
            masked = EmailRegex().Replace(masked, EmailEvaluator);
        }

        if (masked.AsSpan().ContainsAny(Digits))
        {
            masked = NikRegex().Replace(masked, NikEvaluator);
            masked = PhoneRegex().Replace(masked, PhoneEvaluator);
        }

        return masked;
    }

    /// <summary>
    /// Returns <paramref name="text"/> with only NIKs masked (for officers who may read a transcript
    /// but not identity documents). Returns the same instance when there was none.
    /// </summary>
    public static string MaskNik(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? string.Empty
        : text.AsSpan().ContainsAny(Digits) ? LenientNikRegex().Replace(text, NikEvaluator)
        : text;

    /// <summary>Whether <paramref name="text"/> contains anything <see cref="Mask"/> would mask.</summary>
    public static bool ContainsPersonalData(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return (text.Contains('@', StringComparison.Ordinal) && EmailRegex().IsMatch(text))
            || (text.AsSpan().ContainsAny(Digits) && (NikRegex().IsMatch(text) || PhoneRegex().IsMatch(text)));
    }

    private static string MaskEmail(Match match)
    {
        var email = match.ValueSpan;
        return string.Concat(email[..1], "***", email[email.IndexOf('@')..]);
    }

    private static string MaskOneNik(Match match)
    {
        Span<char> digits = stackalloc char[16];
        CollectDigits(match.ValueSpan, digits);
        return string.Concat(digits[..NikVisibleHead], NikMask);
    }

    private static string MaskPhone(Match match)
    {
        Span<char> buffer = stackalloc char[16];
        var digits = buffer[..CollectDigits(match.ValueSpan, buffer)];

        string prefix;
        int countryCodeLength;
        if (match.Groups["intl"].Success)
        {
            (prefix, countryCodeLength) = ("+", CountryCodeLength(digits));
        }
        else if (match.Groups["id62"].Success)
        {
            (prefix, countryCodeLength) = (string.Empty, 2);
        }
        else
        {
            // National form: the trunk prefix 0 plays the role of the country code.
            (prefix, countryCodeLength) = (string.Empty, 1);
        }

        var visibleHead = Math.Min(countryCodeLength + 3, digits.Length - PhoneVisibleTail - PhoneMinimumHidden);
        return string.Concat(prefix, digits[..visibleHead], PhoneMask, digits[^PhoneVisibleTail..]);
    }

    private static int CollectDigits(ReadOnlySpan<char> value, Span<char> destination)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                destination[count++] = c;
            }
        }

        return count;
    }

    /// <summary>
    /// Length of the E.164 country code at the start of <paramref name="digits"/>. Country codes are
    /// prefix-free: 1 and 7 are the only one-digit codes, the two-digit ones are listed below, and
    /// everything else uses three digits.
    /// </summary>
    private static int CountryCodeLength(ReadOnlySpan<char> digits)
    {
        if (digits[0] is '1' or '7')
        {
            return 1;
        }

        var twoDigits = (digits[0] - '0') * 10 + (digits[1] - '0');
        return twoDigits switch
        {
            20 or 27 or 30 or 31 or 32 or 33 or 34 or 36 or 39
                or 40 or 41 or 43 or 44 or 45 or 46 or 47 or 48 or 49
                or 51 or 52 or 53 or 54 or 55 or 56 or 57 or 58
                or 60 or 61 or 62 or 63 or 64 or 65 or 66
                or 81 or 82 or 84 or 86
                or 90 or 91 or 92 or 93 or 94 or 95 or 98 => 2,
            _ => 3,
        };
    }
}
