using System.Net;
using System.Net.Http.Json;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>Sessions live in the store: a restart, or another instance on the same database, knows them.</summary>
public sealed class SimulatorSessionStoreTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_restarted_service_still_knows_the_session_and_keeps_its_number_taken()
    {
        var directory = TestHost.NewDirectory();
        try
        {
            string token;
            long message;
            await using (var host = await TestHost.StartAsync(directory))
            {
                using var tab = await SimulatorClient.ClaimAsync(host, "081200004301");
                token = tab.Token;
                message = await tab.SendOkAsync("halo");
                await tab.RepliesAsync(message);
            }

            await using (var again = await TestHost.StartAsync(directory))
            {
                using var http = again.CreateClient();
                http.DefaultRequestHeaders.Add(ChatBot.Bot.Simulator.SimulatorSessions.Header, token);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/simulator/api/turns/{message}?timeout=1")).StatusCode);
                Assert.Equal(HttpStatusCode.Conflict, (await SimulatorClient.TryClaimAsync(again, "081200004301")).StatusCode);

                // Only a hash of the token is kept.
                await using var db = again.Store.CreateDbContext();
                var stored = await db.SimulatorSessions.SingleAsync(s => s.Address == "+6281200004301");
                Assert.NotEqual(token, stored.TokenHash);
                Assert.DoesNotContain(token, stored.TokenHash);
            }
        }
        finally
        {
            TestHost.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Two_instances_on_one_postgres_database_share_the_sessions()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync(),
        };
        await using var first = await TestHost.StartAsync(settings: settings);
        await using var second = await TestHost.StartAsync(settings: settings);
        Assert.Equal(DatabaseProvider.Postgres, first.Store.Options.Provider);

        using var tab = await SimulatorClient.ClaimAsync(first, "081200004311");
        var message = await tab.SendOkAsync("halo");
        await tab.RepliesAsync(message);

        Assert.Equal(HttpStatusCode.Conflict, (await SimulatorClient.TryClaimAsync(second, "081200004311")).StatusCode);
        using var http = second.CreateClient();
        http.DefaultRequestHeaders.Add(ChatBot.Bot.Simulator.SimulatorSessions.Header, tab.Token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/simulator/api/turns/{message}?timeout=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/simulator/api/sessions/current")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await tab.Http.GetAsync("/simulator/api/messages")).StatusCode);
        using var next = await SimulatorClient.ClaimAsync(first, "081200004311");
        Assert.Empty(await next.HistoryAsync());
    }

    [Fact]
    public async Task On_postgres_values_too_long_for_their_columns_are_refused_before_storage_and_others_are_answered()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync(),
        });
        using var careful = await SimulatorClient.ClaimAsync(host, "081200004321");
        using var careless = await SimulatorClient.ClaimAsync(host, "081200004322");

        // Sent together, so they would share the inbox's batch.
        var normal = careful.SendAsync("halo", clientId: "biasa-1");
        var longId = careless.SendAsync("halo", clientId: new string('c', 250));
        var longOffice = careless.Http.PostAsJsonAsync("/simulator/api/messages", new ChatBot.Bot.Simulator.SimulatorSendRequest(null, "halo", null, new string('k', 300)));
        await Task.WhenAll(normal, longId, longOffice);

        using (var refused = await longId)
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("clientId terlalu panjang", await refused.Content.ReadAsStringAsync());
        }

        using (var refused = await longOffice)
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Kode kantor terlalu panjang", await refused.Content.ReadAsStringAsync());
        }

        using var accepted = await normal;
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var stored = await accepted.Content.ReadFromJsonAsync<SimulatorClient.Stored>();
        Assert.Contains("Selamat datang", Assert.Single((await careful.RepliesAsync(stored!.Id)).Replies));

        await using var db = host.Store.CreateDbContext();
        Assert.False(await db.InboundMessages.AnyAsync(m => m.From == "+6281200004322"));
    }
}
