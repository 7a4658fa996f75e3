using ChatBot.Bot.Flows.IntegrationInfo;
using ChatBot.Bot.Tests.Console.Integration;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Domain.Integration;

public sealed class IntegrationRetentionTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Personal_data_and_the_ktp_file_are_erased_after_the_retention_and_the_counts_remain()
    {
        var closedAt = new DateTime(2026, 1, 10, 3, 0, 0, DateTimeKind.Utc);
        var closed = await IntegrationWorld.SubmitAsync(_host, "+6281300090001", "warga@example.test", submittedAt: closedAt.AddMinutes(-4));
        var open = await IntegrationWorld.SubmitAsync(_host, "+6281300090002", "warga@example.test", submittedAt: closedAt.AddMinutes(-6));
        await using (var db = _host.Store.CreateDbContext())
        {
            await db.IntegrationRequests.Where(r => r.Id == closed.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, IntegrationRequestStatus.Closed).SetProperty(r => r.Outcome, IntegrationOutcome.Answered)
                .SetProperty(r => r.VerifiedAt, closedAt.AddMinutes(-2)).SetProperty(r => r.ClosedAt, closedAt).SetProperty(r => r.AnswerText, "PB Budi: sidang TPP 2 Februari"));
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(closedAt.AddDays(90).AddMinutes(-1), TimeSpan.Zero));
        var retention = new IntegrationRetention(_host.Store, new IntegrationOptions(), clock, NullLogger<IntegrationRetention>.Instance);
        Assert.Equal(0, await retention.RunPassAsync(CancellationToken.None));
        Assert.True(File.Exists(closed.KtpPath));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await retention.RunPassAsync(CancellationToken.None));
        Assert.Equal(0, await retention.RunPassAsync(CancellationToken.None));

        Assert.False(File.Exists(closed.KtpPath));
        Assert.True(File.Exists(open.KtpPath));
        await using var check = _host.Store.CreateDbContext();
        var erased = await check.IntegrationRequests.SingleAsync(r => r.Id == closed.Id);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, erased.ErasedAt);
        Assert.All(
            new[] { erased.RequesterName, erased.Address, erased.Phone, erased.GuarantorName, erased.GuarantorRelationship, erased.GuarantorAddress,
                erased.GuarantorPhone, erased.InmateName, erased.Nik, erased.Email, erased.KtpPath, erased.KtpContentType, erased.AnswerText },
            Assert.Null);
        // The anonymised record still counts: what was asked, by whom, how it ended and how fast.
        Assert.Equal((IntegrationProgramme.Pb, "family", IntegrationOutcome.Answered, closed.ReferenceCode), (erased.Programme, erased.Relationship, erased.Outcome, erased.ReferenceCode));
        Assert.Equal(IntegrationTimeliness.OnTime, IntegrationRules.Timeliness(erased, clock.GetUtcNow().UtcDateTime));
        Assert.Equal(2, await check.IntegrationRequests.CountAsync());
        Assert.Equal("Siti Aminah", (await check.IntegrationRequests.SingleAsync(r => r.Id == open.Id)).RequesterName);
    }
}
