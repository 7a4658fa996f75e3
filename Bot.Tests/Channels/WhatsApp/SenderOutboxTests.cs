using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Outbox;
using ChatBot.Channels.Pipeline;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// The real outbox dispatcher sending through the WhatsApp sender to a fake Twilio that misbehaves:
/// nothing is lost, nothing is sent twice, and refusals are recorded on the rows.
/// </summary>
public sealed class SenderOutboxTests : IAsyncLifetime
{
    // A timeout that fires after the fake took a message makes the outbox send it again (the documented
    // trade-off), so "exactly once" holds only if the sender never gives up on an answer that is on its way.
    // The fake and the sender share this process, and a full test run on a busy machine stalls it for a
    // second or more at times; when timers are overdue on waking, the sender's timeout can beat the 201
    // already in its socket, or the fake's delay can end before it sees the hang-up. So the timeout is
    // well beyond such stalls and the slow answer far beyond the timeout; the fake's wait ends at the hang-up.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromMinutes(2);

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
    public async Task Under_a_fault_script_every_message_arrives_exactly_once_in_order_and_refusals_are_recorded()
    {
        // The outbox's clock is fake so retries fall due at once; the sender waits in real time (the fake is real).
        var outboxTime = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var now = outboxTime.GetUtcNow().UtcDateTime;
        var numbers = Enumerable.Range(0, 12).Select(i => $"+62812000040{i:00}").Append("+6281999000301").ToList();
        var conversations = await _store.AddConversationsAsync(numbers, now.AddMinutes(-1));
        var rows = new List<(long, string, string)>();
        for (var turn = 0; turn < 3; turn++)
        {
            for (var c = 0; c < numbers.Count; c++)
            {
                var body = c == 5 && turn == 1
                    ? string.Join('\n', Enumerable.Range(1, 40).Select(i => $"Pesan panjang {c}/{turn}, baris {i}: syarat kunjungan."))
                    : $"Balasan {turn} untuk percakapan {c}";
                rows.Add((conversations[c], numbers[c], body));
            }
        }

        var queued = await _store.QueueAsync(rows, now);
        _twilio.AlwaysFor("+6281999000301", FakeFault.InvalidTo());
        _twilio.FailNext(
            FakeFault.ServerError(),
            FakeFault.Unavailable(),
            FakeFault.TooManyRequests("1"),
            FakeFault.ServerError(),
            FakeFault.ServerError(),
            FakeFault.ServerError(),
            FakeFault.TooManyRequests("30"),
            FakeFault.Slow(SlowAnswer), // the sender hangs up first: Twilio did not take it
            FakeFault.Unavailable(),
            FakeFault.Unavailable(),
            FakeFault.Unavailable());

        using var sender = new TwilioSender(
            _http, _twilio.Options(maxSendsPerSecond: 100), _store.Factory, TimeProvider.System, NullLogger<TwilioSender>.Instance,
            new TwilioResilienceOptions { AttemptTimeout = AttemptTimeout, FirstRetryDelay = TimeSpan.FromMilliseconds(20) });
        var dispatcher = new OutboxDispatcher(
            _store.Factory, [sender], new PipelineEvents(), new OutboxOptions(), outboxTime, NullLogger<OutboxDispatcher>.Instance);

        for (var pass = 0; pass < 20 && (await _store.OutboxAsync()).Any(r => r.Status == OutboundStatus.Queued); pass++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            outboxTime.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(0, _twilio.PendingFaults);
        var outbox = await _store.OutboxAsync();
        var accepted = _twilio.Accepted;
        Assert.Equal(queued.Select(q => q.Id), outbox.Select(r => r.Id));
        foreach (var row in outbox)
        {
            if (row.To == "+6281999000301")
            {
                Assert.Equal(OutboundStatus.Failed, row.Status);
                Assert.Equal("21211", row.ErrorCode);
                Assert.Equal("The 'To' number is not a valid phone number.", row.ErrorMessage);
                continue;
            }

            Assert.Equal(OutboundStatus.Sent, row.Status);
            var parts = MessageSplitter.Split(row.Body);
            var delivered = accepted.Where(a => a.To == "whatsapp:" + row.To && parts.Contains(a.Body)).ToList();
            Assert.Equal(parts, delivered.Select(a => a.Body)); // each part once, in order
            Assert.Equal(delivered[^1].Sid, row.ProviderMessageId);
        }

        // Each person received their messages in the order they were committed.
        foreach (var number in numbers.SkipLast(1))
        {
            var expected = outbox.Where(r => r.To == number).SelectMany(r => MessageSplitter.Split(r.Body));
            Assert.Equal(expected, accepted.Where(a => a.To == "whatsapp:" + number).Select(a => a.Body));
        }

        Assert.Equal(outbox.Count(r => r.Status == OutboundStatus.Sent) + 1, accepted.Count); // the long row is two messages
        Assert.True(outbox.Any(r => r.Attempts > 0), "some rows went back to the outbox at least once");
        var abandoned = await HungUpOnAsync(); // the slow one timed out, then went out again, once
        Assert.Single(accepted, a => a.To == abandoned.To && a.Body == abandoned.Body);
    }

    /// <summary>The request the sender hung up on; the fake records it when it notices, maybe after the sender moved on.</summary>
    private async Task<FakeTwilioRequest> HungUpOnAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var hungUp = _twilio.Requests.Where(r => r.Status == 499).ToList();
            if (hungUp.Count > 0 || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return Assert.Single(hungUp);
            }

            await Task.Delay(20);
        }
    }
}
