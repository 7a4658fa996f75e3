using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace ChatBot.Channels.Email;

/// <summary>
/// The part of a mail the person just wrote: quoted history (English and Indonesian mail clients)
/// and signatures removed, HTML-only mail turned into text. The dialog sees only this.
/// </summary>
public static partial class EmailText
{
    /// <summary>The new text of <paramref name="message"/> (plain part preferred, else the HTML part as text).</summary>
    public static string NewPart(MimeMessage message)
    {
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html)
        {
            text = HtmlToText(html);
        }

        return NewPart(text ?? "");
    }

    /// <summary>Cuts quoted history and the signature from a plain-text body.</summary>
    public static string NewPart(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
            if (IsQuoteHeader(trimmed, next) || IsSignatureStart(line, trimmed))
            {
                break;
            }

            if (trimmed.StartsWith('>'))
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept).Trim();
    }

    /// <summary>HTML as readable text: block elements become line breaks, quoted blocks, scripts and styles are left out.</summary>
    public static string HtmlToText(string html)
    {
        var text = new StringBuilder();
        var skipDepth = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.BlockQuote:
                    if (!tag.IsEmptyElement)
                    {
                        skipDepth += tag.IsEndTag ? -1 : 1;
                        skipDepth = Math.Max(0, skipDepth);
                    }

                    break;
                case HtmlTagToken tag when skipDepth == 0 && tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3:
                    if (tag.Id == HtmlTagId.Br || tag.IsEndTag)
                    {
                        text.Append('\n');
                    }

                    break;
                case HtmlDataToken data when skipDepth == 0:
                    text.Append(Whitespace().Replace(data.Data, " "));
                    break;
            }
        }

        return ExtraBlankLines().Replace(string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim())), "\n\n").Trim();
    }

    private static bool IsQuoteHeader(string line, string next) =>
        OnWrote().IsMatch(line)
        || (line.StartsWith("On ", StringComparison.Ordinal) && next.EndsWith("wrote:", StringComparison.Ordinal))
        || (line.StartsWith("Pada ", StringComparison.Ordinal) && next.EndsWith("menulis:", StringComparison.Ordinal))
        || OriginalMessage().IsMatch(line)
        || (FromField().IsMatch(line) && SentField().IsMatch(next))
        || (line.StartsWith("____________", StringComparison.Ordinal) && FromField().IsMatch(next));

    private static bool IsSignatureStart(string line, string trimmed) =>
        line is "-- " or "--"
        || trimmed.StartsWith("Sent from my", StringComparison.OrdinalIgnoreCase)
        || trimmed.StartsWith("Dikirim dari", StringComparison.OrdinalIgnoreCase)
        || trimmed.StartsWith("Get Outlook for", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(On\s.+\swrote:|Pada\s.+\smenulis:)$")]
    private static partial Regex OnWrote();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\*?(From|Dari)\s*:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex FromField();

    [GeneratedRegex(@"^\*?(Sent|Date|Dikirim|Tanggal|To|Kepada)\s*:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex SentField();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
