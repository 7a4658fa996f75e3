namespace ChatBot.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from <c>Database</c> and <c>ConnectionStrings:ChatBot</c>.</summary>
public sealed class StoreOptions
{
    public const string DefaultSqlite = "Data Source=data/chatbot.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>
    /// SQLite only: <c>NORMAL</c> (default) survives a crash of the process, and is what this
    /// service promises; <c>FULL</c> also survives a power loss at about half the commit rate.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";
}
