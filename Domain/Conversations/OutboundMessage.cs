namespace ChatBot.Domain.Conversations;

/// <summary>
/// Delivery status of an outgoing message. The order of the values is the order a message moves
/// through; a status callback never moves a message backwards.
/// </summary>
public enum OutboundStatus
{
    /// <summary>Committed to the outbox, waiting to be sent.</summary>
    Queued = 0,

    /// <summary>Held: outside the 24-hour window and no template is configured.</summary>
    NeedsTemplate = 1,

    /// <summary>Accepted by the provider.</summary>
    Sent = 2,

    Delivered = 3,

    Read = 4,

    /// <summary>Permanently failed; see the error code and message.</summary>
    Failed = 5,
}

/// <summary>Why a message is sent: a direct answer, a proactive notice, or an officer's reply.</summary>
public enum OutboundKind
{
    Reply,
    Proactive,
    Officer,
}

/// <summary>An outgoing message. Rows in <see cref="OutboundStatus.Queued"/> are the outbox.</summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    /// <summary>The inbound message this answers, when it is a reply.</summary>
    public long? InboundMessageId { get; set; }

    public ChannelKind Channel { get; set; }

    public required string To { get; set; }

    public string? From { get; set; }

    public required string Body { get; set; }

    public OutboundKind Kind { get; set; }

    /// <summary>Message kind for proactive templates (e.g. <c>visit_reminder</c>).</summary>
    public string? Topic { get; set; }

    /// <summary>Channel-specific extras as JSON (template variables, e-mail threading headers).</summary>
    public string? Payload { get; set; }

    public OutboundStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? StatusUpdatedAt { get; set; }

    /// <summary>The provider's id for the sent message (Twilio SID, e-mail Message-ID).</summary>
    public string? ProviderMessageId { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>
    /// The flows (dialog ids, space-separated) whose message this is; empty for none (the menu, an
    /// officer's reply), null for messages stored before flows were recorded.
    /// </summary>
    public string? Flows { get; set; }

    /// <summary>A file sent with the message (a permit letter): its path in private media storage; null for none.</summary>
    public string? AttachmentPath { get; set; }

    /// <summary>The file name the person sees (<c>surat-izin-IZN-7K2M9Q.pdf</c>).</summary>
    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    /// <summary>
    /// A message for the outbox, to the person of <paramref name="conversation"/> on its channel.
    /// A conversation not saved yet is linked by reference, so both are inserted together.
    /// </summary>
    /// <param name="flow">The flow the message belongs to (see <see cref="Flows"/>); empty when none.</param>
    public static OutboundMessage Queued(Conversation conversation, string body, OutboundKind kind, DateTime now, string? topic = null, string? payload = null, string flow = "")
    {
        var message = new OutboundMessage
        {
            Flows = flow,
            Channel = conversation.Channel,
            To = conversation.UserAddress,
            Body = body,
            Kind = kind,
            Topic = topic,
            Payload = payload,
            Status = OutboundStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        if (conversation.Id == 0)
        {
            message.Conversation = conversation;
        }
        else
        {
            message.ConversationId = conversation.Id;
        }

        return message;
    }
}
