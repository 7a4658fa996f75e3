using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Limits failed sign-ins per client address (<see cref="ConsoleOptions.SignInAttemptsPerAddress"/>)
/// and per user name (<see cref="ConsoleOptions.SignInAttemptsPerUserName"/>) a minute. The sign-in
/// page begins an attempt before it checks a password (<see cref="BeginAsync"/>), which counts it
/// against both limits at once, and reports a success afterwards (<see cref="Attempt.Succeeded"/>),
/// which gives the count back: only failures count, so an office whose officers all come through
/// one address can sign in its whole shift, while a guesser is stopped.
/// </summary>
/// <remarks>
/// Counting before the check is what holds the limits against parallel requests: however many
/// arrive at once, no more than the limit get a password checked. Attempts are then checked one
/// at a time per address and per name, so that the account's lock-out sees each failure before the
/// next attempt for the name is checked; every attempt takes the address's turn first and the
/// name's second, so no two attempts can each hold what the other waits for. The ASP.NET Core rate-limiting middleware is not used because
/// it decides before the form is read: it could neither partition by the posted name nor give a
/// success back, and it would answer outside the sign-in page. The first refusal for an address or
/// a name in a window writes one audit row (<c>officer.signin.throttled</c>) with the address as it
/// is; it never names the user name, which may be anyone's list of guesses.
/// </remarks>
public sealed class SignInThrottle : IDisposable
{
    public const string ThrottledAction = "officer.signin.throttled";

    /// <summary>The limits count failures in windows of this length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int MaxReported = 10_000;

    private readonly ConsoleOptions _options;

    private readonly ConsoleAuditLog _audit;

    private readonly TimeProvider _time;

    private readonly AttemptWindows _byAddress;

    private readonly AttemptWindows _byName;

    private readonly PartitionedRateLimiter<string> _addressTurns;

    private readonly PartitionedRateLimiter<string> _nameTurns;

    /// <summary>Until when a refusal for a key has been written to the audit log.</summary>
    private readonly Dictionary<string, DateTimeOffset> _reported = new(StringComparer.Ordinal);

    private readonly Lock _reportedGate = new();

    public SignInThrottle(ConsoleOptions options, ConsoleAuditLog audit, TimeProvider time)
    {
        _options = options;
        _audit = audit;
        _time = time;
        _byAddress = new AttemptWindows(options.SignInAttemptsPerAddress, Window, time);
        _byName = new AttemptWindows(options.SignInAttemptsPerUserName, Window, time);
        // Only counted attempts queue, so a queue as long as the limit is never full but for
        // successes still in progress.
        _addressTurns = Turns(options.SignInAttemptsPerAddress);
        _nameTurns = Turns(options.SignInAttemptsPerUserName);
    }

    /// <summary>
    /// Counts the attempt against the address and the name, then waits for its turn at both; dispose
    /// the attempt when the password check is done. A refused attempt (a limit reached, or too many
    /// waiting) carries <see cref="Attempt.RetryAfter"/>, costs no password check and is not counted.
    /// </summary>
    public async Task<Attempt> BeginAsync(IPAddress? client, string userName, CancellationToken cancellationToken)
    {
        var address = AddressKey(client);
        var name = OfficerAccounts.NormalizeUserName(userName);
        if (_byAddress.TryCount(address, out var addressWait) is not { } addressCount)
        {
            await ReportAsync(
                "address " + address,
                $"{_options.SignInAttemptsPerAddress} percobaan masuk gagal dalam {Minutes(Window)} menit dari alamat {address}; percobaan berikutnya dari alamat itu ditolak sementara.",
                cancellationToken);
            return Attempt.Refused(addressWait);
        }

        if (_byName.TryCount(name, out var nameWait) is not { } nameCount)
        {
            addressCount.GiveBack();
            await ReportAsync(
                "name " + name,
                $"{_options.SignInAttemptsPerUserName} percobaan masuk gagal dalam {Minutes(Window)} menit untuk satu nama pengguna (nama tidak dicatat), terakhir dari alamat {address}; percobaan berikutnya untuk nama itu ditolak sementara.",
                cancellationToken);
            return Attempt.Refused(nameWait);
        }

        RateLimitLease? addressTurn = null;
        RateLimitLease? nameTurn = null;
        try
        {
            addressTurn = await _addressTurns.AcquireAsync(address, 1, cancellationToken);
            if (addressTurn.IsAcquired)
            {
                nameTurn = await _nameTurns.AcquireAsync(name, 1, cancellationToken);
                if (nameTurn.IsAcquired)
                {
                    var attempt = new Attempt(addressCount, nameCount, addressTurn, nameTurn, null);
                    addressTurn = nameTurn = null;
                    return attempt;
                }
            }

            addressCount.GiveBack();
            nameCount.GiveBack();
            return Attempt.Refused(Window);
        }
        catch (OperationCanceledException)
        {
            // The client gave up while it waited: no password was checked.
            addressCount.GiveBack();
            nameCount.GiveBack();
            throw;
        }
        finally
        {
            nameTurn?.Dispose();
            addressTurn?.Dispose();
        }
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
        _addressTurns.Dispose();
        _nameTurns.Dispose();
    }

    /// <summary>One attempt at a time per key, the others waiting in order.</summary>
    private static PartitionedRateLimiter<string> Turns(int queue) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = 1,
            QueueLimit = queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

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

    internal static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    /// <summary>
    /// One sign-in attempt: refused (<see cref="RetryAfter"/> set), or counted against its address
    /// and name and holding their turns until disposed.
    /// </summary>
    public sealed class Attempt : IDisposable
    {
        private readonly AttemptWindows.Count? _address;

        private readonly AttemptWindows.Count? _name;

        private readonly RateLimitLease? _addressTurn;

        private readonly RateLimitLease? _nameTurn;

        internal Attempt(AttemptWindows.Count? address, AttemptWindows.Count? name, RateLimitLease? addressTurn, RateLimitLease? nameTurn, TimeSpan? retryAfter)
        {
            _address = address;
            _name = name;
            _addressTurn = addressTurn;
            _nameTurn = nameTurn;
            RetryAfter = retryAfter;
        }

        /// <summary>Set when the attempt is refused: how long the client should wait.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>Whole minutes to tell the officer (at least 1).</summary>
        public int RetryAfterMinutes => Minutes(RetryAfter ?? TimeSpan.Zero);

        /// <summary>The retry delay in whole seconds, for the Retry-After header.</summary>
        public string RetryAfterSeconds => ((int)Math.Ceiling((RetryAfter ?? TimeSpan.Zero).TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        internal static Attempt Refused(TimeSpan retryAfter) => new(null, null, null, null, retryAfter);

        /// <summary>The officer signed in: the attempt no longer counts against the address or the name.</summary>
        public void Succeeded()
        {
            _address?.GiveBack();
            _name?.GiveBack();
        }

        public void Dispose()
        {
            // Released in the reverse order of taking them.
            _nameTurn?.Dispose();
            _addressTurn?.Dispose();
        }
    }
}
