using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Domain.Lookups;

/// <summary>The anti-enumeration throttle on a real (temporary SQLite) store.</summary>
public sealed class LookupThrottleTests : IAsyncLifetime
{
    private const string Sender = "+6281200009901";
    private static readonly DateTime Noon = new(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc);

    private readonly string _directory = TestHost.NewDirectory();
    private readonly LookupThrottle _throttle = new(new LookupOptions { MaxFailures = 3, Window = TimeSpan.FromHours(1) });
    private ChatBotDbFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new ChatBotDbFactory(new StoreOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_directory, "t.db")}" });
        await using var db = _factory.CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TestHost.DeleteDirectory(_directory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_sender_may_fail_up_to_the_limit_then_waits_until_the_oldest_failure_leaves_the_window()
    {
        await RecordAsync(Sender, found: false, Noon.AddMinutes(-50), Noon.AddMinutes(-20));
        Assert.Null(await PausedUntilAsync(Sender, Noon));

        await RecordAsync(Sender, found: false, Noon.AddMinutes(-10));
        Assert.Equal(Noon.AddMinutes(10), await PausedUntilAsync(Sender, Noon));

        // Ten minutes later the oldest failure is more than an hour old: one more try is allowed.
        Assert.Null(await PausedUntilAsync(Sender, Noon.AddMinutes(10).AddSeconds(1)));
    }

    [Fact]
    public async Task Numbers_that_were_found_do_not_count()
    {
        await RecordAsync(Sender, found: true, Noon.AddMinutes(-30), Noon.AddMinutes(-20), Noon.AddMinutes(-10), Noon.AddMinutes(-5));
        await RecordAsync(Sender, found: false, Noon.AddMinutes(-3), Noon.AddMinutes(-2));
        Assert.Null(await PausedUntilAsync(Sender, Noon));
    }

    [Fact]
    public async Task Failures_older_than_the_window_are_forgotten()
    {
        await RecordAsync(Sender, found: false, Noon.AddHours(-3), Noon.AddHours(-2), Noon.AddMinutes(-61), Noon.AddMinutes(-1));
        Assert.Null(await PausedUntilAsync(Sender, Noon));
    }

    [Fact]
    public async Task Each_sender_kind_office_and_channel_is_counted_apart()
    {
        await RecordAsync(Sender, found: false, Noon.AddMinutes(-3), Noon.AddMinutes(-2), Noon.AddMinutes(-1));
        Assert.NotNull(await PausedUntilAsync(Sender, Noon));

        Assert.Null(await PausedUntilAsync("+6281200009902", Noon));
        await using var db = _factory.CreateDbContext();
        Assert.Null(await _throttle.PausedUntilAsync(db, LookupKinds.Inmate, 1, ChannelKind.Simulator, Sender, Noon, CancellationToken.None));
        Assert.Null(await _throttle.PausedUntilAsync(db, LookupKinds.Litmas, 2, ChannelKind.Simulator, Sender, Noon, CancellationToken.None));
        Assert.Null(await _throttle.PausedUntilAsync(db, LookupKinds.Litmas, 1, ChannelKind.WhatsApp, Sender, Noon, CancellationToken.None));
    }

    [Fact]
    public async Task Failures_of_the_same_turn_count_before_they_are_saved()
    {
        await using var db = _factory.CreateDbContext();
        for (var i = 3; i >= 1; i--)
        {
            Assert.Null(await _throttle.PausedUntilAsync(db, LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, Noon, CancellationToken.None));
            _throttle.Record(db, LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, $"LIT{i}", found: false, Noon.AddSeconds(-i));
        }

        Assert.Equal(Noon.AddSeconds(-3).AddHours(1), await _throttle.PausedUntilAsync(db, LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, Noon, CancellationToken.None));
    }

    [Fact]
    public async Task What_was_typed_is_kept_cut_to_64_characters()
    {
        await using (var db = _factory.CreateDbContext())
        {
            _throttle.Record(db, LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, new string('7', 500), found: false, Noon);
            await db.SaveChangesAsync();
        }

        await using var check = _factory.CreateDbContext();
        Assert.Equal(new string('7', LookupThrottle.QueryLength), (await check.LookupAttempts.SingleAsync()).Query);
    }

    private async Task RecordAsync(string sender, bool found, params DateTime[] times)
    {
        await using var db = _factory.CreateDbContext();
        foreach (var at in times)
        {
            _throttle.Record(db, LookupKinds.Litmas, 1, ChannelKind.Simulator, sender, "LIT1", found, at);
        }

        await db.SaveChangesAsync();
    }

    private async Task<DateTime?> PausedUntilAsync(string sender, DateTime now)
    {
        await using var db = _factory.CreateDbContext();
        return await _throttle.PausedUntilAsync(db, LookupKinds.Litmas, 1, ChannelKind.Simulator, sender, now, CancellationToken.None);
    }
}
