using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>
/// Cleans raw chat text before it is stored, shown or recognized. Messages arrive from WhatsApp and e-mail with
/// Windows line breaks, non-breaking spaces, zero-width joiners and decomposed accents; every later step is simpler
/// when it can rely on one canonical shape.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// Work is bounded for huge inputs (e-mail bodies): at most this many source characters per allowed output
    /// character (plus <see cref="InputSlack"/>) are examined. Text beyond that can never survive truncation unless
    /// the message is mostly whitespace.
    /// </summary>
    private const int InputBudgetFactor = 8;

    private const int InputSlack = 1024;

    /// <summary>
    /// Returns the NFC form of <paramref name="raw"/> with control and format characters removed, line breaks unified
    /// to <c>\n</c>, each line trimmed, runs of spaces collapsed to one, runs of three or more line breaks collapsed
    /// to two (at most one blank line), the whole trimmed and cut to <paramref name="maxLength"/> characters without
    /// splitting a surrogate pair. Tabs and Unicode space separators become spaces; vertical tab, form feed, NEL and
    /// the Unicode line/paragraph separators become line breaks; zero-width characters, invisible Hangul fillers,
    /// the blank braille pattern, lone surrogates and the noncharacters U+FFFE/U+FFFF are dropped.
    /// Null gives an empty string. Text that is already clean is returned as the same instance (no allocation).
    /// </summary>
    public static string Normalize(string? raw, int maxLength = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (string.IsNullOrEmpty(raw) || maxLength == 0)
        {
            return string.Empty;
        }

        if (raw.Length <= maxLength && IsAlreadyClean(raw))
        {
            return raw;
        }

        ReadOnlySpan<char> input = raw;
        long budget = ((long)maxLength * InputBudgetFactor) + InputSlack;
        if (input.Length > budget)
        {
            input = CutAt(input, (int)budget);
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(input.Length);
        try
        {
            int sanitizedLength = Sanitize(input, buffer);
            string sanitized = ToNfc(new string(buffer, 0, sanitizedLength));
            if (sanitized.Length > buffer.Length)
            {
                ArrayPool<char>.Shared.Return(buffer);
                buffer = ArrayPool<char>.Shared.Rent(sanitized.Length);
            }

            int length = Layout(sanitized, buffer, maxLength);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reduces a message to a command keyword: normalized, lower-cased (invariant culture), leading and trailing
    /// punctuation, symbols and emoji stripped, inner whitespace (including line breaks) collapsed to one space.
    /// Inner punctuation is kept (<c>"jum'at"</c>). <c>"  MENU!! "</c> → <c>"menu"</c>, <c>"Petugas 🙏"</c> →
    /// <c>"petugas"</c>, <c>"*batal*"</c> → <c>"batal"</c>. Combining accents attached to the last letter are kept;
    /// variation selectors and the keycap mark are not, so <c>"1️⃣"</c> → <c>"1"</c>.
    /// </summary>
    public static string Keyword(string text)
    {
        string normalized = Normalize(text);
        ReadOnlySpan<char> span = normalized;

        int start = 0;
        while (start < span.Length)
        {
            Rune.DecodeFromUtf16(span[start..], out Rune rune, out int consumed);
            if (Rune.IsLetterOrDigit(rune))
            {
                break;
            }

            start += consumed;
        }

        int end = span.Length;
        while (end > start)
        {
            Rune.DecodeLastFromUtf16(span[..end], out Rune rune, out int consumed);
            if (Rune.IsLetterOrDigit(rune))
            {
                break;
            }

            end -= consumed;
        }

        // Keep combining marks that belong to the last kept letter (decomposed accents that NFC could not compose).
        while (end < span.Length)
        {
            Rune.DecodeFromUtf16(span[end..], out Rune rune, out int consumed);
            if (!IsAttachedMark(rune))
            {
                break;
            }

            end += consumed;
        }

        if (start >= end)
        {
            return string.Empty;
        }

        ReadOnlySpan<char> core = span[start..end];
        if (IsLowerAsciiWord(core))
        {
            return core.Length == normalized.Length ? normalized : core.ToString();
        }

        // A lower-cased rune can in theory need more UTF-16 units than the original, hence the doubled buffer.
        char[] buffer = ArrayPool<char>.Shared.Rent(core.Length * 2);
        try
        {
            int length = 0;
            bool pendingSpace = false;
            foreach (Rune rune in core.EnumerateRunes())
            {
                if (rune.Value is ' ' or '\n')
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

    private static bool IsAttachedMark(Rune rune)
    {
        int value = rune.Value;
        if (value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF)
        {
            return false; // variation selectors turn the previous character into an emoji presentation
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsLowerAsciiWord(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Printable ASCII with single inner spaces and no surrounding space needs no work at all.</summary>
    private static bool IsAlreadyClean(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        char previous = '\0';
        foreach (char c in text)
        {
            if (c is < ' ' or > '~' || (c == ' ' && previous == ' '))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static ReadOnlySpan<char> CutAt(ReadOnlySpan<char> text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }

    /// <summary>First pass: unify line breaks and spaces, drop invisible and invalid characters.</summary>
    private static int Sanitize(ReadOnlySpan<char> input, Span<char> output)
    {
        int length = 0;
        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, input[i + 1]);
                    if (!IsDroppedSupplementary(codePoint))
                    {
                        output[length++] = c;
                        output[length++] = input[i + 1];
                    }

                    i++;
                }

                // A lone surrogate is not text (and makes string.Normalize throw): drop it.
                continue;
            }

            switch (c)
            {
                case '\r':
                    if (i + 1 < input.Length && input[i + 1] == '\n')
                    {
                        continue; // the '\n' that follows is emitted on the next iteration
                    }

                    output[length++] = '\n';
                    continue;
                case '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029':
                    output[length++] = '\n';
                    continue;
                case '\t':
                    output[length++] = ' ';
                    continue;
                case '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800' or '\uFFFE' or '\uFFFF':
                    continue; // invisible fillers used to send "blank" messages, and noncharacters
            }

            if (c < 0x80)
            {
                if (c >= ' ' && c != '\u007F')
                {
                    output[length++] = c;
                }

                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                    continue;
                case UnicodeCategory.SpaceSeparator:
                    output[length++] = ' ';
                    continue;
                default:
                    output[length++] = c;
                    continue;
            }
        }

        return length;
    }

    private static bool IsDroppedSupplementary(int codePoint)
    {
        if ((codePoint & 0xFFFE) == 0xFFFE)
        {
            return true; // plane noncharacters U+1FFFE, U+1FFFF, ...
        }

        // Format characters outside the BMP: tag characters, musical and shorthand format controls.
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format;
    }

    private static string ToNfc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // The platform rejects a code point we did not anticipate; un-normalized text is still usable.
            return text;
        }
    }

    /// <summary>Second pass: trim lines, collapse spaces and blank lines, stop once past <paramref name="maxLength"/>.</summary>
    private static int Layout(ReadOnlySpan<char> text, Span<char> output, int maxLength)
    {
        int length = 0;
        int pendingBreaks = 0;
        bool pendingSpace = false;
        bool lineHasContent = false;

        foreach (char c in text)
        {
            if (c == ' ')
            {
                pendingSpace = lineHasContent;
                continue;
            }

            if (c == '\n')
            {
                pendingSpace = false;
                lineHasContent = false;
                if (length > 0)
                {
                    pendingBreaks++;
                }

                continue;
            }

            if (length >= maxLength)
            {
                break;
            }

            if (pendingBreaks > 0)
            {
                for (int b = 0; b < Math.Min(pendingBreaks, 2) && length < maxLength; b++)
                {
                    output[length++] = '\n';
                }

                pendingBreaks = 0;
            }
            else if (pendingSpace)
            {
                output[length++] = ' ';
            }

            pendingSpace = false;
            if (length >= maxLength)
            {
                break;
            }

            output[length++] = c;
            lineHasContent = true;
        }

        if (length > 0 && char.IsHighSurrogate(output[length - 1]))
        {
            length--;
        }

        while (length > 0 && output[length - 1] is ' ' or '\n')
        {
            length--;
        }

        return length;
    }
}
