using ChatBot.Domain.Events;

namespace ChatBot.Domain.Persistence;

/// <summary>
/// One turn's work on the store: what the domain operations a dialog calls read and change, the
/// turn's clock and cancellation, and the events to publish once it has committed. The store
/// itself is reachable only from the domain, so a dialog changes data only through a domain
/// operation, and everything it changes commits (or is dropped) with the turn's replies.
/// </summary>
public sealed class UnitOfWork(ChatBotDb db, DateTime utcNow, CancellationToken cancellationToken)
{
    private readonly List<IDomainEvent> _raised = [];

    internal ChatBotDb Db => db;

    public DateTime UtcNow => utcNow;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Tells whoever listens (the console's live pages, the pipeline) of a change, once the work has committed.</summary>
    public void Raise(IDomainEvent change) => _raised.Add(change);

    /// <summary>Publishes what was raised; call after the commit (a failed commit drops it).</summary>
    public void PublishTo(DomainEvents events)
    {
        foreach (var change in _raised)
        {
            events.Publish(change);
        }

        _raised.Clear();
    }
}
