using System.Globalization;
using System.Text;

namespace ChatBot.Domain.Permits;

/// <summary>
/// How a permit letter is numbered, as an office writes its numbers: literal text with placeholders in
/// braces. <c>{seq}</c> is the letter's sequence in the office's year (required), <c>{seq:000}</c> padded to
/// as many digits as zeros; <c>{year}</c> (2026), <c>{year:yy}</c> (26); <c>{month}</c> (5), <c>{month:00}</c>
/// (05), <c>{month:roman}</c> (V); <c>{office}</c> the office's code. <c>{{</c> and <c>}}</c> write a brace.
/// Example: <c>W.{seq:000}/PK/{month:roman}/{year}</c> gives <c>W.007/PK/V/2026</c>.
/// </summary>
public sealed class LetterNumberPattern
{
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private readonly IReadOnlyList<Part> _parts;

    private LetterNumberPattern(string text, IReadOnlyList<Part> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    /// <summary>Reads <paramref name="text"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static LetterNumberPattern Parse(string text)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                    continue;
                }

                throw new FormatException($"A lone '}}' at position {i + 1}: write '}}}}' for a brace.");
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new FormatException($"The placeholder at position {i + 1} has no closing '}}'.");
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), null, null));
                literal.Clear();
            }

            var inside = text[(i + 1)..end];
            var colon = inside.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? inside : inside[..colon]).Trim().ToLowerInvariant();
            var format = colon < 0 ? null : inside[(colon + 1)..].Trim();
            parts.Add(Check(new Part(null, name, format)));
            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), null, null));
        }

        if (!parts.Any(p => p.Name == "seq"))
        {
            throw new FormatException("The pattern must contain {seq}: the letter's sequence number.");
        }

        return new LetterNumberPattern(text, parts);
    }

    /// <summary>The problem with <paramref name="text"/> as a pattern, or null when it reads.</summary>
    public static string? Problem(string text)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The number of letter <paramref name="sequence"/> of <paramref name="date"/>'s year at office <paramref name="officeCode"/>.</summary>
    public string Format(int sequence, DateOnly date, string officeCode)
    {
        var number = new StringBuilder();
        foreach (var part in _parts)
        {
            number.Append(part switch
            {
                { Literal: { } literal } => literal,
                { Name: "seq", Format: null } => sequence.ToString(CultureInfo.InvariantCulture),
                { Name: "seq", Format: { } zeros } => sequence.ToString(new string('0', zeros.Length), CultureInfo.InvariantCulture),
                { Name: "year", Format: "yy" } => (date.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                { Name: "year" } => date.Year.ToString(CultureInfo.InvariantCulture),
                { Name: "month", Format: "roman" } => Roman[date.Month - 1],
                { Name: "month", Format: "00" } => date.Month.ToString("00", CultureInfo.InvariantCulture),
                { Name: "month" } => date.Month.ToString(CultureInfo.InvariantCulture),
                { Name: "office" } => officeCode,
                _ => throw new InvalidOperationException("Unchecked placeholder."),
            });
        }

        return number.ToString();
    }

    public override string ToString() => Text;

    private static Part Check(Part part)
    {
        var ok = (part.Name, part.Format?.ToLowerInvariant()) switch
        {
            ("seq", null) => true,
            ("seq", { } zeros) => zeros.Length is > 0 and <= 9 && zeros.All(z => z == '0'),
            ("year", null or "yyyy" or "yy") => true,
            ("month", null or "0" or "00" or "roman") => true,
            ("office", null) => true,
            _ => false,
        };
        return ok
            ? part with { Format = part.Format?.ToLowerInvariant() is "yyyy" or "0" ? null : part.Format?.ToLowerInvariant() }
            : throw new FormatException($"Unknown placeholder '{{{part.Name}{(part.Format is null ? "" : ":" + part.Format)}}}': use {{seq}}, {{seq:000}}, {{year}}, {{year:yy}}, {{month}}, {{month:00}}, {{month:roman}} or {{office}}.");
    }

    private sealed record Part(string? Literal, string? Name, string? Format);
}
