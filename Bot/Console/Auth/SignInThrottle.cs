using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Limits failed sign-ins per client address (<see cref="ConsoleOptions.SignInAttemptsPerAddress"/>)
/// and per user name (<see cref="ConsoleOptions.SignInAttemptsPerUserName"/>) a minute, with the
/// rate limiters ASP.NET Core's rate-limiting middleware is built on. The sign-in page asks before
/// it checks a password (<see cref="BeginAsync"/>) and reports a failure afterwards
/// (<see cref="Attempt.Failed"/>): only failures count, so an office whose officers all come
/// through one address can sign in its whole shift, while a guesser is stopped.
/// </summary>
/// <remarks>
/// The middleware is not used because it decides before the form is read and the password
/// checked: it can neither partition by the posted name nor count only failures, and it would
/// answer outside the sign-in page. Attempts from one address are checked one at a time (a few
/// wait their turn), so parallel requests cannot all pass the count before any of them fails.
/// The first refusal for an address or a name in a window writes one audit row
/// (<c>officer.signin.throttled</c>) with the address as it is; it never names the user name,
/// which may be anyone's list of guesses.
/// </remarks>
public sealed class SignInThrottle : IDisposable
{
    public const string ThrottledAction = "officer.signin.throttled";

    /// <summary>The limits count failures in windows of this length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Attempts from one address waiting for their turn; more are refused at once.</summary>
    private const int QueuedPerAddress = 10;

    private const int MaxReported = 10_000;

    private readonly ConsoleOptions _options;

    private readonly ConsoleAuditLog _audit;

    private readonly TimeProvider _time;

    private readonly PartitionedRateLimiter<string> _byAddress;

    private readonly PartitionedRateLimiter<string> _byName;

    private readonly PartitionedRateLimiter<string> _turns;

    /// <summary>Until when a refusal for a key has been written to the audit log.</summary>
    private readonly Dictionary<string, DateTimeOffset> _reported = new(StringComparer.Ordinal);

    private readonly Lock _reportedGate = new();

    public SignInThrottle(ConsoleOptions options, ConsoleAuditLog audit, TimeProvider time)
    {
        _options = options;
        _audit = audit;
        _time = time;
        _byAddress = Failures(options.SignInAttemptsPerAddress);
        _byName = Failures(options.SignInAttemptsPerUserName);
        _turns = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = 1,
            QueueLimit = QueuedPerAddress,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    /// <summary>
    /// Waits for this address's turn and says whether a password may be checked now; dispose the
    /// attempt when the check is done. A refused attempt carries <see cref="Attempt.RetryAfter"/>.
    /// </summary>
    public async Task<Attempt> BeginAsync(IPAddress? client, string userName, CancellationToken cancellationToken)
    {
        var address = AddressKey(client);
        var name = OfficerAccounts.NormalizeUserName(userName);
        if (await RefusalAsync(address, name, cancellationToken) is { } early)
        {
            return new Attempt(this, null, address, name, early);
        }

        var turn = await _turns.AcquireAsync(address, 1, cancellationToken);
        if (!turn.IsAcquired)
        {
            turn.Dispose();
            return new Attempt(this, null, address, name, Window);
        }

        // Attempts that failed while this one waited may have used the last permits.
        if (await RefusalAsync(address, name, cancellationToken) is { } late)
        {
            turn.Dispose();
            return new Attempt(this, null, address, name, late);
        }

        return new Attempt(this, turn, address, name, null);
    }

    /// <summary>What partitions the per-address limit: the IPv4 address, or an IPv6 client's /64 (one subscriber's range).</summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byName.Dispose();
        _turns.Dispose();
    }

    private static PartitionedRateLimiter<string> Failures(int perWindow) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perWindow,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private async Task<TimeSpan?> RefusalAsync(string address, string name, CancellationToken cancellationToken)
    {
        // Asking for no permit says whether any is left without using one.
        using (var lease = _byAddress.AttemptAcquire(address, 0))
        {
            if (!lease.IsAcquired)
            {
                await ReportAsync(
                    "address " + address,
                    $"{_options.SignInAttemptsPerAddress} percobaan masuk gagal dalam {Minutes(Window)} menit dari alamat {address}; percobaan berikutnya dari alamat itu ditolak sementara.",
                    cancellationToken);
                return RetryAfter(lease);
            }
        }

        using (var lease = _byName.AttemptAcquire(name, 0))
        {
            if (!lease.IsAcquired)
            {
                await ReportAsync(
                    "name " + name,
                    $"{_options.SignInAttemptsPerUserName} percobaan masuk gagal dalam {Minutes(Window)} menit untuk satu nama pengguna (nama tidak dicatat), terakhir dari alamat {address}; percobaan berikutnya untuk nama itu ditolak sementara.",
                    cancellationToken);
                return RetryAfter(lease);
            }
        }

        return null;
    }

    /// <summary>Writes the audit row for the first refusal of <paramref name="key"/> in a window.</summary>
    private async Task ReportAsync(string key, string details, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_reportedGate)
        {
            if (_reported.TryGetValue(key, out var until) && until > now)
            {
                return;
            }

            if (_reported.Count >= MaxReported)
            {
                foreach (var (stale, end) in _reported)
                {
                    if (end <= now)
                    {
                        _reported.Remove(stale);
                    }
                }
            }

            _reported[key] = now + Window;
        }

        await _audit.WriteAsync("-", ThrottledAction, null, details, cancellationToken);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Window;

    internal static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    private void CountFailure(string address, string name)
    {
        // Permits of a fixed window are used up by acquiring them; disposing the lease does not return them.
        _byAddress.AttemptAcquire(address, 1).Dispose();
        _byName.AttemptAcquire(name, 1).Dispose();
    }

    /// <summary>One sign-in attempt: refused (<see cref="RetryAfter"/> set) or holding its address's turn until disposed.</summary>
    public sealed class Attempt(SignInThrottle throttle, RateLimitLease? turn, string address, string name, TimeSpan? retryAfter) : IDisposable
    {
        /// <summary>Set when the attempt is refused: how long the client should wait.</summary>
        public TimeSpan? RetryAfter { get; } = retryAfter;

        /// <summary>Whole minutes to tell the officer (at least 1).</summary>
        public int RetryAfterMinutes => Minutes(RetryAfter ?? TimeSpan.Zero);

        /// <summary>The retry delay in whole seconds, for the Retry-After header.</summary>
        public string RetryAfterSeconds => ((int)Math.Ceiling((RetryAfter ?? TimeSpan.Zero).TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        /// <summary>The password was wrong (or the account locked): counts against the address and the name.</summary>
        public void Failed()
        {
            if (RetryAfter is null)
            {
                throttle.CountFailure(address, name);
            }
        }

        public void Dispose() => turn?.Dispose();
    }
}
