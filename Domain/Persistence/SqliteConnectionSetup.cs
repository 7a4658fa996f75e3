using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatBot.Domain.Persistence;

/// <summary>
/// Sets the pragmas every SQLite connection needs. WAL lets readers (the console) run beside the
/// single writer; the synchronous level is explicit because the bundled SQLite defaults WAL to FULL.
/// </summary>
internal sealed class SqliteConnectionSetup(string synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous={Validate(synchronous)}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Validate(string level) => level.ToUpperInvariant() switch
    {
        "NORMAL" => "NORMAL",
        "FULL" => "FULL",
        "EXTRA" => "EXTRA",
        _ => throw new ArgumentException($"Database:SqliteSynchronous must be NORMAL, FULL or EXTRA, not '{level}'."),
    };
}
