using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Outbox;
using ChatBot.Channels.Pipeline;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>Timing-sensitive: runs alone, after the parallel tests, so other tests' load does not skew it.</summary>
[CollectionDefinition(nameof(RateLimitCollection), DisableParallelization = true)]
public sealed class RateLimitCollection;

/// <summary>The WhatsApp sender's rate limit, measured where it matters: at Twilio's door.</summary>
[Collection(nameof(RateLimitCollection))]
public sealed class RateLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SenderTestStore _store = new();
    private readonly HttpClient _http = TwilioSender.CreateHttpClient();
    private FakeTwilioServer _twilio = null!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _twilio = await FakeTwilioServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _twilio.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_thousand_queued_replies_never_exceed_the_limit_in_any_second_and_go_out_near_it()
    {
        const int count = 1000;
        const int limit = 250;
        var outboxTime = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var now = outboxTime.GetUtcNow().UtcDateTime;
        var numbers = Enumerable.Range(0, count).Select(i => $"+6281300{i:000000}").ToList();
        var conversations = await _store.AddConversationsAsync(numbers, now);
        await _store.QueueAsync(numbers.Select((n, i) => (conversations[i], n, $"Balasan nomor {i}")), now);

        using var sender = new TwilioSender(
            _http, _twilio.Options(maxSendsPerSecond: limit), _store.Factory, TimeProvider.System, NullLogger<TwilioSender>.Instance);
        var dispatcher = new OutboxDispatcher(
            _store.Factory, [sender], new PipelineEvents(), new OutboxOptions(), outboxTime, NullLogger<OutboxDispatcher>.Instance);
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }

        var arrivals = _twilio.Requests.Select(r => r.ArrivedAt).Order().ToList();
        var maxInWindow = FakeTwilioServer.MaxInAnyWindow(arrivals, TimeSpan.FromSeconds(1));
        var overall = (count - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        var steady = (count * 8 / 10) / (arrivals[count * 9 / 10] - arrivals[count / 10]).TotalSeconds; // the middle 80 %
        var figures = $"{count} sends: max in any 1 s window {maxInWindow} (limit {limit}), achieved {steady:0}/s steady "
            + $"({steady / limit:P0}), {overall:0}/s overall, {(arrivals[^1] - arrivals[0]).TotalSeconds:0.00} s";
        output.WriteLine(figures);
        System.Console.WriteLine(figures);

        Assert.Equal(count, _twilio.Accepted.Count);
        Assert.Equal(count, _twilio.Accepted.Select(r => r.Body).Distinct().Count());
        Assert.All(await _store.OutboxAsync(), r => Assert.Equal(OutboundStatus.Sent, r.Status));
        Assert.True(maxInWindow <= limit, figures);
        Assert.True(steady >= 0.9 * limit, figures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(80)]
    [InlineData(250)]
    public void However_late_answers_come_no_second_at_Twilio_sees_more_than_the_limit(int limit)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        using var limiter = new SendRateLimiter(limit, time);
        var random = new Random(limit);
        var start = time.GetTimestamp();
        var open = new List<(System.Threading.RateLimiting.RateLimitLease Lease, TimeSpan Left, TimeSpan Answered)>();
        var done = new List<(TimeSpan Left, TimeSpan Answered)>();

        // 20 simulated seconds in 1 ms steps: heavy demand with a pause every third second; most answers
        // come in a few milliseconds, one in twenty after 0.2 to 0.9 s.
        for (var ms = 0; ms < 20_000; ms++)
        {
            var now = time.GetElapsedTime(start);
            foreach (var due in open.Where(o => o.Answered <= now).ToList())
            {
                due.Lease.Dispose();
                open.Remove(due);
                done.Add((due.Left, due.Answered));
            }

            var demand = ms / 1000 % 3 == 2 ? 0 : random.Next(1, (3 * limit / 100) + 3);
            for (var i = 0; i < demand; i++)
            {
                var lease = limiter.AttemptAcquire();
                if (!lease.IsAcquired)
                {
                    break;
                }

                var latency = random.NextDouble() < 0.05 ? random.Next(200, 900) : random.Next(1, 5);
                open.Add((lease, now, now + TimeSpan.FromMilliseconds(latency)));
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        // A request arrives somewhere between leaving and being answered: try the extremes and a mix.
        var second = TimeSpan.FromSeconds(1);
        var leaving = FakeTwilioServer.MaxInAnyWindow(done.Select(d => d.Left), second);
        var answered = FakeTwilioServer.MaxInAnyWindow(done.Select(d => d.Answered), second);
        var mixed = FakeTwilioServer.MaxInAnyWindow(done.Select(d => random.Next(2) == 0 ? d.Left : d.Answered), second);
        output.WriteLine($"limit {limit}: {done.Count} requests; most in any second when leaving {leaving}, when answered {answered}, mixed {mixed}");
        Assert.InRange(leaving, Math.Max(1, limit * 9 / 10), limit);
        Assert.InRange(answered, 1, limit);
        Assert.InRange(mixed, 1, limit);
    }

    [Fact]
    public void With_quick_answers_requests_leave_evenly_at_the_limit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        using var limiter = new SendRateLimiter(250, time);
        var start = time.GetTimestamp();
        var left = new List<TimeSpan>();
        var open = new Queue<(System.Threading.RateLimiting.RateLimitLease Lease, int AnsweredAt)>();
        for (var ms = 0; ms < 5_000; ms++)
        {
            while (open.TryPeek(out var o) && o.AnsweredAt <= ms)
            {
                open.Dequeue().Lease.Dispose();
            }

            System.Threading.RateLimiting.RateLimitLease lease;
            while ((lease = limiter.AttemptAcquire()).IsAcquired)
            {
                left.Add(time.GetElapsedTime(start));
                open.Enqueue((lease, ms + 2));
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var steady = left.Count(l => l >= TimeSpan.FromSeconds(1) && l < TimeSpan.FromSeconds(5)) / 4.0;
        var busiestMillisecond = left.GroupBy(l => (int)l.TotalMilliseconds).Max(g => g.Count());
        output.WriteLine($"250/s limit: {steady:0}/s steady, at most {busiestMillisecond} in one millisecond");
        Assert.InRange(steady, 240, 250);
        Assert.True(busiestMillisecond <= limiter.Burst);
    }

    [Fact]
    public async Task Waiting_callers_are_served_in_order_at_the_paced_rate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        using var limiter = new SendRateLimiter(10, time);
        var start = time.GetTimestamp();
        var served = new System.Collections.Concurrent.ConcurrentQueue<(int Caller, TimeSpan At)>();
        var waits = Enumerable.Range(0, 4)
            .Select(i => limiter.AcquireAsync().AsTask().ContinueWith(
                t =>
                {
                    served.Enqueue((i, time.GetElapsedTime(start)));
                    return t.Result;
                },
                TaskContinuationOptions.ExecuteSynchronously))
            .ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Task.WhenAll(waits).IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Delay(2);
        }

        Assert.All(waits, w => Assert.True(w.IsCompletedSuccessfully && w.Result.IsAcquired));
        Assert.Equal([0, 1, 2, 3], served.Select(s => s.Caller));
        Assert.All(served, s => Assert.InRange(s.At.TotalMilliseconds, s.Caller * 100, (s.Caller * 100) + 50));
    }

    [Fact]
    public void A_permit_is_held_until_one_second_after_the_answer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        using var limiter = new SendRateLimiter(3, time);
        var leases = new List<System.Threading.RateLimiting.RateLimitLease>();
        for (var i = 0; i < 3; i++)
        {
            var lease = limiter.AttemptAcquire();
            Assert.True(lease.IsAcquired);
            leases.Add(lease);
            time.Advance(TimeSpan.FromMilliseconds(400));
        }

        // 1.2 s: three requests still unanswered, so none may leave, however long ago they left.
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        leases[0].Dispose();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }
}
