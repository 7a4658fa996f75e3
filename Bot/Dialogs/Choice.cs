namespace ChatBot.Bot.Dialogs;

/// <summary>
/// One option of a choice prompt. <see cref="Value"/> is the stable machine value a flow branches on,
/// <see cref="Label"/> is what the user sees (already in the user's language), and
/// <see cref="Synonyms"/> are extra words that select it ("video", "kunjungan").
/// </summary>
public sealed record Choice(string Value, string Label, IReadOnlyList<string>? Synonyms = null);
