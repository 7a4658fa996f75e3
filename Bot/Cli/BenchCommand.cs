using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ChatBot.Bot.Hosting;
using ChatBot.Channels.Inbox;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using Microsoft.Data.Sqlite;

namespace ChatBot.Bot.Cli;

/// <summary>
/// <c>bench</c>: simulated users chat through the whole pipeline (inbox → turn → store → outbox →
/// simulator channel) on a temporary SQLite store, each waiting for the answer before writing again.
/// Prints turns per second, turn latency and peak memory, and, on the same disk in the same run,
/// the raw SQLite durable-commit rate as the baseline the pipeline is compared with.
/// </summary>
public static class BenchCommand
{
    private static readonly string[] Script =
        ["halo", "1", "menu", "2", "bantuan", "kembali", "english", "bahasa", "batal", "apa kabar?", "3", "menu"];

    public static async Task<int> RunAsync(string[] args)
    {
        var users = int.TryParse(CommandLine.Option(args, "--users"), out var u) && u > 0 ? u : 64;
        var seconds = int.TryParse(CommandLine.Option(args, "--seconds"), out var s) && s > 0 ? s : 10;
        var json = CommandLine.Flag(args, "--json");
        var directory = Path.Combine(Path.GetTempPath(), $"chatbot-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var raw = MeasureRawCommits(Path.Combine(directory, "raw.db"), TimeSpan.FromSeconds(Math.Min(5, seconds)));
            var pipeline = await MeasurePipelineAsync(Path.Combine(directory, "bench.db"), users, TimeSpan.FromSeconds(seconds));
            var result = new BenchResult(
                Users: users,
                Seconds: seconds,
                Turns: pipeline.Turns,
                TurnsPerSecond: Math.Round(pipeline.Turns / pipeline.Elapsed.TotalSeconds, 1),
                P50Ms: pipeline.Percentile(0.50),
                P95Ms: pipeline.Percentile(0.95),
                P99Ms: pipeline.Percentile(0.99),
                MaxMs: pipeline.Percentile(1.0),
                PeakWorkingSetMb: Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                RawCommitsPerSecond: Math.Round(raw, 1),
                RatioToRaw: Math.Round(pipeline.Turns / pipeline.Elapsed.TotalSeconds / raw, 3),
                Durability: "SQLite WAL, synchronous=NORMAL: survives a process crash");
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
            }
            else
            {
                Console.WriteLine($"""
                    Pipeline: {result.Users} simulated users for {result.Seconds} s (inbox → turn → store → outbox → simulator)
                      turns/s            {result.TurnsPerSecond}
                      latency p50/p95/p99 {result.P50Ms} / {result.P95Ms} / {result.P99Ms} ms (max {result.MaxMs} ms)
                      peak working set   {result.PeakWorkingSetMb} MB
                    Baseline: raw SQLite durable commits (3 rows each, WAL, synchronous=NORMAL, same disk)
                      commits/s          {result.RawCommitsPerSecond}
                      ratio turns/commit {result.RatioToRaw}
                    """);
            }

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

    private static async Task<PipelineFigures> MeasurePipelineAsync(string path, int users, TimeSpan duration)
    {
        using var host = BotHost.BuildCommandLine(
            [$"--ConnectionStrings:ChatBot=Data Source={path}", "--Logging:File:Enabled=false"],
            b => b.Logging.ClearProviders());
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

            var warmUp = TimeSpan.FromSeconds(2);
            var clock = Stopwatch.StartNew();
            var latencies = new ConcurrentBag<double>();
            var tasks = Enumerable.Range(0, users).Select(user => Task.Run(async () =>
            {
                var phone = $"+62812{user:D8}";
                for (var turn = 0; clock.Elapsed < warmUp + duration; turn++)
                {
                    var started = clock.Elapsed;
                    var stored = await inbox.StoreAsync(
                        new InboundEnvelope(ChannelKind.Simulator, $"bench-{user}-{turn}", phone, "", Script[turn % Script.Length]),
                        CancellationToken.None);
                    var done = answered.GetOrAdd(stored.InboundMessageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    answered.TryRemove(stored.InboundMessageId, out _);
                    if (started >= warmUp && clock.Elapsed <= warmUp + duration)
                    {
                        latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                    }
                }
            })).ToArray();
            await Task.WhenAll(tasks);
            return new PipelineFigures(latencies.Order().ToArray(), duration);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed record PipelineFigures(double[] SortedLatencies, TimeSpan Elapsed)
    {
        public int Turns => SortedLatencies.Length;

        public double Percentile(double p) =>
            SortedLatencies.Length == 0 ? 0 : Math.Round(SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p * SortedLatencies.Length) - 1 < 0 ? 0 : (int)Math.Ceiling(p * SortedLatencies.Length) - 1)], 2);
    }

    private sealed record BenchResult(
        int Users,
        int Seconds,
        int Turns,
        double TurnsPerSecond,
        double P50Ms,
        double P95Ms,
        double P99Ms,
        double MaxMs,
        double PeakWorkingSetMb,
        double RawCommitsPerSecond,
        double RatioToRaw,
        string Durability);
}
