using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Domain.Litmas;

/// <summary>Litmas cases on PostgreSQL, where writers really run side by side.</summary>
public sealed class LitmasPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Officers_changing_the_same_case_at_once_make_exactly_one_change_and_one_notice()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync(),
        };
        await using var host = await TestHost.StartAsync(settings: settings);
        var cases = host.Services.GetRequiredService<LitmasCaseService>();
        var officeId = host.Services.GetRequiredService<OfficeDirectory>().Default!.Id;
        var (_, id) = await cases.CreateAsync(officeId,
            new NewLitmasCase("LIT-701/PKU/2026", "Klien", "Dewi Lestari", RequestingInstitution.Polisi, "Polresta Pekanbaru", DateTime.UtcNow.AddMinutes(-1)),
            new Actor(null, "pk-a"), CancellationToken.None);
        await host.Chat("081200009701").Send("status litmas lit-701-pku-2026").Expect("Permintaan diterima").Send("ya").Expect("mengabari").RunAsync();

        LitmasStage[] wanted = [LitmasStage.PkDitunjuk, LitmasStage.Penelitian, LitmasStage.SidangTpp, LitmasStage.Selesai, LitmasStage.PkDitunjuk, LitmasStage.Penelitian, LitmasStage.SidangTpp, LitmasStage.Selesai];
        using var start = new ManualResetEventSlim();
        var attempts = wanted.Select((stage, i) => Task.Run(async () =>
        {
            start.Wait();
            return await cases.ChangeStageAsync(id!.Value, stage, $"officer {i}", 0, new Actor(null, $"pk-{i}"), CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r == LitmasActionResult.Done);
        Assert.Equal(wanted.Length - 1, results.Count(r => r == LitmasActionResult.Conflict));
        await using var db = host.Store.CreateDbContext();
        var litmas = await db.LitmasCases.SingleAsync(c => c.Id == id);
        Assert.Equal(1, litmas.Revision);
        var history = await db.LitmasStageChanges.Where(h => h.CaseId == id && h.FromStage != null).ToListAsync();
        Assert.Equal(litmas.Stage, Assert.Single(history).ToStage);
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.To == "+6281200009701" && m.Kind == OutboundKind.Proactive));

        // The console's search works on this provider too.
        Assert.Equal(1, await db.LitmasCases.CountAsync(c => c.ClientName.ToLower().Contains("klien") && c.NumberKey.Contains("701")));
    }
}
