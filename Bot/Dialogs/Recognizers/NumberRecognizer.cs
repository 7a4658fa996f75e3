using System.Collections.Frozen;
using System.Text;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>
/// Recognizes one whole number in a message: digits ("3", "1.000", "1,000", "-5") or words in Indonesian
/// ("tiga", "dua belas", "dua puluh lima", "seribu") or English ("three", "twenty five").
/// </summary>
/// <remarks>
/// <para>Thousands separators may be dots (Indonesian usage) or commas, but must be used consistently and in
/// groups of three ("1.000.000"); anything else after a separator is a decimal ("1,5", "10.30") and gives
/// <c>format</c> because only whole numbers are answers.</para>
/// <para>Surrounding words are ignored when exactly one number appears ("nomor 3", "saya 2 orang"). Several numbers
/// give <c>ambiguous</c>, unless they all have the same value ("3 (tiga)").</para>
/// <para>A scale word right after the digits multiplies them: "10rb", "50 ribu", "5k", "1 juta", "2,5 jt"
/// (a decimal is fine when the result is whole).</para>
/// <para>A minus sign directly before the digits makes the number negative when it is not a dash between two
/// numbers ("25-12").</para>
/// Problems: <c>empty</c>, <c>format</c> (no number, or a decimal), <c>ambiguous</c>,
/// <c>range</c> (outside <c>min</c>..<c>max</c>, or too large for a 64-bit integer).
/// </remarks>
public static class NumberRecognizer
{
    private enum Status : byte
    {
        Ok,
        Decimal,
        Overflow,
    }

    private const int MaxScaleWordLength = 8;

    private static readonly FrozenDictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> Scales =
        RecognizerText.SpanMap(new Dictionary<string, long>
        {
            ["k"] = 1_000, ["rb"] = 1_000, ["ribu"] = 1_000, ["rebu"] = 1_000, ["thousand"] = 1_000,
            ["jt"] = 1_000_000, ["juta"] = 1_000_000, ["million"] = 1_000_000,
            ["miliar"] = 1_000_000_000, ["milyar"] = 1_000_000_000, ["billion"] = 1_000_000_000,
        });

    public static Recognized<long> Recognize(string text, long? min = null, long? max = null)
    {
        // A rating given as stars ("⭐⭐⭐⭐", "★★★"): their count.
        if (text is not null && Stars(text) is { } stars)
        {
            return min is { } low && stars < low || max is { } high && stars > high
                ? Recognized<long>.Fail(RecognizerProblems.Range)
                : Recognized<long>.Success(stars);
        }

        string prepared = RecognizerText.Prepare(text);
        if (prepared.Length == 0)
        {
            return Recognized<long>.Fail(RecognizerProblems.Empty);
        }

        var found = new Findings();
        ScanDigits(prepared, ref found);

        string folded = RecognizerText.Fold(prepared);
        Range[] tokens = RecognizerText.Tokenize(folded);
        for (int i = 0; i < tokens.Length;)
        {
            if (NumberWords.TryParse(folded, tokens, ref i, out long value))
            {
                found.Add(Status.Ok, value);
            }
            else
            {
                i++;
            }
        }

        if (found.Count == 0)
        {
            return Recognized<long>.Fail(RecognizerProblems.Format);
        }

        if (found.Count > 1 && !(found.AllOk && found.AllSame))
        {
            return Recognized<long>.Fail(RecognizerProblems.Ambiguous);
        }

        switch (found.FirstStatus)
        {
            case Status.Decimal:
                return Recognized<long>.Fail(RecognizerProblems.Format);
            case Status.Overflow:
                return Recognized<long>.Fail(RecognizerProblems.Range);
        }

        long result = found.FirstValue;
        if ((min.HasValue && result < min.Value) || (max.HasValue && result > max.Value))
        {
            return Recognized<long>.Fail(RecognizerProblems.Range);
        }

        return Recognized<long>.Success(result);
    }

    /// <summary>Finds every digit literal; separators and signs are read from the normalized (unfolded) text.</summary>
    private static void ScanDigits(string text, ref Findings found)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!RecognizerText.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            bool negative = i > 0 && text[i - 1] is '-' or '\u2212'
                            && (i == 1 || !char.IsLetterOrDigit(text[i - 2]));
            Status status = ReadLiteral(text, ref i, out long value, out long fraction, out int fractionDigits);
            long scale = ReadScale(text, ref i);
            if (scale > 1)
            {
                status = ApplyScale(status, scale, ref value, fraction, fractionDigits);
            }

