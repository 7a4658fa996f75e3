using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatBot.Channels.Pipeline;

/// <summary>
/// How long each pipeline stage spends per batch and how many items a batch holds, as standard
/// .NET metrics (meter <c>ChatBot.Pipeline</c>): the benchmark reads them, and so can any metrics
/// collector an office runs.
/// </summary>
public static class PipelineMetrics
{
    public const string MeterName = "ChatBot.Pipeline";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Milliseconds per batch, tagged with the stage (<c>inbox</c>, <c>turns</c>, <c>outbox</c>).</summary>
    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("chatbot.pipeline.batch.duration", "ms");

    /// <summary>Items per batch, tagged with the stage.</summary>
    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("chatbot.pipeline.batch.size");

    /// <summary>Records one batch of <paramref name="items"/> that started at <paramref name="startedTimestamp"/>.</summary>
    public static void Record(string stage, long startedTimestamp, int items)
    {
        var tag = new KeyValuePair<string, object?>("stage", stage);
        BatchDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, tag);
        BatchSize.Record(items, tag);
    }
}
