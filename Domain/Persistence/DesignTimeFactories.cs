using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatBot.Domain.Persistence;

/// <summary>Used only by <c>dotnet ef migrations add</c>; no connection is opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatBotDb>
{
    public SqliteChatBotDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteChatBotDb>();
        builder.UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable("__migrations"));
        return new SqliteChatBotDb(builder.Options);
    }
}

/// <summary>Used only by <c>dotnet ef migrations add</c>; no connection is opened.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChatBotDb>
{
    public PostgresChatBotDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresChatBotDb>();
        ChatBotDbFactory.ConfigurePostgres(builder, "Host=localhost;Database=design");
        return new PostgresChatBotDb(builder.Options);
    }
}
