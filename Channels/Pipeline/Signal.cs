using System.Threading.Channels;

namespace ChatBot.Channels.Pipeline;

/// <summary>
/// An auto-reset wake-up call between pipeline stages: many <see cref="Set"/> calls before a
/// wait collapse into one wake-up, and a worker that finds nothing to do waits again.
/// </summary>
public sealed class Signal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Set() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until set, or until the timeout passes (so a worker also rechecks its store).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return;
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the caller looks at the store anyway.
        }
    }
}
