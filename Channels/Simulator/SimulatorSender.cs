using ChatBot.Channels.Outbox;
using ChatBot.Domain.Conversations;

namespace ChatBot.Channels.Simulator;

/// <summary>The local channel's sender: hands the message to the simulated phone; a file it carries is shown as a link to it.</summary>
public sealed class SimulatorSender(SimulatorHub hub, TimeProvider time, Media.MediaLinks? media = null) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.Simulator;

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var body = message.AttachmentPath is not null && media is not null
            ? $"{message.Body}\n\n📎 {message.AttachmentName ?? "berkas"}: {media.PathFor(message.Id)}"
            : message.Body;
        hub.Deliver(new SimulatorDelivery(message.Id, message.InboundMessageId, message.To, body, time.GetUtcNow().UtcDateTime, message.CreatedAt));
        return Task.FromResult<SendResult>(new SendResult.Sent($"sim-{message.Id}"));
    }
}
