using System.Text;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Dialogs;

/// <summary>
/// Writes a turn's replies as one message body for a channel. Choices are numbered lines; an e-mail
/// also ends with how to answer by mail (below the signature mark, which mail clients leave out
/// of a quoted reply).
/// </summary>
public static class ReplyRenderer
{
    public static string Render(IReadOnlyList<Reply> replies, ChannelKind channel, string language = "id")
    {
        var builder = new StringBuilder();
        foreach (var reply in replies)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(reply.Text);
            if (reply.Choices is { Count: > 0 } choices)
            {
                builder.Append('\n');
                for (var i = 0; i < choices.Count; i++)
                {
                    builder.Append('\n').Append(i + 1).Append(". ").Append(choices[i].Label);
                }
            }
        }

        if (channel == ChannelKind.Email && builder.Length > 0)
        {
            builder.Append("\n\n-- \n").Append(DialogTexts.For(language).EmailFooter);
        }

        return builder.ToString();
    }
}
