using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatBot.Domain.Persistence;

/// <summary>
/// Sets the per-connection synchronous level explicitly, because the bundled SQLite defaults WAL to
/// FULL. WAL itself is a property of the database file, set once when the store is initialised
/// (see <see cref="StoreInitializer"/>); foreign keys are switched on by the provider.
/// </summary>
public sealed class SqliteConnectionSetup(string synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA synchronous={CheckSynchronous(synchronous)};";

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

    /// <summary>The level in upper case; a <see cref="SettingsException"/> for anything SQLite would not take.</summary>
    public static string CheckSynchronous(string level) => level.Trim().ToUpperInvariant() switch
    {
        "NORMAL" => "NORMAL",
        "FULL" => "FULL",
        "EXTRA" => "EXTRA",
        _ => throw new SettingsException($"Database:SqliteSynchronous must be NORMAL, FULL or EXTRA, not '{level}'."),
    };
}
