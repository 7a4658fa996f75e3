using ChatBot.Domain;

namespace ChatBot.Channels.Outbox;

/// <summary>Bound from <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows read per pass.</summary>
    [Between(1, 10_000)]
    public int BatchSize { get; set; } = 256;

    /// <summary>Conversations sent to at the same time (messages within one conversation go in order).</summary>
    [Between(1, 256)]
    public int MaxParallelConversations { get; set; } = 16;

    /// <summary>Transient failures tolerated before a row is marked failed.</summary>
    [Between(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; doubles on every attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    [Positive]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Positive]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the store is rechecked when no signal arrives.</summary>
    [Positive]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
