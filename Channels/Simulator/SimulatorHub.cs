using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ChatBot.Channels.Simulator;

/// <summary>A message the simulated phone receives; <see cref="CreatedAt"/> is when the outbox row was written.</summary>
public sealed record SimulatorDelivery(long OutboundId, long? InboundMessageId, string To, string Body, DateTime SentAt, DateTime CreatedAt);

/// <summary>
/// The simulated phones: the simulator sender delivers here, and every open simulator page or
/// chat session for that number receives it.
/// </summary>
public sealed class SimulatorHub
{
    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();

    public void Deliver(SimulatorDelivery delivery)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Address is null || subscriber.Address == delivery.To)
            {
                subscriber.Channel.Writer.TryWrite(delivery);
            }
        }
    }

    /// <summary>Receives what is delivered to <paramref name="address"/> (every number when null) until disposed.</summary>
    public Subscription Subscribe(string? address)
    {
        var subscriber = new Subscriber(address, Channel.CreateUnbounded<SimulatorDelivery>(new UnboundedChannelOptions { SingleReader = true }));
        var id = Guid.NewGuid();
        _subscribers[id] = subscriber;
        return new Subscription(subscriber.Channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    public sealed class Subscription(ChannelReader<SimulatorDelivery> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<SimulatorDelivery> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }

    private sealed record Subscriber(string? Address, Channel<SimulatorDelivery> Channel);
}
