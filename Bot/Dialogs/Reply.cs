namespace ChatBot.Bot.Dialogs;

/// <summary>
/// One thing the bot says: text, and optionally numbered choices the channel writes out
/// (WhatsApp and the simulator as "1. Label" lines; e-mail in full).
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<Choice>? Choices = null)
{
    public static implicit operator Reply(string text) => new(text);
}
