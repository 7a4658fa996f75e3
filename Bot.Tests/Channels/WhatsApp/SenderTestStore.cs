using System.Collections.Concurrent;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>A temporary SQLite store with the default office, for the WhatsApp sender's tests.</summary>
public sealed class SenderTestStore : IAsyncLifetime
{
    private readonly string _directory = TestHost.NewDirectory();
    private int _office;

    public ChatBotDbFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new ChatBotDbFactory(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "whatsapp.db")}" });
        await StoreInitializer.InitializeAsync(Factory, new DefaultOfficeOptions(), FakeTwilioServer.From, null, TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
        await using var db = Factory.CreateDbContext();
        _office = (await db.Offices.SingleAsync()).Id;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestHost.DeleteDirectory(_directory);
        return Task.CompletedTask;
    }

    /// <summary>WhatsApp conversations with these numbers, who last wrote at <paramref name="lastInboundAt"/>; returns their ids.</summary>
    public async Task<IReadOnlyList<long>> AddConversationsAsync(IReadOnlyList<string> numbers, DateTime lastInboundAt)
    {
        await using var db = Factory.CreateDbContext();
        var conversations = numbers.Select(n => new Conversation
        {
            OfficeId = _office,
            Channel = ChannelKind.WhatsApp,
            UserAddress = n,
            CreatedAt = lastInboundAt,
            LastInboundAt = lastInboundAt,
            LastActivityAt = lastInboundAt,
        }).ToList();
        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync();
        return [.. conversations.Select(c => c.Id)];
    }

    public async Task<long> AddConversationAsync(string number, DateTime lastInboundAt) =>
        (await AddConversationsAsync([number], lastInboundAt))[0];

    /// <summary>Commits outbox rows (queued, due at <paramref name="now"/>) in the order given; returns them with their ids.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> QueueAsync(IEnumerable<(long ConversationId, string To, string Body)> rows, DateTime now)
    {
        await using var db = Factory.CreateDbContext();
        var added = rows.Select(r => new OutboundMessage
        {
            ConversationId = r.ConversationId,
            Channel = ChannelKind.WhatsApp,
            To = r.To,
            Body = r.Body,
            Kind = OutboundKind.Reply,
            Status = OutboundStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        db.OutboundMessages.AddRange(added);
        await db.SaveChangesAsync();
        return added;
    }

    public async Task<List<OutboundMessage>> OutboxAsync()
    {
        await using var db = Factory.CreateDbContext();
        return await db.OutboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }
}

/// <summary>Keeps every log line (message and structured values) so tests can check what logs reveal.</summary>
public sealed class CollectingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} | {string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))} | {exception}");
    }
}
