using ChatBot.Channels.Outbox;
using ChatBot.Domain.Conversations;

namespace ChatBot.Channels.Simulator;

/// <summary>The local channel's sender: hands the message to the simulated phone.</summary>
public sealed class SimulatorSender(SimulatorHub hub, TimeProvider time) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.Simulator;

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        hub.Deliver(new SimulatorDelivery(message.Id, message.InboundMessageId, message.To, message.Body, time.GetUtcNow().UtcDateTime, message.CreatedAt));
        return Task.FromResult<SendResult>(new SendResult.Sent($"sim-{message.Id}"));
    }
}
