namespace ChatBot.Channels.Outbox;

/// <summary>Bound from <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows read per pass.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Conversations sent to at the same time (messages within one conversation go in order).</summary>
    public int MaxParallelConversations { get; set; } = 16;

    /// <summary>Transient failures tolerated before a row is marked failed.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; doubles on every attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the store is rechecked when no signal arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
