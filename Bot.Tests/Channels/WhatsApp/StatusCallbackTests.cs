using System.Net;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>Twilio's status callbacks move a sent WhatsApp message forward, never back.</summary>
public sealed class StatusCallbackTests(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private const string Path = WhatsAppEndpoints.StatusPath;

    private WebhookTestHost Host => fixture.Host;

    private static List<KeyValuePair<string, string>> Callback(string sid, string status, string? errorCode = null)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("ChannelPrefix", "whatsapp"),
            new("ApiVersion", "2010-04-01"),
            new("MessageStatus", status),
            new("SmsSid", sid),
            new("SmsStatus", status),
            new("ChannelInstallSid", "XE" + new string('0', 32)),
            new("To", "whatsapp:+6281234567890"),
            new("From", WebhookTestHost.OurNumber),
            new("MessageSid", sid),
            new("StructuredMessage", "false"),
            new("AccountSid", WebhookTestHost.AccountSid),
            new("ChannelToAddress", "+62812345XXXXX"),
        ];
        if (errorCode is not null)
        {
            form.Add(new("ErrorCode", errorCode));
        }

        return form;
    }

    [Fact]
    public async Task Delivered_then_read_move_forward_and_a_late_sent_or_a_duplicate_read_change_nothing()
    {
        var sid = WebhookTests.NewSid();
        var id = await SeedAsync(sid, OutboundStatus.Sent);

        await PostOkAsync(sid, "delivered");
        Assert.Equal(OutboundStatus.Delivered, (await ReadAsync(id)).Status);

        await PostOkAsync(sid, "read");
        var read = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Read, read.Status);
        Assert.NotNull(read.StatusUpdatedAt);

        await PostOkAsync(sid, "sent");
        await PostOkAsync(sid, "read");
        await PostOkAsync(sid, "delivered");
        var after = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Read, after.Status);
        Assert.Equal(read.StatusUpdatedAt, after.StatusUpdatedAt);
        Assert.Null(after.ErrorCode);
    }

    [Fact]
    public async Task Undelivered_with_an_error_code_fails_the_message_with_that_code()
    {
        var sid = WebhookTests.NewSid();
        var other = await SeedAsync(WebhookTests.NewSid(), OutboundStatus.Sent);
        var id = await SeedAsync(sid, OutboundStatus.Sent);

        await PostOkAsync(sid, "undelivered", "63016");

        var row = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Failed, row.Status);
        Assert.Equal("63016", row.ErrorCode);
        Assert.Contains("24-hour", row.ErrorMessage);
        Assert.Equal(OutboundStatus.Sent, (await ReadAsync(other)).Status);

        // A failure is final: a late delivered does not undo it.
        await PostOkAsync(sid, "delivered");
        Assert.Equal(OutboundStatus.Failed, (await ReadAsync(id)).Status);
    }

    [Fact]
    public async Task Delivered_and_read_posted_at_the_same_time_end_at_read()
    {
        var rows = new List<(string Sid, long Id)>();
        for (var i = 0; i < 10; i++)
        {
            var sid = WebhookTests.NewSid();
            rows.Add((sid, await SeedAsync(sid, OutboundStatus.Sent)));
        }

        await Task.WhenAll(rows.SelectMany(r => new[] { PostOkAsync(r.Sid, "delivered"), PostOkAsync(r.Sid, "read") }));

        foreach (var (_, id) in rows)
        {
            Assert.Equal(OutboundStatus.Read, (await ReadAsync(id)).Status);
        }
    }

    [Fact]
    public async Task A_status_for_an_unknown_message_is_acknowledged_and_ignored()
    {
        var response = await Host.PostAsync(Path, Callback(WebhookTests.NewSid(), "delivered"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_or_foreign_status_callback_is_refused_and_changes_nothing()
    {
        var sid = WebhookTests.NewSid();
        var id = await SeedAsync(sid, OutboundStatus.Sent);

        var unsigned = await Host.PostAsync(Path, Callback(sid, "read"), sign: false);
        var badToken = await Host.PostAsync(Path, Callback(sid, "read"), token: "wrong");
        var foreign = await Host.PostAsync(Path, Callback(sid, "read")
            .Select(f => f.Key == "AccountSid" ? new KeyValuePair<string, string>("AccountSid", "AC" + new string('e', 32)) : f).ToList());

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, badToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(OutboundStatus.Sent, (await ReadAsync(id)).Status);
    }

    [Fact]
    public async Task The_updater_stamps_the_time_reports_each_outcome_and_raises_one_event_per_change()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 2, 3, TimeSpan.Zero));
        var updater = new WhatsAppStatusUpdater(Host.Store, time, NullLogger<WhatsAppStatusUpdater>.Instance);
        var events = new List<WhatsAppStatusChanged>();
        updater.StatusChanged += events.Add;
        var sid = WebhookTests.NewSid();
        var id = await SeedAsync(sid, OutboundStatus.Sent);

        var delivered = await updater.ApplyAsync(sid, "delivered", null, null, CancellationToken.None);
        var again = await updater.ApplyAsync(sid, "delivered", null, null, CancellationToken.None);
        var unknown = await updater.ApplyAsync(WebhookTests.NewSid(), "read", null, null, CancellationToken.None);
        var untracked = await updater.ApplyAsync(sid, "receiving", null, null, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var canceled = await updater.ApplyAsync(sid, "canceled", null, null, CancellationToken.None);

        Assert.Equal(StatusUpdateOutcome.Updated, delivered.Outcome);
        Assert.Equal(id, delivered.OutboundId);
        Assert.Equal(StatusUpdateOutcome.Unchanged, again.Outcome);
        Assert.Equal(StatusUpdateOutcome.UnknownMessage, unknown.Outcome);
        Assert.Equal(StatusUpdateOutcome.UnknownStatus, untracked.Outcome);
        Assert.Equal(StatusUpdateOutcome.Updated, canceled.Outcome);
        Assert.Equal(
            [(id, OutboundStatus.Delivered), (id, OutboundStatus.Failed)],
            events.Select(e => (e.OutboundId, e.Status)));

        var row = await ReadAsync(id);
        Assert.Equal(OutboundStatus.Failed, row.Status);
        Assert.Equal("canceled", row.ErrorCode);
        Assert.Equal(time.GetUtcNow().UtcDateTime, row.StatusUpdatedAt);
    }

    [Theory]
    [InlineData("queued", OutboundStatus.Sent)]
    [InlineData("accepted", OutboundStatus.Sent)]
    [InlineData("scheduled", OutboundStatus.Sent)]
    [InlineData("sending", OutboundStatus.Sent)]
    [InlineData("sent", OutboundStatus.Sent)]
    [InlineData("delivered", OutboundStatus.Delivered)]
    [InlineData("read", OutboundStatus.Read)]
    [InlineData("failed", OutboundStatus.Failed)]
    [InlineData("undelivered", OutboundStatus.Failed)]
    [InlineData("canceled", OutboundStatus.Failed)]
    [InlineData("receiving", null)]
    [InlineData("", null)]
    public void Twilio_statuses_map_to_ours(string twilio, OutboundStatus? expected)
    {
        Assert.Equal(expected, WhatsAppStatusUpdater.Map(twilio));
    }

    private async Task PostOkAsync(string sid, string status, string? errorCode = null)
    {
        var response = await Host.PostAsync(Path, Callback(sid, status, errorCode));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<long> SeedAsync(string sid, OutboundStatus status)
    {
        await using var db = Host.Store.CreateDbContext();
        var office = await db.Offices.OrderBy(o => o.Id).FirstAsync();
        var conversation = new Conversation { OfficeId = office.Id, Channel = ChannelKind.WhatsApp, UserAddress = "+62812" + Random.Shared.Next(10_000_000, 99_999_999) };
        db.Conversations.Add(conversation);
        var now = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
        var row = new OutboundMessage
        {
            Conversation = conversation,
            Channel = ChannelKind.WhatsApp,
            To = conversation.UserAddress,
            Body = "Terima kasih",
            Status = status,
            ProviderMessageId = sid,
            CreatedAt = now,
            NextAttemptAt = now,
            SentAt = now,
        };
        db.OutboundMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<OutboundMessage> ReadAsync(long id)
    {
        await using var db = Host.Store.CreateDbContext();
        return await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
