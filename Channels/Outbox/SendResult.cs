using ChatBot.Domain.Conversations;

namespace ChatBot.Channels.Outbox;

/// <summary>What a channel sender made of one outgoing message. The dispatcher branches on it.</summary>
public abstract record SendResult
{
    /// <summary>The provider accepted the message.</summary>
    public sealed record Sent(string? ProviderMessageId) : SendResult;

    /// <summary>The provider refused it for good (bad number, opted out, bad credentials): never retried.</summary>
    public sealed record Rejected(string Code, string Message) : SendResult;

    /// <summary>It may work later (network, 5xx, 429): retried with backoff, after <paramref name="RetryAfter"/> if given.</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : SendResult;

    /// <summary>Outside the provider's free-form window and no template is configured: held for officers.</summary>
    public sealed record NeedsTemplate(string Reason) : SendResult;

    /// <summary>
    /// Not sent yet, and not a failure: a limit of ours (e.g. replies per person per minute) says wait.
    /// The row stays queued without counting an attempt and holds back the later rows of its conversation.
    /// </summary>
    public sealed record Deferred(TimeSpan Wait, string Reason) : SendResult;
}

/// <summary>Sends outbox rows over one transport.</summary>
public interface IChannelSender
{
    ChannelKind Channel { get; }

    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
