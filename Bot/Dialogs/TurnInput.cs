using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Dialogs;

/// <summary>What the person sent in this turn, already normalised.</summary>
/// <param name="Text">Normalised text (control characters removed, trimmed, length-capped).</param>
/// <param name="Attachments">Checked attachments in private storage.</param>
public sealed record TurnInput(
    string Text,
    IReadOnlyList<StoredAttachment> Attachments,
    ChannelKind Channel,
    string From,
    string? SenderName,
    DateTime ReceivedAtUtc);
