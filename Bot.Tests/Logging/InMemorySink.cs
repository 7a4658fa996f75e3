using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace ChatBot.Bot.Tests.Logging;

/// <summary>Collects log events so tests can inspect what reached the sinks.</summary>
internal sealed class InMemorySink : ILogEventSink
{
    private readonly List<LogEvent> _events = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public LogEvent Single => Assert.Single(Events);

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            _events.Add(logEvent);
        }
    }

    /// <summary>A logger with the masking enricher, the way the application configures it.</summary>
    public static (Logger Logger, InMemorySink Sink) CreateMaskingLogger()
    {
        var sink = new InMemorySink();
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .Enrich.With(new ChatBot.Bot.Logging.PersonalDataMaskingEnricher())
            .WriteTo.Sink(sink)
            .CreateLogger();
        return (logger, sink);
    }

    public static string Render(LogEvent logEvent, string template = "{Message:lj}")
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        new MessageTemplateTextFormatter(template, System.Globalization.CultureInfo.InvariantCulture).Format(logEvent, writer);
        return writer.ToString();
    }
}
