using ChatBot.Bot.Flows.IntegrationInfo;
using ChatBot.Bot.OfficerConsole.Integration;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Console.Integration;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Domain.Integration;

public sealed class IntegrationRetentionTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Personal_data_and_the_ktp_file_are_erased_after_the_retention_and_the_counts_remain()
    {
        var closedAt = new DateTime(2026, 1, 10, 3, 0, 0, DateTimeKind.Utc);
        var closed = await IntegrationWorld.SubmitAsync(_host, "+6281300090001", "warga@example.test", submittedAt: closedAt.AddMinutes(-4));
        var open = await IntegrationWorld.SubmitAsync(_host, "+6281300090002", "warga@example.test", submittedAt: closedAt.AddMinutes(-6));
        await using (var db = _host.Store.CreateDbContext())
        {
            await db.IntegrationRequests.Where(r => r.Id == closed.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, IntegrationRequestStatus.Closed).SetProperty(r => r.Outcome, IntegrationOutcome.Answered)
                .SetProperty(r => r.VerifiedAt, closedAt.AddMinutes(-2)).SetProperty(r => r.ClosedAt, closedAt).SetProperty(r => r.AnswerText, "PB Budi: sidang TPP 2 Februari"));
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(closedAt.AddDays(90).AddMinutes(-1), TimeSpan.Zero));
        var retention = new IntegrationRetention(_host.Store, new IntegrationOptions(), clock, NullLogger<IntegrationRetention>.Instance);
        Assert.Equal(0, await retention.RunPassAsync(CancellationToken.None));
        Assert.True(File.Exists(closed.KtpPath));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await retention.RunPassAsync(CancellationToken.None));
        Assert.Equal(0, await retention.RunPassAsync(CancellationToken.None));

        Assert.False(File.Exists(closed.KtpPath));
        Assert.True(File.Exists(open.KtpPath));
        await using var check = _host.Store.CreateDbContext();
        var erased = await check.IntegrationRequests.SingleAsync(r => r.Id == closed.Id);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, erased.ErasedAt);
        Assert.All(
            new[] { erased.RequesterName, erased.Address, erased.Phone, erased.GuarantorName, erased.GuarantorRelationship, erased.GuarantorAddress,
                erased.GuarantorPhone, erased.InmateName, erased.Nik, erased.Email, erased.KtpPath, erased.KtpContentType, erased.AnswerText },
            Assert.Null);
        // The anonymised record still counts: what was asked, by whom, how it ended and how fast.
        Assert.Equal((IntegrationProgramme.Pb, "family", IntegrationOutcome.Answered, closed.ReferenceCode), (erased.Programme, erased.Relationship, erased.Outcome, erased.ReferenceCode));
        Assert.Equal(IntegrationTimeliness.OnTime, IntegrationRules.Timeliness(erased, clock.GetUtcNow().UtcDateTime));
        Assert.Equal(2, await check.IntegrationRequests.CountAsync());
        Assert.Equal("Siti Aminah", (await check.IntegrationRequests.SingleAsync(r => r.Id == open.Id)).RequesterName);
    }

    [Fact]
    public async Task What_the_person_typed_into_the_form_and_the_answer_sent_to_them_are_erased_too()
    {
        var closedAt = new DateTime(2026, 2, 1, 3, 0, 0, DateTimeKind.Utc);
        var request = await IntegrationWorld.SubmitAsync(_host, "+6281300090003", "warga3@example.test", submittedAt: closedAt.AddMinutes(-5));
        var scan = Path.Combine(_host.Directory, "media", "scan-in-chat.jpg");
        await File.WriteAllBytesAsync(scan, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0]);
        long before, during, after, answer;
        await using (var db = _host.Store.CreateDbContext())
        {
            var conversation = new Conversation
            {
                OfficeId = request.OfficeId, Channel = ChannelKind.WhatsApp, UserAddress = "+6281300090003",
                CreatedAt = closedAt.AddHours(-1), LastInboundAt = closedAt, LastActivityAt = closedAt,
            };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            InboundMessage Inbound(string id, string body, DateTime at, string? files = null) => new()
            {
                Channel = ChannelKind.WhatsApp, ProviderMessageId = id, OfficeId = request.OfficeId, From = "+6281300090003", To = "+14155238886",
                Body = body, ReceivedAt = at, Status = InboundStatus.Done, ConversationId = conversation.Id, Attachments = files,
            };
            var files = System.Text.Json.JsonSerializer.Serialize(new[] { new StoredAttachment("image/jpeg", 8, scan, "ktp.jpg") });
            var messages = new[]
            {
                Inbound("SM-before", "halo", request.ConsentedAt.AddMinutes(-1)),
                Inbound("SM-during", "NIK saya 3171051208850001", request.ConsentedAt.AddMinutes(2), files),
                Inbound("SM-after", "terima kasih", closedAt.AddDays(1)),
            };
            db.InboundMessages.AddRange(messages);
            var answerRow = new OutboundMessage
            {
                ConversationId = conversation.Id, Channel = ChannelKind.WhatsApp, To = "+6281300090003", Body = "Informasi PB: sidang TPP 2 Februari",
                Kind = OutboundKind.Proactive, Topic = IntegrationRequests.AnswerTopic, Status = OutboundStatus.Sent, CreatedAt = closedAt, NextAttemptAt = closedAt,
            };
            db.OutboundMessages.Add(answerRow);
            await db.SaveChangesAsync();
            (before, during, after, answer) = (messages[0].Id, messages[1].Id, messages[2].Id, answerRow.Id);
            await db.IntegrationRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, IntegrationRequestStatus.Closed).SetProperty(r => r.ClosedAt, closedAt)
                .SetProperty(r => r.ConversationId, conversation.Id));
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(closedAt.AddDays(91), TimeSpan.Zero));
        var retention = new IntegrationRetention(_host.Store, new IntegrationOptions(), clock, NullLogger<IntegrationRetention>.Instance);
        Assert.Equal(1, await retention.RunPassAsync(CancellationToken.None));

        await using var check = _host.Store.CreateDbContext();
        var inbound = await check.InboundMessages.AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal("halo", inbound[before].Body);
        Assert.Equal(IntegrationRetention.ErasedText, inbound[during].Body);
        Assert.Null(inbound[during].Attachments);
        Assert.False(File.Exists(scan));
        Assert.Equal("terima kasih", inbound[after].Body);
        Assert.Equal(IntegrationRetention.ErasedText, (await check.OutboundMessages.SingleAsync(m => m.Id == answer)).Body);
    }

    [Fact]
    public async Task A_form_left_unfinished_for_a_month_is_forgotten()
    {
        var now = new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc);
        var office = ConsoleData.DefaultOfficeId(_host);
        Conversation Waiting(string address, string dialog, DateTime lastActivity) => new()
        {
            OfficeId = office, Channel = ChannelKind.WhatsApp, UserAddress = address, CreatedAt = lastActivity,
            LastInboundAt = lastActivity, LastActivityAt = lastActivity,
            DialogState = """{"format":1,"instances":[{"id":"main-menu","version":1},{"id":"DIALOG","version":1,"state":{"v":{"name":"Siti"}}}]}""".Replace("DIALOG", dialog, StringComparison.Ordinal),
        };
        var stale = Waiting("+6281300090010", "integration-info", now.AddDays(-31));
        var recent = Waiting("+6281300090011", "integration-info", now.AddDays(-29));
        var otherFlow = Waiting("+6281300090012", "litmas-status", now.AddDays(-31));
        await using (var db = _host.Store.CreateDbContext())
        {
            db.Conversations.AddRange(stale, recent, otherFlow);
            await db.SaveChangesAsync();
        }

        var retention = new IntegrationRetention(_host.Store, new IntegrationOptions(), new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), NullLogger<IntegrationRetention>.Instance);
        Assert.Equal(1, await retention.RunPassAsync(CancellationToken.None));

        await using var check = _host.Store.CreateDbContext();
        var states = await check.Conversations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.DialogState);
        Assert.Null(states[stale.Id]);
        Assert.Contains("Siti", states[recent.Id]);
        Assert.Contains("Siti", states[otherFlow.Id]);
    }
}
