namespace ChatBot.Domain.Events;

/// <summary>Something that changed in the store, told after it committed (never before: a listener may read it back).</summary>
public interface IDomainEvent;

/// <summary>A request (complaint, integration request, …) took a step or was filed.</summary>
public sealed record RequestChanged(string Kind, int OfficeId, long RequestId) : IDomainEvent;

/// <summary>A record a console page shows changed (a visit, a litmas case): <paramref name="Kind"/> as the page listens for it.</summary>
public sealed record RecordChanged(string Kind, int OfficeId, string Subject) : IDomainEvent;

/// <summary>Outbox rows were committed: the dispatcher should look.</summary>
public sealed record MessagesQueued : IDomainEvent;

/// <summary>Turns were queued for the turn processor (a step that moves a person's dialog).</summary>
public sealed record TurnsQueued : IDomainEvent;

/// <summary>
/// In-process publication of domain events to whoever listens (the pipeline's signals, the
/// console's live updates). Flows and services raise events here and never call the console.
/// </summary>
public sealed class DomainEvents
{
    private readonly List<Action<IDomainEvent>> _listeners = [];
    private readonly Lock _gate = new();

    public void Subscribe(Action<IDomainEvent> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }
    }

    public void Publish(IDomainEvent e)
    {
        Action<IDomainEvent>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            listener(e);
        }
    }
}
