using ChatBot.Bot.Tests.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Domain.Abh;

/// <summary>The on-duty roster: shifts in the office's time, across midnight, in rank order; what it refuses.</summary>
public sealed class DutyRosterTests : IAsyncLifetime
{
    /// <summary>Saturday 7 March 2026, 12.00 WITA (an office in Makassar's time zone).</summary>
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 7, 4, 0, 0, TimeSpan.Zero));
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_night_shift_covers_the_hours_after_midnight_in_the_office_time_zone_and_ranks_order_who_is_first()
    {
        var offices = _host.Services.GetRequiredService<OfficeDirectory>();
        await _host.Services.GetRequiredService<OfficeSettings>().UpdateAsync(offices.Default!.Id, o => o.TimeZoneId = "Asia/Makassar", "test", CancellationToken.None);
        var roster = _host.Services.GetRequiredService<DutyRoster>();
        var night = await AbhWorld.OfficerAsync(_host, "malam", "Petugas Malam", OfficerRole.ServiceOfficer);
        var backup = await AbhWorld.OfficerAsync(_host, "cadangan", "Petugas Cadangan", OfficerRole.Pk);
        var saturday = new DateTime(2026, 3, 7);
        var actor = Actor.Officer(night.Id, "test");

        Assert.True((await roster.AddAsync(night.OfficeId, night.Id, saturday.AddHours(22), saturday.AddHours(30), 0, actor, CancellationToken.None)).Ok);
        Assert.True((await roster.AddAsync(night.OfficeId, backup.Id, saturday.AddHours(18), saturday.AddHours(34), 1, actor, CancellationToken.None)).Ok);

        await using var db = _host.Store.CreateDbContext();
        // 02.00 WITA on Sunday is 18.00 UTC on Saturday.
        var twoAm = new DateTime(2026, 3, 7, 18, 0, 0, DateTimeKind.Utc);
        Assert.Equal(["Petugas Malam", "Petugas Cadangan"], (await DutyRoster.OnDutyAsync(db, night.OfficeId, twoAm, CancellationToken.None)).Select(o => o.DisplayName));
        Assert.Equal(["Petugas Cadangan"], (await DutyRoster.OnDutyAsync(db, night.OfficeId, twoAm.AddHours(-5), CancellationToken.None)).Select(o => o.DisplayName));
        // The night shift ends at 06.00: from then on only the backup.
        Assert.Equal(["Petugas Cadangan"], (await DutyRoster.OnDutyAsync(db, night.OfficeId, twoAm.AddHours(4), CancellationToken.None)).Select(o => o.DisplayName));

        var endBeforeStart = await roster.AddAsync(night.OfficeId, night.Id, saturday.AddHours(22), saturday.AddHours(6), 0, actor, CancellationToken.None);
        Assert.Contains(endBeforeStart.Problems, p => p.Contains("esok harinya", StringComparison.Ordinal));
        var overlap = await roster.AddAsync(night.OfficeId, night.Id, saturday.AddHours(29), saturday.AddHours(36), 0, actor, CancellationToken.None);
        Assert.Contains(overlap.Problems, p => p.Contains("bertumpang", StringComparison.Ordinal));
        var past = await roster.AddAsync(night.OfficeId, night.Id, saturday.AddHours(-20), saturday.AddHours(-12), 0, actor, CancellationToken.None);
        Assert.Contains(past.Problems, p => p.Contains("sudah lewat", StringComparison.Ordinal));
        var tooLong = await roster.AddAsync(night.OfficeId, backup.Id, saturday.AddDays(3), saturday.AddDays(7), 0, actor, CancellationToken.None);
        Assert.Contains(tooLong.Problems, p => p.Contains("paling lama", StringComparison.Ordinal));
    }
}
