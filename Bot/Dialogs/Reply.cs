namespace ChatBot.Bot.Dialogs;

/// <summary>
/// One thing the bot says: text, and optionally numbered choices the channel writes out
/// (WhatsApp and the simulator as "1. Label" lines; e-mail in full).
/// </summary>
/// <param name="IsQuestion">Said by a prompt as its question (an e-mail answering several questions at once skips the answered ones).</param>
public sealed record Reply(string Text, IReadOnlyList<Choice>? Choices = null, bool IsQuestion = false)
{
    public static implicit operator Reply(string text) => new(text);
}
