namespace ChatBot.Domain.Conversations;

public enum InboundStatus
{
    /// <summary>Stored and acknowledged to the transport; the turn has not run yet.</summary>
    Pending,

    /// <summary>The turn ran and committed its replies.</summary>
    Done,

    /// <summary>Stored but deliberately not answered (unknown office address, auto-reply, ...).</summary>
    Ignored,

    /// <summary>Stored; the files it points to (WhatsApp media) are being fetched before its turn.</summary>
    AwaitingMedia,
}

/// <summary>
/// A message as it arrived, stored before the transport is answered. Unique per channel and
/// provider message id, so a redelivered webhook or mail is processed once.
/// </summary>
public sealed class InboundMessage
{
    public long Id { get; set; }

    public ChannelKind Channel { get; set; }

    /// <summary>Twilio MessageSid, e-mail Message-ID, or the simulator's client id.</summary>
    public required string ProviderMessageId { get; set; }

    /// <summary>Null when the address it was sent to belongs to no office.</summary>
    public int? OfficeId { get; set; }

    /// <summary>Sender, normalised: E.164 phone or e-mail address.</summary>
    public required string From { get; set; }

    /// <summary>The address it was sent to, as the transport gave it.</summary>
    public required string To { get; set; }

    public string? Body { get; set; }

    /// <summary>Sender's display name as the channel reports it.</summary>
    public string? SenderName { get; set; }

    /// <summary>JSON array of stored attachments (<see cref="StoredAttachment"/>).</summary>
    public string? Attachments { get; set; }

    /// <summary>Channel-specific extra fields as JSON (kept so nothing the provider sent is lost).</summary>
    public string? Payload { get; set; }

    public DateTime ReceivedAt { get; set; }

    public InboundStatus Status { get; set; }

    public long? ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>Why the message was ignored, or what went wrong while answering it.</summary>
    public string? Note { get; set; }

    /// <summary>
    /// The flows (dialog ids, space-separated) that took part in the turn this message started;
    /// empty when none did (the menu, an officer's conversation), null for messages stored before
    /// flows were recorded. The console decides from it who may read the line.
    /// </summary>
    public string? Flows { get; set; }

    /// <summary>
    /// Not a message from the person but a turn the service queued for their conversation
    /// (<see cref="SystemTurns"/>): transcripts, counts and the simulator leave it out.
    /// </summary>
    public bool SystemTurn { get; set; }

    /// <summary>Why files it pointed to were not kept (JSON array of <c>MediaRefusal</c> reasons); null when none was refused.</summary>
    public string? MediaRefused { get; set; }
}

/// <summary>An attachment saved in private storage after its real type and size were checked.</summary>
public sealed record StoredAttachment(string ContentType, long Size, string StoragePath, string? FileName)
{
    /// <summary>The attachments kept as JSON on an inbound message (none for null or empty).</summary>
    public static IReadOnlyList<StoredAttachment> ListFromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<StoredAttachment>>(json) ?? [];
}
