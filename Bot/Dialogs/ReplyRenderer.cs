using System.Text;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Dialogs;

/// <summary>Writes a turn's replies as one message body for a channel.</summary>
public static class ReplyRenderer
{
    public static string Render(IReadOnlyList<Reply> replies, ChannelKind channel)
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

        return builder.ToString();
    }
}
