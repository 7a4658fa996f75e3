using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Officers;

/// <summary>
/// Messages from the service to an officer (an ABH alert, an assessment reminder): to the WhatsApp of
/// <see cref="Officer.Phone"/> and the e-mail of <see cref="Officer.Email"/>, whichever they have, through the
/// outbox, on the officer's own conversation with the office (made when it does not exist yet; its 24-hour
/// window closed, so WhatsApp sends the topic's Content template). The caller saves and publishes.
/// </summary>
public sealed class OfficerMessages(ChatBotDb db, int officeId, DateTime now)
{
    private readonly Dictionary<(ChannelKind, string), Conversation> _conversations = [];

    /// <summary>Queues <paramref name="body"/> to the officer on every channel they have; returns how many messages it queued (0: no contact).</summary>
    public async Task<int> QueueAsync(Officer officer, string body, string topic, string payload, string flow, CancellationToken cancellationToken)
    {
        var queued = 0;
        if (officer.Phone is { Length: > 0 } phone)
        {
            var conversation = await ConversationAsync(ChannelKind.WhatsApp, phone, officer, cancellationToken);
            db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, OutboundKind.Proactive, now, topic, payload, flow));
            queued++;
        }

        if (officer.Email is { Length: > 0 } email)
        {
            var conversation = await ConversationAsync(ChannelKind.Email, email.Trim().ToLowerInvariant(), officer, cancellationToken);
            db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, OutboundKind.Proactive, now, topic, payload, flow));
            queued++;
        }

        return queued;
    }

    private async Task<Conversation> ConversationAsync(ChannelKind channel, string address, Officer officer, CancellationToken cancellationToken)
    {
        if (_conversations.TryGetValue((channel, address), out var known))
        {
            return known;
        }

        var found = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.OfficeId == officeId && c.Channel == channel && c.UserAddress == address, cancellationToken);
        if (found is null)
        {
            found = new Conversation
            {
                OfficeId = officeId,
                Channel = channel,
                UserAddress = address,
                DisplayName = officer.DisplayName,
                Language = "id",
                CreatedAt = now,
                LastInboundAt = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
                LastActivityAt = now,
            };
            db.Conversations.Add(found);
        }

        _conversations[(channel, address)] = found;
        return found;
    }
}
