using ChatBot.Domain.Conversations;

namespace ChatBot.Channels.Inbox;

/// <summary>A message as a channel received it, before it is stored.</summary>
/// <param name="Channel">The transport.</param>
/// <param name="ProviderMessageId">The transport's unique id (Twilio MessageSid, Message-ID, client id).</param>
/// <param name="From">Sender, normalised (E.164 or e-mail address).</param>
/// <param name="To">The address it was sent to; selects the office.</param>
/// <param name="Body">Text, possibly empty.</param>
/// <param name="MediaRefused">Why files that came with the message were not kept (<c>MediaRefusal</c> codes), for the turn to tell the person.</param>
/// <param name="AwaitsMedia">The message points to files still to be fetched (WhatsApp media): its turn waits for the media stage.</param>
public sealed record InboundEnvelope(
    ChannelKind Channel,
    string ProviderMessageId,
    string From,
    string To,
    string? Body,
    string? SenderName = null,
    IReadOnlyList<StoredAttachment>? Attachments = null,
    string? Payload = null,
    bool AwaitsMedia = false,
    IReadOnlyList<string>? MediaRefused = null);

/// <summary>What storing an inbound message did.</summary>
/// <param name="InboundMessageId">The stored row (the existing one for a duplicate).</param>
/// <param name="Duplicate">The same provider id was stored before; nothing new happens.</param>
/// <param name="Ignored">Stored, but it will not be answered (e.g. no office has that address).</param>
public sealed record StoreResult(long InboundMessageId, bool Duplicate, bool Ignored);
