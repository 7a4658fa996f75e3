using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>Text plumbing shared by the recognizers: preparation, folding and word tokens.</summary>
internal static class RecognizerText
{
    /// <summary>
    /// Recognizers look at no more than this many characters of a message. Real answers are short; the cap keeps
    /// a pasted e-mail body from costing more than a normal turn.
    /// </summary>
    internal const int MaxInputLength = 4000;

    /// <summary>Normalizes the raw message (null-safe) so recognizers never see control or zero-width characters.</summary>
    internal static string Prepare(string? text) => TextNormalizer.Normalize(text, MaxInputLength);

    internal static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsAsciiDigits(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (char c in span)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanSet(params string[] words) =>
        words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    internal static FrozenDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> SpanMap<TValue>(
        IEnumerable<KeyValuePair<string, TValue>> pairs) =>
        pairs.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Folds text for word matching: lower case (invariant), diacritics and other combining marks removed,
    /// apostrophes removed so "jum'at" becomes "jumat", every other character that is not a letter or digit turned
    /// into a single separating space, no leading or trailing space. Emoji, keycaps and punctuation vanish.
    /// </summary>
    internal static string Fold(string text)
    {
        if (text.Length == 0 || IsFolded(text))
        {
            return text;
        }

        string source = text;
        if (!Ascii.IsValid(text))
        {
            try
            {
                source = text.Normalize(NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                // Keep the composed text; accents then simply stay part of the letters.
            }
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(source.Length * 2);
        try
        {
            int length = 0;
            bool pendingSpace = false;
            foreach (Rune rune in source.EnumerateRunes())
            {
                if (IsApostrophe(rune.Value))
                {
                    continue;
                }

                UnicodeCategory category = Rune.GetUnicodeCategory(rune);
                if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                {
                    continue;
                }

                if (!Rune.IsLetterOrDigit(rune) && category != UnicodeCategory.SpacingCombiningMark)
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                length += Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer.AsSpan(length));
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Splits folded text (single spaces, no edges) into word ranges.</summary>
    internal static Range[] Tokenize(string folded)
    {
        if (folded.Length == 0)
        {
            return [];
        }

        ReadOnlySpan<char> span = folded;
        var tokens = new Range[span.Count(' ') + 1];
        int index = 0;
        foreach (Range range in span.Split(' '))
        {
            tokens[index++] = range;
        }

        return tokens;
    }

    /// <summary>
    /// Finds runs of ASCII digits that may contain <paramref name="separators"/> between digits ("0812-3456 7890").
    /// A run is <see cref="DigitRun.Malformed"/> when a letter touches it ("08l2", "0812abc") or, for phone numbers,
    /// when a '+' is misplaced. With <paramref name="allowPlus"/>, a '+' before the run (optionally followed by
    /// '(' or spaces) marks an international number.
    /// </summary>
    internal static List<DigitRun> FindDigitRuns(string text, string separators, bool allowPlus)
    {
        var runs = new List<DigitRun>(2);
        char[] buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            int i = 0;
            while (i < text.Length)
            {
                if (!IsAsciiDigit(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                bool plus = false;
                bool malformed = false;
                int before = start - 1;
                while (allowPlus && before >= 0 && text[before] is '(' or ' ')
                {
                    before--;
                }

                if (allowPlus && before >= 0 && text[before] == '+')
                {
                    plus = true;
                    malformed = before > 0 && (char.IsLetterOrDigit(text[before - 1]) || text[before - 1] == '+');
                }
                else
                {
                    malformed = start > 0 && char.IsLetter(text[start - 1]);
                }

                int length = 0;
                int lastDigit = start;
                int j = start;
                while (j < text.Length)
                {
                    char c = text[j];
                    if (IsAsciiDigit(c))
                    {
                        buffer[length++] = c;
                        lastDigit = j++;
                        continue;
                    }

                    if (separators.Contains(c))
                    {
                        // A separator belongs to the run only when more digits follow it.
                        int k = j;
                        while (k < text.Length && separators.Contains(text[k]))
                        {
                            k++;
                        }

                        if (k < text.Length && IsAsciiDigit(text[k]))
                        {
                            j = k;
                            continue;
                        }
                    }

                    break;
                }

                if (lastDigit + 1 < text.Length && char.IsLetter(text[lastDigit + 1]))
                {
                    malformed = true;
                }

                runs.Add(new DigitRun(new string(buffer, 0, length), plus, malformed));
                i = j;
            }

            return runs;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Picks the run a phone or NIK prompt is about: the only run with at least <paramref name="minDigits"/> digits;
    /// when none is that long, the longest run (so the caller can report its length). Returns false when several
    /// long runs differ.
    /// </summary>
    internal static bool TrySelectRun(List<DigitRun> runs, int minDigits, out DigitRun selected)
    {
        selected = default;
        bool found = false;
        foreach (DigitRun run in runs)
        {
            if (run.Digits.Length < minDigits && !run.Plus)
            {
                continue;
            }

            if (found && (run.Digits != selected.Digits || run.Plus != selected.Plus))
            {
                return false;
            }

            selected = run;
            found = true;
        }

        if (!found)
        {
            foreach (DigitRun run in runs)
            {
                if (run.Digits.Length > selected.Digits?.Length || selected.Digits is null)
                {
                    selected = run;
                }
            }
        }

        return true;
    }

    private static bool IsApostrophe(int value) =>
        value is '\'' or '`' or '\u00B4' or '\u2018' or '\u2019' or '\u02BC';

    private static bool IsFolded(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        char previous = '\0';
        foreach (char c in text)
        {
            bool ok = c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c == ' ' && previous != ' ');
            if (!ok)
            {
                return false;
            }

            previous = c;
        }

        return true;
    }
}

/// <summary>Digits found in a message, in order, without separators.</summary>
internal readonly record struct DigitRun(string Digits, bool Plus, bool Malformed);
