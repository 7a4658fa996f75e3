using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Dialogs;

/// <summary>What the person sent in this turn, already normalised.</summary>
/// <param name="Text">Normalised text (control characters removed, trimmed, length-capped).</param>
/// <param name="Attachments">Checked attachments in private storage.</param>
/// <param name="ButtonPayload">The payload of the quick-reply button the person tapped (WhatsApp), when the message is one.</param>
public sealed record TurnInput(
    string Text,
    IReadOnlyList<StoredAttachment> Attachments,
    ChannelKind Channel,
    string From,
    string? SenderName,
    DateTime ReceivedAtUtc,
    string? ButtonPayload = null);