            found.Add(status, negative ? -value : value);
        }
    }

    /// <summary>"10rb", "50 ribu", "2,5 jt": a scale word right after the digits multiplies them.</summary>
    private static long ReadScale(string text, ref int index)
    {
        int start = index < text.Length && text[index] == ' ' ? index + 1 : index;
        int end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end]) && end - start < MaxScaleWordLength)
        {
            end++;
        }

        if (end == start || (end < text.Length && char.IsLetter(text[end])))
        {
            return 1;
        }

        Span<char> word = stackalloc char[MaxScaleWordLength];
        int length = text.AsSpan(start, end - start).ToLowerInvariant(word);
        if (!Scales.TryGetValue(word[..length], out long scale))
        {
            return 1;
        }

        index = end;
        return scale;
    }

    private static Status ApplyScale(Status status, long scale, ref long value, long fraction, int fractionDigits)
    {
        if (status == Status.Overflow)
        {
            return status;
        }

        long fractionPart = 0;
        if (status == Status.Decimal)
        {
            long divisor = (long)Math.Pow(10, fractionDigits);
            if (fractionDigits == 0 || fraction * scale % divisor != 0)
            {
                return status; // "1,2345 rb" is still not a whole number
            }

            fractionPart = fraction * scale / divisor;
        }

        if (value > (long.MaxValue - fractionPart) / scale)
        {
            return Status.Overflow;
        }

        value = (value * scale) + fractionPart;
        return Status.Ok;
    }

    /// <summary>
    /// Reads one literal. A simple decimal ("2,5") also reports its fraction so a following scale word can make it
    /// whole; other decimals report <paramref name="fractionDigits"/> 0.
    /// </summary>
    private static Status ReadLiteral(string text, ref int index, out long value, out long fraction, out int fractionDigits)
    {
        value = 0;
        fraction = 0;
        fractionDigits = 0;
        bool overflow = false;
        int i = index;
        int firstGroupLength = ReadDigits(text, ref i, ref value, ref overflow);
        char separator = '\0';
        bool isDecimal = false;

        while (i + 1 < text.Length && text[i] is '.' or ',' && RecognizerText.IsAsciiDigit(text[i + 1]))
        {
            int groupStart = i + 1;
            int end = groupStart;
            while (end < text.Length && RecognizerText.IsAsciiDigit(text[end]))
            {
                end++;
            }

            bool thousandsGroup = end - groupStart == 3 && firstGroupLength <= 3
                                  && (separator == '\0' || separator == text[i]);
            if (!thousandsGroup)
            {
                isDecimal = true;
                bool simple = separator == '\0' && end - groupStart <= 9
                              && !(end + 1 < text.Length && text[end] is '.' or ',' && RecognizerText.IsAsciiDigit(text[end + 1]));
                if (simple)
                {
                    int fractionIndex = groupStart;
                    bool ignored = false;
                    fractionDigits = ReadDigits(text, ref fractionIndex, ref fraction, ref ignored);
                }

                i = end;
                // Swallow the rest of the literal ("1.000,50", "1.2.3") so it counts as one number.
                while (i + 1 < text.Length && text[i] is '.' or ',' && RecognizerText.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && RecognizerText.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                break;
            }

            separator = text[i];
            i = groupStart;
            ReadDigits(text, ref i, ref value, ref overflow);
        }

        index = i;
        if (isDecimal)
        {
            return Status.Decimal;
        }

        return overflow ? Status.Overflow : Status.Ok;
    }

    private static int ReadDigits(string text, ref int index, ref long value, ref bool overflow)
    {
        int start = index;
        while (index < text.Length && RecognizerText.IsAsciiDigit(text[index]))
        {
            int digit = text[index] - '0';
            if (value > (long.MaxValue - digit) / 10)
            {
                overflow = true;
            }
            else if (!overflow)
            {
                value = (value * 10) + digit;
            }

            index++;
        }

        return index - start;
    }

    private struct Findings
    {
        public int Count;
        public Status FirstStatus;
        public long FirstValue;
        public bool AllOk;
        public bool AllSame;

        public void Add(Status status, long value)
        {
            if (Count == 0)
            {
                FirstStatus = status;
                FirstValue = value;
                AllOk = status == Status.Ok;
                AllSame = true;
            }
            else
            {
                AllOk &= status == Status.Ok;
                AllSame &= value == FirstValue;
            }

            Count++;
        }
    }

    /// <summary>How many stars a message of nothing but stars (and spaces) holds; null for any other message.</summary>
    private static long? Stars(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0x2B50 or 0x2605 or 0x1F31F)
            {
                count++;
            }
            else if (!Rune.IsWhiteSpace(rune) && rune.Value != 0xFE0F)
            {
                return null;
            }
        }

        return count == 0 ? null : count;
    }
}
