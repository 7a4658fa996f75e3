using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChatBot.Channels.WhatsApp;

/// <summary>How hard one send to Twilio tries before the outbox takes over. The defaults suit production.</summary>
public sealed class TwilioResilienceOptions
{
    /// <summary>Longest wait for Twilio's answer to one request.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Quick retries inside one send, only where resending cannot duplicate the message.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First quick-retry delay; grows exponentially, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A 429/503 asking to wait longer than this is not waited for here: the outbox retries after it.</summary>
    public TimeSpan MaxRetryAfterInRequest { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The circuit opens when at least this share of the attempts failed …</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>… within this period …</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>… with at least this many attempts, and stays open this long.</summary>
    public int MinimumThroughput { get; init; } = 20;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The request never left this machine (no connection, DNS failure, connect timeout): Twilio cannot
/// have seen it, so sending it again is safe.
/// </summary>
public sealed class TwilioNotSentException(string reason, Exception inner) : Exception($"The request to Twilio was not sent: {reason}.", inner)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// The Polly pipeline around one request to Twilio, outermost first:
/// <list type="number">
/// <item>retry: at most <see cref="TwilioResilienceOptions.MaxRetries"/> quick retries (exponential backoff with
/// jitter from 200 ms), only for answers that prove Twilio did not take the message — the request never
/// left (<see cref="TwilioNotSentException"/>), 429/20429, 500 and 503/20503 — and only when Twilio's
/// <c>Retry-After</c> is at most 5 s (then exactly that long). A timeout or a connection lost after the
/// request went out is never retried here: Twilio may have accepted it.</item>
/// <item>circuit breaker: when half the attempts over 10 s (at least 20) failed with 5xx, 429, a network
/// error or a timeout, calls fail at once with <see cref="BrokenCircuitException"/> for 15 s.</item>
/// <item>rate limiter: <see cref="SendRateLimiter"/>, waiting (never rejecting) so that no second sees more
/// than <see cref="TwilioOptions.MaxSendsPerSecond"/> requests; retries take their turn like any request.</item>
/// <item>timeout: <see cref="TwilioResilienceOptions.AttemptTimeout"/> per request (the limiter's wait not included).</item>
/// </list>
/// </summary>
public static class TwilioResilience
{
    /// <summary>The outbox row an attempt belongs to, for the logs.</summary>
    public static readonly ResiliencePropertyKey<long> OutboundId = new("chatbot.outbound-id");

    public static ResiliencePipeline<TwilioReply> Build(TwilioResilienceOptions options, RateLimiter limiter, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<TwilioReply> { TimeProvider = time, Name = "twilio" };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<TwilioReply>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsSafeToRetry(args.Outcome, options)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    logger.LogDebug(
                        "Twilio attempt {Attempt} for outbound {OutboundId} failed ({Reason}); retrying in {Delay} ms",
                        args.AttemptNumber + 1, Id(args.Context), Describe(args.Outcome), (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<TwilioReply>
        {
            FailureRatio = options.FailureRatio,
            SamplingDuration = options.SamplingDuration,
            MinimumThroughput = options.MinimumThroughput,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            OnOpened = args =>
            {
                logger.LogWarning("Twilio circuit opened for {Seconds} s after repeated failures (last: {Reason})",
                    (int)args.BreakDuration.TotalSeconds, Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Twilio circuit closed: sending again");
                return ValueTask.CompletedTask;
            },
        });
        builder.AddRateLimiter(limiter);
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>Whether another attempt right now cannot make Twilio send the message twice.</summary>
    public static bool IsSafeToRetry(Outcome<TwilioReply> outcome, TwilioResilienceOptions options) => outcome switch
    {
        { Exception: TwilioNotSentException } => true,
        { Result: { } reply } when reply.IsRateLimited || reply.Status is 500 or 503 || reply.Code == 20503 =>
            reply.RetryAfter is not { } wait || wait <= options.MaxRetryAfterInRequest,
        _ => false,
    };

    /// <summary>What the circuit breaker counts as Twilio (or the way to it) failing.</summary>
    public static bool IsFailure(Outcome<TwilioReply> outcome) => outcome switch
    {
        { Exception: TwilioNotSentException or TimeoutRejectedException or HttpRequestException or IOException } => true,
        { Result: { } reply } => reply.Status >= 500 || reply.IsRateLimited,
        _ => false,
    };

    private static long Id(ResilienceContext context) => context.Properties.GetValue(OutboundId, 0);

    private static string Describe(Outcome<TwilioReply> outcome) => outcome switch
    {
        { Exception: TwilioNotSentException e } => e.Reason,
        { Exception: { } e } => e.GetType().Name,
        { Result: { Code: { } code } reply } => $"HTTP {reply.Status}, code {code}",
        { Result: { } reply } => $"HTTP {reply.Status}",
        _ => "unknown",
    };
}

/// <summary>
/// The sender's rate limit: no sliding second sees more than <see cref="Limit"/> requests arrive at
/// Twilio, whatever the network does; within that, requests are paced evenly. Callers wait (first come,
/// first served) instead of being refused.
/// </summary>
/// <remarks>
/// <para><b>The ceiling.</b> A limiter that only counts when requests leave cannot promise anything about
/// when they arrive: a request held up on the way (a slow connection, a paused process) arrives late,
/// together with the ones sent after it. So a request here holds its permit from the moment it leaves
/// until one second after its answer came back (the lease is disposed), and a new request leaves only
/// while fewer than <see cref="Limit"/> permits are held. Proof: take any second [w, w+1) at Twilio and,
/// of the requests arriving in it, the one that left last, at t &lt; w+1. Every other one left before t
/// and was answered after it arrived, so after w &gt; t−1: it still held its permit at t. Hence fewer than
/// <see cref="Limit"/> others, and at most <see cref="Limit"/> in all.</para>
/// <para>The price is that a permit is held for one second plus the answer time: with Twilio answering
/// in 0.3 s the sender reaches about 1/1.3 = 77 % of the limit, on a local network nearly all of it.</para>
/// <para><b>The pace.</b> Within the ceiling, requests leave at most <see cref="Limit"/> per second, evenly
/// (a token bucket refilled continuously, GCRA form), with a burst of 2 % of the limit after a pause, so a
/// queue of messages goes out as a steady stream rather than a rush at the start of every second.</para>
/// <para>Why not <see cref="TokenBucketRateLimiter"/>: it refills in steps on its own timer (not a
/// <see cref="TimeProvider"/>), a bucket full after a pause adds its content to the refills of the next
/// second (110 % of the limit with 1/10 every 100 ms), and like any limiter that counts departures it
/// says nothing about arrivals.</para>
/// <para>Only one permit per acquisition is supported (one request).</para>
/// </remarks>
public sealed class SendRateLimiter : RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly long _tolerance;
    private readonly long _window;
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Queue<long> _answered = new();
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _next;
    private int _inFlight;
    private long _waiting;
    private long _granted;
    private long _lastActivity;

    /// <param name="limit">Most requests arriving in any sliding second (and most leaving per second).</param>
    /// <param name="time">The clock.</param>
    public SendRateLimiter(int limit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _time = time;
        Limit = limit;
        Burst = Math.Max(1, limit / 50);
        _window = (long)Math.Ceiling(Window.TotalSeconds * time.TimestampFrequency);
        _interval = (long)Math.Ceiling((double)time.TimestampFrequency / limit);
        _tolerance = (Burst - 1) * _interval;
        _next = _lastActivity = time.GetTimestamp();
    }

    public int Limit { get; }

    /// <summary>Requests that may leave together after a pause.</summary>
    public int Burst { get; }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                Expire(now);
                return _inFlight == 0 && _answered.Count == 0 && Interlocked.Read(ref _waiting) == 0
                    ? _time.GetElapsedTime(_lastActivity, now)
                    : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Expire(_time.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, Limit - _inFlight - _answered.Count),
                CurrentQueuedCount = Interlocked.Read(ref _waiting),
                TotalSuccessfulLeases = Interlocked.Read(ref _granted),
                TotalFailedLeases = 0,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        if (!_turnstile.Wait(0))
        {
            return Refused(Window); // others are waiting: first come, first served
        }

        try
        {
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                var wait = WaitBeforeNext(now);
                if (wait > 0)
                {
                    return Refused(_time.GetElapsedTime(now, now + wait));
                }

                return permitCount == 0 ? new Lease(null) : Take(now);
            }
        }
        finally
        {
            _turnstile.Release();
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        if (permitCount == 0)
        {
            return new Lease(null);
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _turnstile.WaitAsync(cancellationToken);
            try
            {
                while (true)
                {
                    long wait;
                    Task released;
                    lock (_gate)
                    {
                        var now = _time.GetTimestamp();
                        wait = WaitBeforeNext(now);
                        if (wait == 0)
                        {
                            return Take(now);
                        }

                        released = _released.Task;
                    }

                    // Wake when the time is up, or earlier when a request is answered (its permit then has an end).
                    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    await Task.WhenAny(released, Task.Delay(TimeSpan.FromSeconds(wait / (double)_time.TimestampFrequency), _time, stop.Token));
                    await stop.CancelAsync();
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            finally
            {
                _turnstile.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turnstile.Dispose();
        }
    }

    /// <summary>Timestamp ticks until the next request may leave (0: now). Under <see cref="_gate"/>.</summary>
    private long WaitBeforeNext(long now)
    {
        Expire(now);
        if (_inFlight + _answered.Count >= Limit)
        {
            // The ceiling: wait for the oldest answered permit to end, or (all in flight) for an answer.
            return _answered.TryPeek(out var oldest) ? Math.Max(1, oldest + _window - now) : _window;
        }

        return Math.Max(0, _next - _tolerance - now); // the pace
    }

    private Lease Take(long now)
    {
        _next = Math.Max(_next, now) + _interval;
        _inFlight++;
        _lastActivity = now;
        Interlocked.Increment(ref _granted);
        return new Lease(this);
    }

    private void Return()
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _inFlight--;
            _answered.Enqueue(now);
            _lastActivity = now;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    private void Expire(long now)
    {
        while (_answered.TryPeek(out var at) && now - at >= _window)
        {
            _answered.Dequeue();
        }
    }

    private static void CheckCount(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
    }

    private static Lease Refused(TimeSpan retryAfter) => new(null, acquired: false, retryAfter);

    /// <summary>A permit; disposing it (when the answer came) starts its last second.</summary>
    private sealed class Lease(SendRateLimiter? owner, bool acquired = true, TimeSpan? retryAfter = null) : RateLimitLease
    {
        private int _returned;

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (owner is not null && Interlocked.Exchange(ref _returned, 1) == 0)
            {
                owner.Return();
            }
        }
    }
}
