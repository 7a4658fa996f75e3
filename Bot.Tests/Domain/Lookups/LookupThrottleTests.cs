using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Domain.Lookups;

/// <summary>The anti-enumeration throttle on a real (temporary SQLite) store: per sender and per office.</summary>
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
        Assert.Null((await _throttle.CheckAsync(Work(db, Noon), LookupKinds.Inmate, 1, ChannelKind.Simulator, Sender, null))?.UntilUtc);
        Assert.Null((await _throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 2, ChannelKind.Simulator, Sender, null))?.UntilUtc);
        Assert.Null((await _throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.WhatsApp, Sender, null))?.UntilUtc);
    }

    [Fact]
    public async Task Failures_of_the_same_turn_count_before_they_are_saved()
    {
        await using var db = _factory.CreateDbContext();
        for (var i = 3; i >= 1; i--)
        {
            Assert.Null((await _throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, null))?.UntilUtc);
            _throttle.Record(Work(db, Noon.AddSeconds(-i)), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, $"LIT{i}", found: false);
        }

        Assert.Equal(Noon.AddSeconds(-3).AddHours(1), (await _throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, null))?.UntilUtc);
    }

    [Fact]
    public async Task What_was_typed_is_kept_cut_to_64_characters()
    {
        await using (var db = _factory.CreateDbContext())
        {
            _throttle.Record(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, new string('7', 500), found: false);
            await db.SaveChangesAsync();
        }

        await using var check = _factory.CreateDbContext();
        Assert.Equal(new string('7', LookupThrottle.QueryLength), (await check.LookupAttempts.SingleAsync()).Query);
    }

    [Fact]
    public async Task Unknown_lookups_of_any_kind_from_many_senders_pause_every_new_sender_of_that_office()
    {
        var throttle = OfficeThrottle();
        string[] kinds = [LookupKinds.Litmas, LookupKinds.Inmate, LookupKinds.Complaint, LookupKinds.Integration];
        await using (var db = _factory.CreateDbContext())
        {
            // Six different senders, one failure each (far below their own limit of three), four kinds.
            for (var i = 0; i < 6; i++)
            {
                throttle.Record(Work(db, Noon.AddMinutes(-50 + i)), kinds[i % kinds.Length], 1, i % 2 == 0 ? ChannelKind.Simulator : ChannelKind.WhatsApp, $"+62812000098{i:00}", "X", found: false);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = _factory.CreateDbContext())
        {
            var pause = await throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, "LIT1");
            Assert.Equal(new LookupPause(Noon.AddMinutes(-50).AddHours(1), OfficeWide: true), pause);
            Assert.Equal(new LookupPause(Noon.AddMinutes(-50).AddHours(1), OfficeWide: true),
                await throttle.CheckAsync(Work(db, Noon), LookupKinds.Inmate, 1, ChannelKind.WhatsApp, Sender, null));

            // Another office is not affected; once the oldest failure leaves the window, neither is this one.
            Assert.Null(await throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 2, ChannelKind.Simulator, Sender, "LIT1"));
            Assert.Null(await throttle.CheckAsync(Work(db, Noon.AddMinutes(10).AddSeconds(1)), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, "LIT1"));
            Assert.Equal(new Dictionary<int, int> { [1] = 6 }, await throttle.OfficesOverLimitAsync(db, [1, 2], Noon, CancellationToken.None));
            Assert.Empty(await throttle.OfficesOverLimitAsync(db, [1, 2], Noon.AddMinutes(10).AddSeconds(1), CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_office_limit_counts_the_unsaved_failures_of_the_same_batch_of_turns()
    {
        var throttle = OfficeThrottle();
        await using var db = _factory.CreateDbContext();
        for (var i = 0; i < 6; i++)
        {
            Assert.Null(await throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, "LIT1"));
            throttle.Record(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.Simulator, $"+62812000097{i:00}", "X", found: false);
        }

        Assert.True((await throttle.CheckAsync(Work(db, Noon), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, "LIT1"))?.OfficeWide);
    }

    [Fact]
    public async Task During_an_office_wide_pause_a_sender_is_answered_only_for_what_they_found_recently()
    {
        var throttle = OfficeThrottle();
        await using (var db = _factory.CreateDbContext())
        {
            throttle.Record(Work(db, Noon.AddDays(-10)), LookupKinds.Litmas, 1, ChannelKind.Simulator, Sender, "LIT1", found: true);
            throttle.Record(Work(db, Noon.AddDays(-31)), LookupKinds.Litmas, 1, ChannelKind.Simulator, "+6281200009902", "LIT2", found: true);
            throttle.Record(Work(db, Noon.AddDays(-1)), LookupKinds.Inmate, 1, ChannelKind.Simulator, "+6281200009903", "BUDI", found: true);
            for (var i = 0; i < 6; i++)
            {
                throttle.Record(Work(db, Noon.AddMinutes(-i)), LookupKinds.Litmas, 1, ChannelKind.Simulator, $"+62812000096{i:00}", "X", found: false);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = _factory.CreateDbContext())
        {
            async Task<LookupPause?> Check(string kind, string sender, string? query, ChannelKind channel = ChannelKind.Simulator) =>
                await throttle.CheckAsync(Work(db, Noon), kind, 1, channel, sender, query);

            Assert.Null(await Check(LookupKinds.Litmas, Sender, "LIT1"));
            Assert.Null(await Check(LookupKinds.Litmas, Sender, null));
            // Something else: the same "busy" as for a stranger, so the pause tells nothing about the number.
            Assert.True((await Check(LookupKinds.Litmas, Sender, "LIT3"))?.OfficeWide);
            // The same number on another channel is another person; a success too long ago or of another kind does not count.
            Assert.True((await Check(LookupKinds.Litmas, Sender, "LIT1", ChannelKind.WhatsApp))?.OfficeWide);
            Assert.True((await Check(LookupKinds.Litmas, "+6281200009902", "LIT2"))?.OfficeWide);
            Assert.True((await Check(LookupKinds.Litmas, "+6281200009903", null))?.OfficeWide);
            Assert.Null(await Check(LookupKinds.Inmate, "+6281200009903", "BUDI"));
        }
    }

    [Fact]
    public void Settings_that_cannot_work_are_named()
    {
        Assert.Empty(new LookupOptions().Problems());
        Assert.Equal(50, new LookupOptions().OfficeMaxFailures);
        Assert.Contains(new LookupOptions { OfficeMaxFailures = 0 }.Problems(), p => p.Contains("Lookups:OfficeMaxFailures"));
        Assert.Contains(new LookupOptions { MaxFailures = 10, OfficeMaxFailures = 5 }.Problems(), p => p.Contains("Lookups:OfficeMaxFailures"));
        Assert.Contains(new LookupOptions { MaxFailures = 0 }.Problems(), p => p.Contains("Lookups:MaxFailures"));
        Assert.Contains(new LookupOptions { Window = TimeSpan.Zero }.Problems(), p => p.Contains("Lookups:Window"));
        Assert.Contains(new LookupOptions { TrustedFor = TimeSpan.FromMinutes(5) }.Problems(), p => p.Contains("Lookups:TrustedFor"));
    }

    [Fact]
    public async Task The_service_does_not_start_with_an_office_limit_of_zero()
    {
        var error = await Assert.ThrowsAsync<ChatBot.Domain.SettingsException>(() =>
            TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Lookups:OfficeMaxFailures"] = "0" }));
        Assert.Contains("Lookups:OfficeMaxFailures", error.Message);
    }

    /// <summary>Three failures per sender, six per office, in an hour.</summary>
    private static UnitOfWork Work(ChatBotDb db, DateTime at) => new(db, at, CancellationToken.None);

    private static LookupThrottle OfficeThrottle() => new(new LookupOptions { MaxFailures = 3, OfficeMaxFailures = 6, Window = TimeSpan.FromHours(1) });

    private async Task RecordAsync(string sender, bool found, params DateTime[] times)
    {
        await using var db = _factory.CreateDbContext();
        foreach (var at in times)
        {
            _throttle.Record(Work(db, at), LookupKinds.Litmas, 1, ChannelKind.Simulator, sender, "LIT1", found);
        }

        await db.SaveChangesAsync();
    }

    private async Task<DateTime?> PausedUntilAsync(string sender, DateTime now)
    {
        await using var db = _factory.CreateDbContext();
        var pause = await _throttle.CheckAsync(Work(db, now), LookupKinds.Litmas, 1, ChannelKind.Simulator, sender, null);
        Assert.True(pause is null || !pause.OfficeWide);
        return pause?.UntilUtc;
    }
}
