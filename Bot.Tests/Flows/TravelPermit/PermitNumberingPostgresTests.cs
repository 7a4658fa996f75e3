using ChatBot.Bot.Flows.TravelPermit;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary>Heads signing at once on two instances of one PostgreSQL store: every letter gets its own number of the year.</summary>
public sealed class PermitNumberingPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Letters_signed_at_the_same_moment_on_two_instances_get_one_sequence_each()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync(),
        };
        await using var first = await TestHost.StartAsync(settings: settings);
        await using var second = await TestHost.StartAsync(settings: settings);
        var pk = await ConsoleClient.CreateOfficerAsync(first, OfficerRole.Pk);
        var head = await ConsoleClient.CreateOfficerAsync(first, OfficerRole.Kepala);
        var session = new StepInput(Fields: new Dictionary<string, string>
        {
            [TravelPermitRequests.DateField] = PermitWorld.Today(first).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [TravelPermitRequests.MembersField] = "Drs. Hartono, Sri Lestari",
        });

        var drafted = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var permit = await PermitDesk.FileAsync(first, ChannelKind.Simulator, $"+62813000870{i:00}");
            await PermitDesk.ActAsync(first, permit.Id, TravelPermitRequests.Steps.Examine, pk);
            await PermitDesk.ActAsync(first, permit.Id, TravelPermitRequests.Steps.Approve, pk, session);
            await PermitDesk.ActAsync(first, permit.Id, TravelPermitRequests.Steps.Draft, pk);
            drafted.Add(permit.Id);
        }

        var results = await Task.WhenAll(drafted.Select((id, i) =>
        {
            var host = i % 2 == 0 ? first : second;
            return TravelPermitRequests.SignAsync(
                host.Services.GetRequiredService<RequestDesk>(),
                host.Services.GetRequiredService<RequestType<ChatBot.Domain.Permits.TravelPermit, TravelPermitStatus>>(),
                host.Store, id, head, expectedRevision: null, CancellationToken.None);
        }));

        Assert.All(results, r => Assert.Equal(RequestActionStatus.Done, r.Status));
        await using var db = first.Store.CreateDbContext();
        var signed = await db.TravelPermits.AsNoTracking().Where(p => drafted.Contains(p.Id)).ToListAsync();
        Assert.Equal([1, 2, 3, 4], signed.Select(p => p.LetterSequence ?? 0).Order());
        Assert.All(signed, p => Assert.Equal(TravelPermitStatus.Signed, p.Status));
        Assert.Equal(4, signed.Select(p => p.LetterNumber).Distinct().Count());
        Assert.All(signed, p => Assert.True(File.Exists(p.LetterPath)));
    }
}
