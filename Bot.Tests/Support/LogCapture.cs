using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// Keeps what a test host logged (at the host's level, Warning unless the test sets
/// <c>Logging:Level</c>), so a failing test can say what the service saw.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        var line = $"{logEvent.Timestamp:HH:mm:ss.fff} {logEvent.Level} {logEvent.RenderMessage(CultureInfo.InvariantCulture)}";
        if (logEvent.Exception is not null)
        {
            line += Environment.NewLine + logEvent.Exception;
        }
        _lines.Enqueue(line);
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    public override string ToString() => string.Join(Environment.NewLine, _lines);
}
