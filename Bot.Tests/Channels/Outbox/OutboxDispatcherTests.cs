using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Outbox;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ChatBot.Bot.Tests.Channels.Outbox;

/// <summary>The outbox's retry, permanent-failure and ordering rules, with a mocked channel sender.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly string _directory = TestHost.NewDirectory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private readonly Mock<IChannelSender> _sender = new();
    private ChatBotDbFactory _factory = null!;
    private long _conversationId;

    public async Task InitializeAsync()
    {
        _factory = new ChatBotDbFactory(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "outbox.db")}" });
        await StoreInitializer.InitializeAsync(_factory, new DefaultOfficeOptions(), null, null, _time.GetUtcNow().UtcDateTime, CancellationToken.None);
        await using var db = _factory.CreateDbContext();
        var office = await db.Offices.SingleAsync();
        var conversation = new Conversation { OfficeId = office.Id, Channel = ChannelKind.WhatsApp, UserAddress = "+6281200003001" };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        _conversationId = conversation.Id;
        _sender.SetupGet(s => s.Channel).Returns(ChannelKind.WhatsApp);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestHost.DeleteDirectory(_directory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_transient_failure_is_retried_later_and_then_sent_once()
    {
        var id = await QueueAsync("first");
        _sender.SetupSequence(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendResult.Transient("503 from provider"))
            .ReturnsAsync(new SendResult.Sent("SM1"));
        var dispatcher = Dispatcher();

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var afterFailure = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Queued, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.True(afterFailure.NextAttemptAt > _time.GetUtcNow().UtcDateTime);

        // Not due yet: nothing is sent.
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(5));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var sent = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Sent, sent.Status);
        Assert.Equal("SM1", sent.ProviderMessageId);
        _sender.Verify(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Retry_after_from_the_provider_is_honoured()
    {
        var id = await QueueAsync("first");
        _sender.Setup(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendResult.Transient("429", TimeSpan.FromSeconds(30)));

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddSeconds(30), (await ReadAsync(id)).NextAttemptAt);
    }

    [Fact]
    public async Task A_permanent_rejection_is_recorded_and_never_retried()
    {
        var id = await QueueAsync("first");
        _sender.Setup(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendResult.Rejected("21211", "Invalid 'To' Phone Number"));
        var dispatcher = Dispatcher();

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var row = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Failed, row.Status);
        Assert.Equal("21211", row.ErrorCode);
        Assert.Equal("Invalid 'To' Phone Number", row.ErrorMessage);
        _sender.Verify(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_message_waiting_for_retry_holds_back_the_later_ones_of_its_conversation()
    {
        var first = await QueueAsync("first");
        var second = await QueueAsync("second");
        var bodies = new List<string>();
        _sender.Setup(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutboundMessage m, CancellationToken _) =>
            {
                bodies.Add(m.Body);
                return bodies.Count == 1 ? new SendResult.Transient("timeout") : new SendResult.Sent($"SM{bodies.Count}");
            });
        var dispatcher = Dispatcher();

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(["first"], bodies);
        Assert.Equal(OutboundStatus.Queued, (await ReadAsync(second)).Status);

        _time.Advance(TimeSpan.FromSeconds(5));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(["first", "first", "second"], bodies);
        Assert.Equal(OutboundStatus.Sent, (await ReadAsync(first)).Status);
        Assert.Equal(OutboundStatus.Sent, (await ReadAsync(second)).Status);
    }

    [Fact]
    public async Task Rows_waiting_at_the_head_of_the_outbox_hold_back_only_their_own_conversation()
    {
        // 300 rows deferred by a limit of ours (or waiting for a retry), then one more for the same person.
        var now = _time.GetUtcNow().UtcDateTime;
        var waiting = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            waiting.Add(await QueueAsync($"waiting {i}", notBefore: now.AddMinutes(10)));
        }

        var sameConversation = await QueueAsync("after the waiting ones");
        var otherConversation = await QueueAsync("another person's reply", conversationId: await NewConversationAsync("+6281200003002"));
        var bodies = new List<string>();
        _sender.Setup(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutboundMessage m, CancellationToken _) =>
            {
                lock (bodies)
                {
                    bodies.Add(m.Body);
                }

                return new SendResult.Sent($"SM{m.Id}");
            });
        var dispatcher = Dispatcher();

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(["another person's reply"], bodies);
        Assert.Equal(OutboundStatus.Sent, (await ReadAsync(otherConversation)).Status);
        Assert.Equal(OutboundStatus.Queued, (await ReadAsync(sameConversation)).Status);

        // Once due, the waiting rows go first and the later row of their conversation last.
        _time.Advance(TimeSpan.FromMinutes(11));
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(302, bodies.Count);
        Assert.Equal([.. Enumerable.Range(0, 300).Select(i => $"waiting {i}"), "after the waiting ones"], bodies.Skip(1));
        Assert.Equal(OutboundStatus.Sent, (await ReadAsync(sameConversation)).Status);
    }

    [Fact]
    public async Task Repeated_transient_failures_end_as_failed_instead_of_retrying_forever()
    {
        var id = await QueueAsync("first");
        _sender.Setup(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendResult.Transient("connection refused"));
        var dispatcher = Dispatcher(new OutboxOptions { MaxAttempts = 3 });

        for (var i = 0; i < 5; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromHours(1));
        }

        var row = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Failed, row.Status);
        Assert.Equal("gave_up", row.ErrorCode);
        _sender.Verify(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task A_person_who_wrote_stop_gets_no_proactive_message_but_still_gets_replies()
    {
        await using (var db = _factory.CreateDbContext())
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == _conversationId);
            conversation.OptedOutAt = _time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }

        var reminder = await QueueAsync("Pengingat kunjungan besok", OutboundKind.Proactive);
        var reply = await QueueAsync("Jawaban atas pesan Anda");
        _sender.Setup(s => s.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(new SendResult.Sent("SM9"));

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        var held = await ReadAsync(reminder);
        Assert.Equal(OutboundStatus.Failed, held.Status);
        Assert.Equal("opted_out", held.ErrorCode);
        Assert.Equal(OutboundStatus.Sent, (await ReadAsync(reply)).Status);
        _sender.Verify(s => s.SendAsync(It.Is<OutboundMessage>(m => m.Id == reminder), It.IsAny<CancellationToken>()), Times.Never);
    }

    private OutboxDispatcher Dispatcher(OutboxOptions? options = null) =>
        new(_factory, [_sender.Object], new PipelineEvents(), options ?? new OutboxOptions(), _time, NullLogger<OutboxDispatcher>.Instance);

    private async Task<long> NewConversationAsync(string address)
    {
        await using var db = _factory.CreateDbContext();
        var conversation = new Conversation { OfficeId = (await db.Offices.SingleAsync()).Id, Channel = ChannelKind.WhatsApp, UserAddress = address };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    private async Task<long> QueueAsync(string body, OutboundKind kind = OutboundKind.Reply, DateTime? notBefore = null, long? conversationId = null)
    {
        await using var db = _factory.CreateDbContext();
        var now = _time.GetUtcNow().UtcDateTime;
        var row = new OutboundMessage
        {
            ConversationId = conversationId ?? _conversationId,
            Channel = ChannelKind.WhatsApp,
            To = "+6281200003001",
            Body = body,
            Kind = kind,
            Status = OutboundStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = notBefore ?? now,
        };
        db.OutboundMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<OutboundMessage> ReadAsync(long id)
    {
        await using var db = _factory.CreateDbContext();
        return await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
