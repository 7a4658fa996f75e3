namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>Recognizes an Indonesian national identity number (NIK, 16 digits) and checks its structure.</summary>
/// <remarks>
/// <para>Spaces, dots and dashes between digits are ignored, as are words around the number ("NIK saya
/// 3201-0101-9000-0001"). Letters touching the digits ("32O1...") give <c>format</c>. When a message holds several
/// digit runs, the only one with at least ten digits is used; two different ones give <c>ambiguous</c>.</para>
/// <para>Checks, in this order: 16 digits (<c>length</c>); digits 1–2 are a province code (<c>province</c>);
/// digits 7–12 are a birth date DDMMYY where women add 40 to the day, and that day exists in that month; 29
/// February is always accepted because the century is unknown (<c>birthdate</c>); the last four digits (serial)
/// are not 0000 (<c>serial</c>). The regency and district digits (3–6) are not checked.</para>
/// Problems: <c>empty</c>, <c>format</c>, <c>ambiguous</c>, <c>length</c>, <c>province</c>, <c>birthdate</c>,
/// <c>serial</c>.
/// </remarks>
public static class NikRecognizer
{
    private const int NikLength = 16;

    /// <summary>Digit runs shorter than this are not attempts at a NIK (dates, ages, counts).</summary>
    private const int MinNikLikeDigits = 10;

    private const string MaskedRest = "**********";

    public static Recognized<string> Recognize(string text)
    {
        string prepared = RecognizerText.Prepare(text);
        if (prepared.Length == 0)
        {
            return Recognized<string>.Fail(RecognizerProblems.Empty);
        }

        List<DigitRun> runs = RecognizerText.FindDigitRuns(prepared, " .-", allowPlus: false);
        if (runs.Count == 0)
        {
            return Recognized<string>.Fail(RecognizerProblems.Format);
        }

        if (!RecognizerText.TrySelectRun(runs, MinNikLikeDigits, out DigitRun run))
        {
            return Recognized<string>.Fail(RecognizerProblems.Ambiguous);
        }

        if (run.Malformed)
        {
            return Recognized<string>.Fail(RecognizerProblems.Format);
        }

        string nik = run.Digits;
        if (nik.Length != NikLength)
        {
            return Recognized<string>.Fail(RecognizerProblems.Length);
        }

        if (!IsProvinceCode(TwoDigits(nik, 0)))
        {
            return Recognized<string>.Fail(RecognizerProblems.Province);
        }

        if (!IsBirthDate(TwoDigits(nik, 6), TwoDigits(nik, 8)))
        {
            return Recognized<string>.Fail(RecognizerProblems.Birthdate);
        }

        if (nik.AsSpan(12).SequenceEqual("0000"))
        {
            return Recognized<string>.Fail(RecognizerProblems.Serial);
        }

        return Recognized<string>.Success(nik);
    }

    /// <summary>
    /// Masks a NIK for logs, keeping only the region code: <c>3201010101900001</c> → <c>320101**********</c>.
    /// Separators are ignored. Anything that is not 16 digits gives 16 asterisks, so raw input never leaks.
    /// </summary>
    public static string Mask(string nik)
    {
        Span<char> digits = stackalloc char[NikLength];
        int count = 0;
        foreach (char c in nik ?? string.Empty)
        {
            if (RecognizerText.IsAsciiDigit(c))
            {
                if (count == NikLength)
                {
                    return new string('*', NikLength);
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '.' or '-'))
            {
                return new string('*', NikLength);
            }
        }

        return count == NikLength
            ? string.Concat(digits[..6], MaskedRest)
            : new string('*', NikLength);
    }

    private static int TwoDigits(string digits, int index) => ((digits[index] - '0') * 10) + (digits[index + 1] - '0');

    private static bool IsProvinceCode(int code) =>
        code is >= 11 and <= 19 or 21 or >= 31 and <= 36 or >= 51 and <= 53 or >= 61 and <= 65 or >= 71 and <= 76
            or 81 or 82 or >= 91 and <= 97;

    private static bool IsBirthDate(int day, int month)
    {
        if (day > 40)
        {
            day -= 40; // women: day + 40
        }

        // 2000 is a leap year, so 29 February passes: the century is not part of the NIK.
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);
    }
}
