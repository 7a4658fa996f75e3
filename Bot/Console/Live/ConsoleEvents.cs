using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ChatBot.Bot.OfficerConsole.Live;

/// <summary>Something officers of an office should see without reloading.</summary>
/// <param name="Kind">
/// <c>message</c> (a message arrived or was sent), <c>handover</c> (the queue changed),
/// <c>status</c> (a record changed state); pages listen for the kinds they show.
/// </param>
/// <param name="OfficeId">Only officers who may see this office receive it.</param>
/// <param name="Subject">What changed, e.g. <c>conversation/42</c>; never personal data.</param>
public sealed record ConsoleEvent(string Kind, int OfficeId, string Subject);

/// <summary>
/// Live updates for the console: publishers (pipeline, handover, flows) tell what changed; each open
/// console page holds a subscription (server-sent events) and refreshes what it shows.
/// </summary>
public sealed class ConsoleEvents
{
    private readonly ConcurrentDictionary<Guid, Channel<ConsoleEvent>> _subscribers = new();

    public void Publish(ConsoleEvent e)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Writer.TryWrite(e);
        }
    }

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<ConsoleEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    public sealed class Subscription(ChannelReader<ConsoleEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<ConsoleEvent> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
