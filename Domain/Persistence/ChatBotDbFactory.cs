using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatBot.Domain.Persistence;

/// <summary>
/// Creates store contexts for the configured provider. Options are built once; contexts are cheap
/// and short-lived (one per unit of work).
/// </summary>
public sealed class ChatBotDbFactory : IDbContextFactory<ChatBotDb>
{
    private readonly Func<ChatBotDb> _create;

    public ChatBotDbFactory(StoreOptions options)
    {
        Options = options;
        Gate = new WriteGate(exclusive: options.Provider == DatabaseProvider.Sqlite);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteChatBotDb>();
                ConfigureSqlite(sqlite, options);
                var built = sqlite.Options;
                _create = () => new SqliteChatBotDb(built);
                break;
            case DatabaseProvider.Postgres:
                var pg = new DbContextOptionsBuilder<PostgresChatBotDb>();
                ConfigurePostgres(pg, options.ConnectionString);
                var builtPg = pg.Options;
                _create = () => new PostgresChatBotDb(builtPg);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }
    }

    public StoreOptions Options { get; }

    /// <summary>Every writer in the process enters this gate around its write transaction.</summary>
    public WriteGate Gate { get; }

    public ChatBotDb CreateDbContext() => _create();

    public Task<ChatBotDb> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(_create());

    /// <summary>Deletes the rows <paramref name="rows"/> picks, under the write gate; returns how many went.</summary>
    public async Task<int> DeleteAsync<T>(Func<ChatBotDb, IQueryable<T>> rows, CancellationToken cancellationToken)
    {
        await using var db = _create();
        using (await Gate.EnterAsync(cancellationToken))
        {
            return await rows(db).ExecuteDeleteAsync(cancellationToken);
        }
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder builder, StoreOptions options)
    {
        var csb = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            // NIKs, transcripts and password hashes: owner-only. SQLite gives its -wal and -shm
            // files the mode of the database file, so creating that one 0600 covers all three.
            var file = Path.GetFullPath(csb.DataSource);
            var directory = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(directory))
            {
                OwnerOnly.CreateDirectory(directory);
            }

            if (csb.Mode != SqliteOpenMode.ReadOnly)
            {
                OwnerOnly.CreateFile(file);
                OwnerOnly.Restrict(file + "-wal");
                OwnerOnly.Restrict(file + "-shm");
            }
        }

        csb.Pooling = true;
        builder.UseSqlite(csb.ToString(), o => o.MigrationsHistoryTable("__migrations"))
            .AddInterceptors(new SqliteConnectionSetup(options.SqliteSynchronous))
            .ConfigureWarnings(w => w.Ignore(CoreEventId.FirstWithoutOrderByAndFilterWarning));
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__migrations"));
    }
}
