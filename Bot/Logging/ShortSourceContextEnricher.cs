using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ChatBot.Bot.Logging;

/// <summary>
/// Adds <c>ShortSourceContext</c>: the type name part of <c>SourceContext</c>
/// (<c>ChatBot.Bot.Dialogs.VisitDialog</c> becomes <c>VisitDialog</c>), which keeps console lines short.
/// </summary>
internal sealed class ShortSourceContextEnricher : ILogEventEnricher
{
    public const string PropertyName = "ShortSourceContext";

    // One entry per logger category saves an allocation per event. Categories are normally a fixed
    // set of type names; the cap keeps a caller that builds them dynamically from growing it forever.
    private const int CacheLimit = 1024;

    private readonly ConcurrentDictionary<string, LogEventProperty> _cache = new(StringComparer.Ordinal);

    // Events without a category (e.g. from the static Log class) still get the property, so the
    // console line keeps its shape.
    private static readonly LogEventProperty NoContext = new(PropertyName, new ScalarValue("-"));

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var property = logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var value)
            && value is ScalarValue { Value: string sourceContext }
                ? GetProperty(sourceContext)
                : NoContext;
        logEvent.AddPropertyIfAbsent(property);
    }

    private LogEventProperty GetProperty(string sourceContext)
    {
        if (_cache.TryGetValue(sourceContext, out var cached))
        {
            return cached;
        }

        var property = new LogEventProperty(PropertyName, new ScalarValue(ShortName(sourceContext)));
        if (_cache.Count < CacheLimit)
        {
            _cache.TryAdd(sourceContext, property);
        }

        return property;
    }

    internal static string ShortName(string sourceContext)
    {
        // Generic type names contain dots inside their argument list ("Foo`1[[…]]" from Serilog,
        // "Foo<Bar>" from Microsoft.Extensions.Logging); cut before it.
        var end = sourceContext.AsSpan().IndexOfAny('`', '<');
        var name = end < 0 ? sourceContext : sourceContext[..end];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
