using ChatBot.Bot.Flows.Abh;
using ChatBot.Bot.Tests.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Domain.Abh;

/// <summary>The child's data and the letter are erased after the retention, as integration requests are (fake clock).</summary>
public sealed class AbhRetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.Zero));
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["Abh:Retention"] = "30.00:00:00", ["Abh:RetentionCheckInterval"] = "01:00:00" },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_closed_request_loses_the_childs_data_and_its_letter_after_the_retention_and_keeps_its_times()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var closed = await AbhRequestsInStore.AddAsync(_host, now.AddHours(-3));
        var open = await AbhRequestsInStore.AddAsync(_host, now.AddHours(-2));
        await using (var db = _host.Store.CreateDbContext())
        {
            var request = await db.AbhRequests.SingleAsync(r => r.Id == closed.Id);
            request.Status = ChatBot.Domain.Abh.AbhRequestStatus.Accompanied;
            request.AccompanimentStartedAt = now.AddHours(-2);
            request.AccompanimentPlace = "Polsek Borobudur";
            request.ClosedAt = now.AddHours(-1);
            using (await _host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        var retention = _host.Services.GetRequiredService<AbhRetention>();
        _clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await retention.RunPassAsync(CancellationToken.None));
        Assert.True(File.Exists(closed.LetterPath));

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await retention.RunPassAsync(CancellationToken.None));
        Assert.False(File.Exists(closed.LetterPath));
        Assert.True(File.Exists(open.LetterPath));
        await using var check = _host.Store.CreateDbContext();
        var erased = await check.AbhRequests.SingleAsync(r => r.Id == closed.Id);
        Assert.NotNull(erased.ErasedAt);
        Assert.Null(erased.ChildInitials);
        Assert.Null(erased.ChildAge);
        Assert.Null(erased.HeldAt);
        Assert.Null(erased.AllegedOffence);
        Assert.Null(erased.RequesterName);
        Assert.Null(erased.RequesterPhone);
        Assert.Null(erased.LetterPath);
        Assert.Null(erased.AccompanimentPlace);
        Assert.Equal("police", erased.InstitutionKind);
        Assert.NotNull(erased.AccompanimentStartedAt);
        Assert.Equal(AbhRequestsInStore.Initials, (await check.AbhRequests.SingleAsync(r => r.Id == open.Id)).ChildInitials);
    }
}
