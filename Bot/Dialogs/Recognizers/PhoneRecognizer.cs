using System.Collections.Frozen;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>Recognizes a phone number and returns it in E.164 form (<c>+6281234567890</c>).</summary>
/// <remarks>
/// <para>Spaces, dashes (including typographic dashes), dots and parentheses between digits are ignored, as are words around the number
/// ("nomor WA saya 0812-3456-7890", "whatsapp:+62 812 3456 7890", "tel:021 555 1234"). Letters touching the digits
/// ("0812abc", "08l2...") give <c>format</c>. When a message holds several digit runs, the only one with at least
/// six digits is used ("umur 25, hp 0812..."); two different long runs give <c>ambiguous</c>.</para>
/// <para>Indonesian forms: <c>08…</c>, <c>628…</c>, <c>+628…</c>, a bare <c>8…</c> of 9–12 digits, and the
/// common slip <c>+62 0812…</c> (the trunk 0 after 62 is dropped). Mobile numbers (national part starting with 8)
/// need 9–13 digits after 62; landlines (<c>021…</c>, <c>0274…</c>) 9–11. Other countries as <c>+cc…</c> or
/// <c>00cc…</c> with 8–15 digits in total.</para>
/// Problems: <c>empty</c>, <c>format</c>, <c>length</c>, <c>ambiguous</c>.
/// </remarks>
public static class PhoneRecognizer
{
    private const string IndonesiaCode = "62";

    /// <summary>Spaces, dots, parentheses and every kind of dash a phone keyboard may auto-correct to.</summary>
    private const string Separators = " .()-\u2010\u2011\u2012\u2013\u2014\u2212";

    /// <summary>Digit runs shorter than this are ages, counts or menu numbers, not phone numbers.</summary>
    private const int MinPhoneDigits = 6;

    /// <summary>Country calling codes with one or two digits (ITU-T E.164); all others have three.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortCountryCodes =
        RecognizerText.SpanSet(
            "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
            "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81",
            "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    public static Recognized<string> Recognize(string text)
    {
        string prepared = RecognizerText.Prepare(text);
        if (prepared.Length == 0)
        {
            return Recognized<string>.Fail(RecognizerProblems.Empty);
        }

        List<DigitRun> runs = RecognizerText.FindDigitRuns(prepared, Separators, allowPlus: true);
        if (runs.Count == 0)
        {
            return Recognized<string>.Fail(RecognizerProblems.Format);
        }

        if (!RecognizerText.TrySelectRun(runs, MinPhoneDigits, out DigitRun run))
        {
            return Recognized<string>.Fail(RecognizerProblems.Ambiguous);
        }

        return run.Malformed ? Recognized<string>.Fail(RecognizerProblems.Format) : ToE164(run.Digits, run.Plus);
    }

    /// <summary>
    /// Masks an E.164 number for logs: country code, the first three national digits and the last four stay
    /// (<c>+6281234567890</c> → <c>+62812****7890</c>). Shorter numbers keep fewer leading digits so at least two
    /// are always hidden. Anything that is not E.164 gives <c>"***"</c>, so raw input never leaks into logs.
    /// </summary>
    public static string Mask(string e164)
    {
        if (!IsE164(e164))
        {
            return "***";
        }

        ReadOnlySpan<char> digits = e164.AsSpan(1);
        int codeLength = ShortCountryCodes.Contains(digits[..1]) ? 1
            : ShortCountryCodes.Contains(digits[..2]) ? 2
            : 3;
        ReadOnlySpan<char> national = digits[codeLength..];
        int tail = Math.Min(4, national.Length - 2);
        int head = Math.Clamp(national.Length - tail - 2, 0, 3);
        int hidden = national.Length - head - tail;
        return string.Create(1 + codeLength + national.Length, (e164, codeLength, head, hidden), static (span, state) =>
        {
            (string source, int code, int keep, int masked) = state;
            source.AsSpan(0, 1 + code + keep).CopyTo(span);
            span.Slice(1 + code + keep, masked).Fill('*');
            source.AsSpan(1 + code + keep + masked).CopyTo(span[(1 + code + keep + masked)..]);
        });
    }

    private static Recognized<string> ToE164(string digits, bool plus)
    {
        if (!plus && digits.StartsWith("00", StringComparison.Ordinal))
        {
            // International dialling prefix: 0062 812... is +62 812...
            digits = digits[2..];
            plus = true;
        }

        if (plus)
        {
            if (digits.Length == 0 || digits[0] == '0')
            {
                return Recognized<string>.Fail(RecognizerProblems.Format);
            }

            if (digits.StartsWith(IndonesiaCode, StringComparison.Ordinal))
            {
                string national = digits[2..];
                return Indonesian(national.StartsWith('0') ? national[1..] : national);
            }

            return digits.Length is >= 8 and <= 15
                ? Recognized<string>.Success("+" + digits)
                : Recognized<string>.Fail(RecognizerProblems.Length);
        }

        if (digits.StartsWith('0'))
        {
            return Indonesian(digits[1..]);
        }

        if (digits.StartsWith(IndonesiaCode, StringComparison.Ordinal))
        {
            return Indonesian(digits[2..]);
        }

        if (digits.StartsWith('8'))
        {
            return digits.Length is >= 9 and <= 12
                ? Recognized<string>.Success("+62" + digits)
                : Recognized<string>.Fail(RecognizerProblems.Length);
        }

        return Recognized<string>.Fail(RecognizerProblems.Format);
    }

    /// <summary>Validates the national part that follows +62.</summary>
    private static Recognized<string> Indonesian(string national)
    {
        if (national.Length == 0)
        {
            return Recognized<string>.Fail(RecognizerProblems.Length);
        }

        if (national[0] == '0')
        {
            return Recognized<string>.Fail(RecognizerProblems.Format);
        }

        bool mobile = national[0] == '8';
        bool lengthOk = mobile ? national.Length is >= 9 and <= 13 : national.Length is >= 9 and <= 11;
        return lengthOk
            ? Recognized<string>.Success("+62" + national)
            : Recognized<string>.Fail(RecognizerProblems.Length);
    }

    private static bool IsE164(string? value)
    {
        if (value is null || value.Length is < 9 or > 16 || value[0] != '+' || value[1] is < '1' or > '9')
        {
            return false;
        }

        return RecognizerText.IsAsciiDigits(value.AsSpan(1));
    }
}
