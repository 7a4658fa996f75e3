using ChatBot.Domain.Offices;

namespace ChatBot.Domain.Conversations;

/// <summary>Who answers a conversation at the moment.</summary>
public enum ConversationMode
{
    /// <summary>The bot answers.</summary>
    Bot,

    /// <summary>The person asked for an officer and waits in the handover queue; the bot is silent.</summary>
    HandoverWaiting,

    /// <summary>An officer has taken the conversation; the bot is silent.</summary>
    HandoverActive,
}

/// <summary>
/// One person talking to one office on one channel. Holds the dialog state between turns under an
/// optimistic-concurrency token so an officer's change and a bot turn never overwrite each other.
/// </summary>
public sealed class Conversation
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public Office? Office { get; set; }

    public ChannelKind Channel { get; set; }

    /// <summary>E.164 phone number (WhatsApp, simulator) or e-mail address: personal data.</summary>
    public required string UserAddress { get; set; }

    /// <summary>Name the channel reports (WhatsApp profile name, e-mail display name), if any.</summary>
    public string? DisplayName { get; set; }

    /// <summary><c>id</c> (Indonesian, default) or <c>en</c>.</summary>
    public string Language { get; set; } = "id";

    public ConversationMode Mode { get; set; } = ConversationMode.Bot;

    /// <summary>Serialized dialog stack (JSON), owned by the dialog engine.</summary>
    public string? DialogState { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastInboundAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    /// <summary>
    /// When the person wrote STOP / BERHENTI: no proactive messages (reminders, status changes) until
    /// they write again. Replies to their own messages still go out.
    /// </summary>
    public DateTime? OptedOutAt { get; set; }

    /// <summary>Optimistic-concurrency token, incremented on every save.</summary>
    public long Revision { get; set; }
}
