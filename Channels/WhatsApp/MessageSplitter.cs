namespace ChatBot.Channels.WhatsApp;

/// <summary>
/// Cuts a long message into parts Twilio accepts (a WhatsApp message body is at most 1,600
/// characters). Parts end at a line break when possible, otherwise between words; a word is only
/// cut when it is itself longer than a part. Pure: the same text always gives the same parts.
/// </summary>
/// <remarks>
/// Lengths are counted in UTF-16 code units (what <see cref="string.Length"/> counts), which is never
/// less than the number of characters Twilio counts, and a surrogate pair (an emoji) is never cut in
/// half. The line break or the spaces where a part ends are dropped (the part boundary replaces them),
/// and blank lines at the start of a part are skipped; everything else is kept as written.
/// </remarks>
public static class MessageSplitter
{
    /// <summary>The longest body Twilio accepts for one WhatsApp message.</summary>
    public const int MaxLength = 1600;

    public static IReadOnlyList<string> Split(string body, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (body.Length <= maxLength)
        {
            return [body];
        }

        var parts = new List<string>();
        var current = new System.Text.StringBuilder(maxLength);
        foreach (var line in Lines(body))
        {
            // A line carries its own line break, which is dropped when the part ends after it.
            var content = line.TrimEnd('\r', '\n');
            if (current.Length + content.Length <= maxLength)
            {
                current.Append(line);
                continue;
            }

            Flush(current, parts);
            if (content.Length <= maxLength)
            {
                current.Append(line);
                continue;
            }

            // A single line longer than a part: pack its words.
            foreach (var word in Words(content))
            {
                var bare = word.TrimEnd();
                if (current.Length + bare.Length <= maxLength)
                {
                    current.Append(word);
                    continue;
                }

                Flush(current, parts);
                var rest = word.AsSpan();
                while (rest.TrimEnd().Length > maxLength)
                {
                    var cut = maxLength;
                    if (char.IsHighSurrogate(rest[cut - 1]))
                    {
                        cut--; // keep the pair together
                    }

                    parts.Add(rest[..cut].ToString());
                    rest = rest[cut..];
                }

                current.Append(rest);
            }

            current.Append(line.AsSpan(content.Length)); // the line's own break, if any
        }

        Flush(current, parts);
        return parts;
    }

    private static void Flush(System.Text.StringBuilder current, List<string> parts)
    {
        var text = current.ToString().TrimEnd();
        current.Clear();
        var start = 0;
        while (start < text.Length && (text[start] == '\n' || text[start] == '\r'))
        {
            start++;
        }

        if (start < text.Length)
        {
            parts.Add(start == 0 ? text : text[start..]);
        }
    }

    /// <summary>The lines of <paramref name="text"/>, each with its line break (<c>\n</c> or <c>\r\n</c>).</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }

    /// <summary>The words of one line, each with the whitespace that follows it.</summary>
    private static IEnumerable<string> Words(string line)
    {
        var start = 0;
        while (start < line.Length)
        {
            var end = start;
            while (end < line.Length && !char.IsWhiteSpace(line[end]))
            {
                end++;
            }

            while (end < line.Length && char.IsWhiteSpace(line[end]))
            {
                end++;
            }

            yield return line[start..end];
            start = end;
        }
    }
}
