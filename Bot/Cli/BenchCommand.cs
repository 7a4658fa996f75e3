using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using ChatBot.Bot.Hosting;
using ChatBot.Channels.Inbox;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using Microsoft.Data.Sqlite;

namespace ChatBot.Bot.Cli;

/// <summary>
/// <c>bench</c>: simulated people chat through the whole pipeline (inbox → turn → store → outbox →
/// simulator channel) on a temporary SQLite store. Messages arrive at a steady offered rate
/// (<c>--rate</c>, spread over <c>--users</c> people, none of whom writes again before the previous
/// answer arrived), so the latency figures are what a person would see at that load. Prints turns per
/// second, latency percentiles, peak memory and the time each stage spends per batch, and, on the same
/// disk in the same run, the raw SQLite durable-commit rate as the baseline.
/// </summary>
public static class BenchCommand
{
    private static readonly string[] Script =
        ["halo", "1", "menu", "2", "bantuan", "kembali", "english", "bahasa", "batal", "apa kabar?", "3", "menu"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = int.TryParse(CommandLine.Option(args, "--rate"), out var r) && r > 0 ? r : 1000;
        var users = int.TryParse(CommandLine.Option(args, "--users"), out var u) && u > 0 ? u : Math.Max(100, rate / 2);
        var seconds = int.TryParse(CommandLine.Option(args, "--seconds"), out var s) && s > 0 ? s : 10;
        var json = CommandLine.Flag(args, "--json");
        var directory = Path.Combine(Path.GetTempPath(), $"chatbot-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var raw = MeasureRawCommits(Path.Combine(directory, "raw.db"), TimeSpan.FromSeconds(Math.Min(5, seconds)));
            var run = await MeasurePipelineAsync(Path.Combine(directory, "bench.db"), rate, users, TimeSpan.FromSeconds(seconds));
            var turnsPerSecond = Math.Round(run.Turns / run.Elapsed.TotalSeconds, 1);
            var result = new BenchResult(
                OfferedRate: rate,
                Users: users,
                Seconds: seconds,
                Turns: run.Turns,
                Unanswered: run.Unanswered,
                TurnsPerSecond: turnsPerSecond,
                P50Ms: run.Percentile(0.50),
                P95Ms: run.Percentile(0.95),
                P99Ms: run.Percentile(0.99),
                MaxMs: run.Percentile(1.0),
                PeakWorkingSetMb: Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                RawCommitsPerSecond: Math.Round(raw, 1),
                RatioToRaw: Math.Round(turnsPerSecond / raw, 3),
                Durability: "SQLite WAL, synchronous=NORMAL: survives a process crash",
                Stages: run.Stages.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value.Summary()));
            Console.WriteLine(json ? JsonSerializer.Serialize(result, JsonSerializerOptions.Web) : Describe(result));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static string Describe(BenchResult r) =>
        $"""
        Pipeline: {r.OfferedRate} messages/s offered by {r.Users} simulated people for {r.Seconds} s
          (inbox → turn → store → outbox → simulator, temporary SQLite store)
          turns/s             {r.TurnsPerSecond}   ({r.Turns} answered, {r.Unanswered} still waiting at the end)
          latency p50/p95/p99 {r.P50Ms} / {r.P95Ms} / {r.P99Ms} ms (max {r.MaxMs} ms)
          peak working set    {r.PeakWorkingSetMb} MB
        {string.Join("\n", r.Stages.Select(kv => $"  stage {kv.Key,-14} {kv.Value.Batches} batches, {kv.Value.ItemsPerBatch} items/batch, {kv.Value.MsPerBatch} ms/batch, {kv.Value.MicrosecondsPerItem} µs/item"))}
        Baseline: raw SQLite durable commits (3 rows each, WAL, synchronous=NORMAL, same disk)
          commits/s           {r.RawCommitsPerSecond}
          ratio turns/commit  {r.RatioToRaw}
        """;

    /// <summary>Transactions per second of three small rows each, through raw Microsoft.Data.Sqlite.</summary>
    private static double MeasureRawCommits(string path, TimeSpan duration)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b TEXT);";
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t(a, b) VALUES ($a, $b)";
        var a = insert.Parameters.Add("$a", SqliteType.Text);
        var b = insert.Parameters.Add("$b", SqliteType.Text);
        insert.Prepare();
        var stopwatch = Stopwatch.StartNew();
        var commits = 0;
        while (stopwatch.Elapsed < duration)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var i = 0; i < 3; i++)
            {
                a.Value = "+6281234567890";
                b.Value = "halo, saya mau daftar kunjungan";
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            commits++;
        }

        return commits / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<PipelineRun> MeasurePipelineAsync(string path, int rate, int users, TimeSpan duration)
    {
        using var host = BotHost.BuildCommandLine(
            [$"--ConnectionStrings:ChatBot=Data Source={path}", "--Logging:Console:Enabled=false", "--Logging:File:Enabled=false"]);
        await host.StartAsync();
        try
        {
            var inbox = host.Services.GetRequiredService<InboxWriter>();
            var events = host.Services.GetRequiredService<PipelineEvents>();
            var answered = new ConcurrentDictionary<long, TaskCompletionSource>();
            events.OutboundDispatched += e =>
            {
                if (e.InboundMessageId is { } id)
                {
                    answered.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            };

            var stages = new ConcurrentDictionary<string, StageFigures>();
            using var listener = Listen(stages);
            var warmUp = TimeSpan.FromSeconds(2);
            var clock = Stopwatch.StartNew();
            var latencies = new ConcurrentBag<double>();
            var busy = new bool[users];
            var turns = new int[users];
            var inFlight = new List<Task>();
            var unanswered = 0;

            async Task ConverseAsync(int user, TimeSpan due)
            {
                var phone = $"+62812{user:D8}";
                var turn = turns[user]++;
                var stored = await inbox.StoreAsync(
                    new InboundEnvelope(ChannelKind.Simulator, $"bench-{user}-{turn}", phone, "", Script[turn % Script.Length]),
                    CancellationToken.None);
                var done = answered.GetOrAdd(stored.InboundMessageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                try
                {
                    await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    if (due >= warmUp)
                    {
                        latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                    }
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref unanswered);
                }
                finally
                {
                    answered.TryRemove(stored.InboundMessageId, out _);
                    Volatile.Write(ref busy[user], false);
                }
            }

            // Offer messages at the steady rate; a person who still waits for an answer is skipped.
            var interval = TimeSpan.FromSeconds(1.0 / rate);
            var next = TimeSpan.Zero;
            var user = 0;
            while (next < warmUp + duration)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                for (var tried = 0; tried < users; tried++, user = (user + 1) % users)
                {
                    if (!Volatile.Read(ref busy[user]))
                    {
                        busy[user] = true;
                        var due = next;
                        var chosen = user;
                        inFlight.Add(Task.Run(() => ConverseAsync(chosen, due)));
                        user = (user + 1) % users;
                        break;
                    }
                }

                next += interval;
            }

            await Task.WhenAll(inFlight);
            return new PipelineRun(latencies.Order().ToArray(), duration, unanswered, stages);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static MeterListener Listen(ConcurrentDictionary<string, StageFigures> stages)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PipelineMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => stages.GetOrAdd(Stage(tags), _ => new StageFigures()).AddDuration(value));
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => stages.GetOrAdd(Stage(tags), _ => new StageFigures()).AddItems(value));
        listener.Start();
        return listener;
    }

    private static string Stage(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "stage")
            {
                return tag.Value as string ?? "?";
            }
        }

        return "?";
    }

    private sealed class StageFigures
    {
        private long _batches;
        private long _items;
        private double _milliseconds;

        public void AddDuration(double milliseconds)
        {
            lock (this)
            {
                _batches++;
                _milliseconds += milliseconds;
            }
        }

        public void AddItems(int items) => Interlocked.Add(ref _items, items);

        public StageSummary Summary() => new(
            _batches,
            _batches == 0 ? 0 : Math.Round((double)_items / _batches, 1),
            _batches == 0 ? 0 : Math.Round(_milliseconds / _batches, 2),
            _items == 0 ? 0 : Math.Round(_milliseconds * 1000 / _items, 1));
    }

    private sealed record StageSummary(long Batches, double ItemsPerBatch, double MsPerBatch, double MicrosecondsPerItem);

    private sealed record PipelineRun(double[] SortedLatencies, TimeSpan Elapsed, int Unanswered, ConcurrentDictionary<string, StageFigures> Stages)
    {
        public int Turns => SortedLatencies.Length;

        public double Percentile(double p)
        {
            if (SortedLatencies.Length == 0)
            {
                return 0;
            }

            var index = Math.Clamp((int)Math.Ceiling(p * SortedLatencies.Length) - 1, 0, SortedLatencies.Length - 1);
            return Math.Round(SortedLatencies[index], 2);
        }
    }

    private sealed record BenchResult(
        int OfferedRate,
        int Users,
        int Seconds,
        int Turns,
        int Unanswered,
        double TurnsPerSecond,
        double P50Ms,
        double P95Ms,
        double P99Ms,
        double MaxMs,
        double PeakWorkingSetMb,
        double RawCommitsPerSecond,
        double RatioToRaw,
        string Durability,
        IReadOnlyDictionary<string, StageSummary> Stages);
}
