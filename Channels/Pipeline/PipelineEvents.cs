using ChatBot.Domain.Conversations;

namespace ChatBot.Channels.Pipeline;

/// <summary>A turn committed: its inbound message is done and these replies are in the outbox.</summary>
public sealed record TurnCompleted(long InboundMessageId, long? ConversationId, IReadOnlyList<long> OutboundIds);

/// <summary>An outbox row reached a final or sent state.</summary>
public sealed record OutboundDispatched(
    long OutboundId,
    long? InboundMessageId,
    long ConversationId,
    ChannelKind Channel,
    string To,
    string Body,
    OutboundStatus Status);

/// <summary>
/// In-process notifications between the pipeline's stages and to live views (simulator page,
/// console, the chat command). The store stays the source of truth: a missed event never loses
/// data, since every worker also rechecks the store on a timer.
/// </summary>
public sealed class PipelineEvents
{
    /// <summary>Set when inbound messages were stored; wakes the turn processor.</summary>
    public Signal InboundStored { get; } = new();

    /// <summary>Set when messages with files to fetch were stored; wakes the media stage.</summary>
    public Signal MediaAwaited { get; } = new();

    /// <summary>Set when outbox rows were committed; wakes the dispatcher.</summary>
    public Signal OutboxQueued { get; } = new();

    public event Action<TurnCompleted>? TurnCompleted;

    public event Action<OutboundDispatched>? OutboundDispatched;

    public void RaiseTurnCompleted(TurnCompleted e) => TurnCompleted?.Invoke(e);

    public void RaiseOutboundDispatched(OutboundDispatched e) => OutboundDispatched?.Invoke(e);
}
