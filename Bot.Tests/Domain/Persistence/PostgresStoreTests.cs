using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Domain.Persistence;

/// <summary>The PostgreSQL store: its own migrations apply on start and the whole pipeline runs on it.</summary>
public sealed class PostgresStoreTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task The_service_migrates_an_empty_postgres_database_and_answers_on_it()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ChatBot"] = connection,
        };

        await using (var host = await TestHost.StartAsync(settings: settings, extraDialogs: [new TestFormDialog()]))
        {
            Assert.Equal(DatabaseProvider.Postgres, host.Store.Options.Provider);
            await host.Chat("081200005001")
                .Send("halo").Expect("Selamat datang")
                .Send("1").Expect("Siapa nama Anda?")
                .Send("Budi").Expect("Halo Budi")
                .RunAsync();
        }

        // A restart on the same database continues the conversation where it was.
        await using (var again = await TestHost.StartAsync(settings: settings, extraDialogs: [new TestFormDialog()]))
        {
            await again.Chat("081200005001").Send("kembali").Expect("Siapa nama Anda?").RunAsync();
            await using var db = again.Store.CreateDbContext();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(4, await db.InboundMessages.CountAsync(m => m.From == "+6281200005001" && m.Status == InboundStatus.Done));
            Assert.Equal(1, await db.Offices.CountAsync());
        }
    }
}
