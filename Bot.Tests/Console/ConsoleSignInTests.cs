using System.Net;
using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// What a password guesser meets at the sign-in page: failures limited per address and per name
/// (429 in the page's own look), an audit log that does not fill with the guessed names, and a
/// name nobody has that cannot be told from a locked account. Each test plays its own client
/// addresses, so the limits one test reaches do not touch another.
/// </summary>
public sealed partial class ConsoleSignInTests(SignInHost service) : IClassFixture<SignInHost>
{
    private const string WrongCredentials = "Nama pengguna atau kata sandi salah.";

    private const string Locked = "Akun dikunci sementara karena terlalu banyak percobaan. Coba lagi setelah ";

    private const string Throttled = "Terlalu banyak percobaan masuk. Coba lagi dalam 1 menit.";

    private const int PerAddress = 20;

    private const int PerUserName = 10;

    private const int LockoutThreshold = 5;

    private TestHost Host => service.Host;

    [Fact]
    public async Task Forty_made_up_names_from_one_address_meet_429_and_leave_no_names_in_the_audit_log()
    {
        var address = PretendRemoteAddress.NewAddress();
        var names = Enumerable.Range(0, 40).Select(_ => "tebak-" + Guid.NewGuid().ToString("N")[..10]).ToList();
        var lastAudit = await LastAuditIdAsync();
        var verifiedBefore = service.Hasher.Verifications;
        using var attacker = ConsoleClient.For(Host, address);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        foreach (var name in names)
        {
            var response = await attacker.SignInAsync(name, "Tebakan-2026!");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, PerAddress), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 40 - PerAddress)], statuses);
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        var page = await ConsoleClient.TextAsync(refused);
        Assert.Equal(Throttled, ErrorText(page));
        Assert.Contains("id=\"signin-form\"", page);
        // A refused attempt costs no password check.
        Assert.Equal(PerAddress, service.Hasher.Verifications - verifiedBefore);

        await using var db = Host.Store.CreateDbContext();
        var rows = await db.AuditEntries.Where(a => a.Id > lastAudit).ToListAsync();
        Assert.DoesNotContain(rows, a => names.Any(n => a.Actor.Contains(n) || (a.Subject ?? "").Contains(n) || (a.Details ?? "").Contains(n)));
        var throttled = Assert.Single(rows, a => a.Action == "officer.signin.throttled");
        Assert.Contains(address, throttled.Details);
        Assert.All(rows.Where(a => a != throttled), a => Assert.Equal(("-", "officer.signin.failed"), (a.Actor, a.Action)));
        Assert.True(rows.Count <= PerAddress + 1, $"{rows.Count} audit rows for 40 attempts");

        // The page itself still opens, and another address is not held back.
        Assert.Equal(HttpStatusCode.OK, (await attacker.Http.GetAsync("/console/masuk")).StatusCode);
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        using var colleague = ConsoleClient.For(Host, PretendRemoteAddress.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
    }

    [Fact]
    public async Task One_name_tried_from_many_addresses_meets_429()
    {
        var name = "sasaran-" + Guid.NewGuid().ToString("N")[..8];
        var lastAudit = await LastAuditIdAsync();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < PerUserName + 3; attempt++)
        {
            // Each attempt from its own address, in varying case and spacing: one name all the same.
            using var client = ConsoleClient.For(Host, PretendRemoteAddress.NewAddress());
            var spelled = attempt % 2 == 0 ? name : $"  {name.ToUpperInvariant()} ";
            statuses.Add((await client.SignInAsync(spelled, "Tebakan-2026!")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, PerUserName), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);

        await using var db = Host.Store.CreateDbContext();
        var rows = await db.AuditEntries.Where(a => a.Id > lastAudit).ToListAsync();
        Assert.DoesNotContain(rows, a => (a.Actor + a.Subject + a.Details).Contains(name, StringComparison.OrdinalIgnoreCase));
        Assert.Single(rows, a => a.Action == "officer.signin.throttled");

        // Another name from a fresh address is still checked.
        using var other = ConsoleClient.For(Host, PretendRemoteAddress.NewAddress());
        Assert.Equal(HttpStatusCode.OK, (await other.SignInAsync("lain-" + Guid.NewGuid().ToString("N")[..8], "Tebakan-2026!")).StatusCode);
    }

    [Fact]
    public async Task Addresses_of_one_IPv6_network_share_a_limit()
    {
        var network = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";
        using var first = ConsoleClient.For(Host, network + "::a");
        for (var attempt = 0; attempt < PerAddress; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.SignInAsync("tebak-" + Guid.NewGuid().ToString("N")[..10], "Tebakan-2026!")).StatusCode);
        }

        using var neighbour = ConsoleClient.For(Host, network + ":1:2:3:4");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await neighbour.SignInAsync("tebak-" + Guid.NewGuid().ToString("N")[..10], "Tebakan-2026!")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_reads_like_a_locked_account_and_costs_the_same_hash_check()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        var unknown = "tidak-ada-" + Guid.NewGuid().ToString("N")[..8];
        using var client = ConsoleClient.For(Host, PretendRemoteAddress.NewAddress());

        // Five wrong passwords lock the account; the unknown name is tried as often, then both once
        // more, then the account with its right password (which a lock does not let through).
        var passwords = new[] { "salah-sandi-1", "salah-sandi-2", "salah-sandi-3", "salah-sandi-4", "salah-sandi-5", "salah-sandi-6", ConsoleClient.Password };
        for (var attempt = 0; attempt < passwords.Length; attempt++)
        {
            var (accountStatus, accountText, accountHashes) = await TryAsync(client, officer.UserName, passwords[attempt]);
            var (unknownStatus, unknownText, unknownHashes) = await TryAsync(client, unknown, passwords[attempt]);

            Assert.Equal(HttpStatusCode.OK, accountStatus);
            Assert.Equal(accountStatus, unknownStatus);
            Assert.Equal(accountText, unknownText);
            if (attempt < 4)
            {
                Assert.Equal(WrongCredentials, accountText);
            }
            else
            {
                Assert.StartsWith(Locked, accountText);
            }

            Assert.Equal((1, 1), (accountHashes, unknownHashes));
        }

        Assert.DoesNotContain(client.Cookies.GetCookies(Host.BaseAddress), c => c.Name == "chatbot.console");
    }

    [Fact]
    public async Task Forty_parallel_wrong_passwords_for_one_account_check_no_more_than_the_limits_and_read_like_an_unknown_name()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        var lastAudit = await LastAuditIdAsync();

        var account = await BurstAsync(officer.UserName);
        var unknown = await BurstAsync("tidak-ada-" + Guid.NewGuid().ToString("N")[..8]);

        // No more password checks than the per-name limit, and the lock holds at the threshold:
        // the burst gets no more wrong-password answers than a one-at-a-time guesser would.
        Assert.True(account.Hashes <= PerUserName, $"{account.Hashes} password checks for one name (limit {PerUserName})");
        Assert.True(account.Wrong < LockoutThreshold, $"{account.Wrong} wrong-password answers before the lock (threshold {LockoutThreshold})");
        Assert.True(account.Locked > 0, "The account never read as locked.");
        Assert.Equal(40, account.Throttled + account.Locked + account.Wrong);

        // A name nobody has meets exactly the same burst the same way.
        Assert.Equal(account, unknown);

        await using var db = Host.Store.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.Id > lastAudit && a.Actor == officer.UserName).Select(a => a.Action).ToListAsync();
        Assert.Equal(account.Wrong, actions.Count(a => a == "officer.signin.failed"));
        Assert.Single(actions, a => a == "officer.lockout");
        var stored = await db.Officers.AsNoTracking().SingleAsync(o => o.Id == officer.Id);
        Assert.True(stored.LockedUntil > Clock.GetUtcNow().UtcDateTime, "The account is not locked in the store.");
    }

    /// <summary>40 wrong passwords for <paramref name="userName"/> at once, each from its own address.</summary>
    private async Task<Burst> BurstAsync(string userName)
    {
        var clients = Enumerable.Range(0, 40).Select(_ => ConsoleClient.For(Host, PretendRemoteAddress.NewAddress())).ToList();
        try
        {
            // Each client opens the form first, so that the posts themselves arrive together.
            var tokens = await Task.WhenAll(clients.Select(c => c.TokenAsync("/console/masuk")));
            var before = service.Hasher.Verifications;
            using var start = new SemaphoreSlim(0);
            var posts = clients.Select(async (client, i) =>
            {
                await start.WaitAsync();
                using var response = await client.PostFormAsync(
                    "/console/masuk",
                    [new("Input.UserName", userName), new("Input.Password", "salah-sandi-" + i), new("__RequestVerificationToken", tokens[i])],
                    withToken: false);
                return (response.StatusCode, Text: ErrorText(await ConsoleClient.TextAsync(response)));
            }).ToList();
            start.Release(clients.Count);
            var answers = await Task.WhenAll(posts);

            Assert.All(answers, a => Assert.True(
                a.StatusCode == HttpStatusCode.TooManyRequests ? a.Text == Throttled : a.StatusCode == HttpStatusCode.OK && (a.Text == WrongCredentials || a.Text.StartsWith(Locked, StringComparison.Ordinal)),
                $"{(int)a.StatusCode} {a.Text}"));
            return new Burst(
                answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests),
                answers.Count(a => a.Text.StartsWith(Locked, StringComparison.Ordinal)),
                answers.Count(a => a.Text == WrongCredentials),
                service.Hasher.Verifications - before);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private sealed record Burst(int Throttled, int Locked, int Wrong, int Hashes);

    private FakeTimeProvider Clock => service.Clock;

    private async Task<(HttpStatusCode Status, string Error, int Hashes)> TryAsync(ConsoleClient client, string userName, string password)
    {
        var before = service.Hasher.Verifications;
        var response = await client.SignInAsync(userName, password);
        return (response.StatusCode, ErrorText(await ConsoleClient.TextAsync(response)), service.Hasher.Verifications - before);
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = Host.Store.CreateDbContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private static string ErrorText(string page) =>
        ErrorPattern().Match(page) is { Success: true } match ? match.Groups[1].Value.Trim() : throw new InvalidOperationException("The page shows no sign-in error.");

    [GeneratedRegex("<p class=\"alert alert-error\" role=\"alert\" id=\"signin-error\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}

/// <summary>
/// The service for <see cref="ConsoleSignInTests"/>: clients may claim an address
/// (<see cref="PretendRemoteAddress"/>), password checks are counted, and the clock stands still so
/// two lock-outs begun a moment apart show the same time.
/// </summary>
public sealed class SignInHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public CountingPasswordHasher Hasher { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(services: s =>
    {
        s.AddSingleton<IPasswordHasher<Officer>>(Hasher);
        s.AddSingleton<TimeProvider>(Clock);
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The service's password hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<Officer>
{
    private readonly PasswordHasher<Officer> _inner = new();

    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Officer user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Officer user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
