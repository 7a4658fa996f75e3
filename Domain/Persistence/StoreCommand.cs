using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatBot.Domain.Persistence;

/// <summary>
/// A plain SQL statement on a store context's connection and current transaction, executed many
/// times with new parameter values. Used only on the pipeline's hot paths (storing inbound
/// messages, committing turns, recording sends), where EF's change tracking costs several times
/// more than the write itself. The SQL is written once for both providers: double-quoted
/// identifiers, <c>@name</c> parameters, <c>RETURNING</c> and <c>ON CONFLICT</c> work on SQLite and
/// PostgreSQL alike, and the PostgreSQL tests run every statement.
/// </summary>
public sealed class StoreCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Dictionary<string, DbParameter> _parameters = new(StringComparer.Ordinal);

    private StoreCommand(DbCommand command) => _command = command;

    /// <summary>Creates the statement; every <c>@name</c> it uses must be listed.</summary>
    public static StoreCommand Create(ChatBotDb db, string sql, params string[] parameterNames)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var store = new StoreCommand(command);
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
            store._parameters[name] = parameter;
        }

        return store;
    }

    /// <summary>Sets a parameter for the next execution (null becomes SQL NULL; enums are stored as their names).</summary>
    public StoreCommand Set(string name, object? value)
    {
        _parameters[name].Value = value switch
        {
            null => DBNull.Value,
            Enum e => e.ToString(),
            _ => value,
        };
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

    /// <summary>The first column of the first row, or null when no row came back.</summary>
    public async Task<object?> ScalarAsync(CancellationToken cancellationToken)
    {
        var value = await _command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Reads every row with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

/// <summary>Opening a write transaction on a context, behind the process's write gate.</summary>
public static class StoreTransactions
{
    /// <summary>
    /// Enters the write gate and begins a transaction; disposing the result rolls back unless
    /// <see cref="WriteScope.CommitAsync"/> was called, then leaves the gate.
    /// </summary>
    public static async Task<WriteScope> BeginWriteAsync(this ChatBotDbFactory factory, ChatBotDb db, CancellationToken cancellationToken)
    {
        var gate = await factory.Gate.EnterAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new WriteScope(transaction, gate);
        }
        catch (Exception)
        {
            gate.Dispose();
            throw;
        }
    }

    public sealed class WriteScope(IDbContextTransaction transaction, WriteGate.Releaser gate) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            gate.Dispose();
        }
    }
}
