using System.Text.Json;

namespace ChatBot.Domain.Conversations;

/// <summary>
/// A turn the service queues for a person's conversation without a message from them (the survey
/// after a complaint is answered, the menu after an officer hands back): stored as an inbound
/// message of the conversation's channel, so the turn processor, the only place dialogs run, runs
/// it in order with the person's own messages.
/// </summary>
public static class SystemTurns
{
    /// <summary>Provider ids of queued turns start with this; no channel uses it.</summary>
    public const string Prefix = "turn:";

    /// <summary>What a queued turn asks the engine to do.</summary>
    /// <param name="Begin">The dialog to begin.</param>
    /// <param name="Options">Its option text.</param>
    /// <param name="Replace">Replace whatever the person is doing (an officer's hand-back); otherwise begin only
    /// when nothing but the menu waits, else let the dialog say its piece and leave the flow as it was.</param>
    /// <param name="Say">A notice said first, in the same message as what the dialog says (an officer's answer before the survey).</param>
    /// <param name="Topic">The outbox topic of that message (its WhatsApp template outside the 24-hour window).</param>
    /// <param name="Kind">Whose words the message is.</param>
    /// <param name="Payload">Channel extras of the message (an e-mail subject).</param>
    /// <param name="Flow">The flow the message belongs to (<see cref="FlowTags"/>).</param>
    public sealed record Request(
        string Begin,
        string? Options,
        bool Replace = false,
        string? Say = null,
        string? Topic = null,
        OutboundKind Kind = OutboundKind.Proactive,
        string? Payload = null,
        string? Flow = null);

    public static InboundMessage Queue(Conversation conversation, Request request, DateTime now) => new()
    {
        Channel = conversation.Channel,
        ProviderMessageId = Prefix + Guid.NewGuid().ToString("N"),
        OfficeId = conversation.OfficeId,
        ConversationId = conversation.Id == 0 ? null : conversation.Id,
        Conversation = conversation.Id == 0 ? conversation : null,
        From = conversation.UserAddress,
        To = "",
        Payload = JsonSerializer.Serialize(request, JsonSerializerOptions.Web),
        ReceivedAt = now,
        Status = InboundStatus.Pending,
        SystemTurn = true,
    };

    /// <summary>The request of a queued turn; null when the message is not one (or unreadable).</summary>
    public static Request? Read(InboundMessage message)
    {
        if (!message.SystemTurn || message.Payload is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Request>(message.Payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
