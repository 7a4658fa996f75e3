using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Email;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>What leaves by SMTP: no more than a few answers per person per minute, and files sent with a mail.</summary>
public sealed class EmailSendingTests(MailServer server) : IClassFixture<MailServer>, IAsyncLifetime
{
    private readonly MailHarness _mail = new(server);

    public async Task InitializeAsync() =>
        await _mail.StartHostAsync(more: new Dictionary<string, string?> { ["Channels:Email:MaxRepliesPerSenderPerMinute"] = "2" });

    public async Task DisposeAsync() => await _mail.Host!.DisposeAsync();

    [Fact]
    public async Task A_burst_of_mail_from_one_person_gets_no_more_answers_a_minute_than_the_limit()
    {
        var sent = new List<MimeKit.MimeMessage>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await _mail.SendAsync("warga1", $"Tanya {i}", "halo"));
        }

        // Postfix may deliver a burst in another order than it was sent: any two are answered first.
        await _mail.WaitForMailAsync("warga1", m => sent.Any(s => s.MessageId == m.InReplyTo));
        await WaitUntilAsync(async () => await server.MessageCountAsync("warga1") >= 2);
        await WaitUntilAsync(async () => (await OutboundAsync("warga1")).Count == 4);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(2, await server.MessageCountAsync("warga1"));
        var rows = await OutboundAsync("warga1");
        Assert.Equal(2, rows.Count(r => r.Status == OutboundStatus.Sent));
        var waiting = rows.Where(r => r.Status == OutboundStatus.Queued).ToList();
        Assert.Equal(2, waiting.Count);
        var firstSent = rows.Where(r => r.SentAt != null).Min(r => r.SentAt!.Value);
        Assert.All(waiting, row => Assert.Equal(0, row.Attempts)); // waiting is not failing: nothing is given up on
        var next = waiting.MinBy(r => r.Id)!; // the later one waits behind it, in order
        Assert.True(next.NextAttemptAt >= firstSent.AddSeconds(55), $"waits until {next.NextAttemptAt:HH:mm:ss}, first answer {firstSent:HH:mm:ss}");
    }

    [Fact]
    public async Task A_file_queued_with_an_answer_arrives_attached()
    {
        var question = await _mail.SendAsync("warga2", "Surat izin", "halo");
        await _mail.WaitForAnswerAsync(question);
        var letter = Path.Combine(_mail.Host!.Directory, "surat-izin.pdf");
        var pdf = "%PDF-1.4\n% surat izin\n"u8.ToArray();
        await File.WriteAllBytesAsync(letter, pdf);

        await using (var db = await _mail.Host.Store.CreateDbContextAsync())
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Channel == ChannelKind.Email && c.UserAddress == server.Address("warga2"));
            db.OutboundMessages.Add(new OutboundMessage
            {
                ConversationId = conversation.Id,
                Channel = ChannelKind.Email,
                To = server.Address("warga2"),
                Body = "Terlampir surat izin Anda.",
                Kind = OutboundKind.Officer,
                Status = OutboundStatus.Queued,
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
                Payload = new EmailThreading("Surat izin", null, null, [new EmailFile(letter, "surat-izin.pdf", "application/pdf")]).ToJson(),
            });
            await db.SaveChangesAsync();
        }

        var mail = await _mail.WaitForMailAsync("warga2", m => m.TextBody?.Contains("Terlampir surat izin", StringComparison.Ordinal) == true);
        var attached = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("surat-izin.pdf", attached.FileName);
        Assert.Equal("application/pdf", attached.ContentType.MimeType);
        using var content = new MemoryStream();
        await attached.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
        Assert.Null(mail.Headers[MimeKit.HeaderId.AutoSubmitted]); // an officer's message is no automatic answer
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_recorded_as_failed_with_its_reason_and_not_retried()
    {
        var question = await _mail.SendAsync("warga3", "Tanya", "halo");
        await _mail.WaitForAnswerAsync(question);
        long id;
        await using (var db = await _mail.Host!.Store.CreateDbContextAsync())
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Channel == ChannelKind.Email && c.UserAddress == server.Address("warga3"));
            var row = new OutboundMessage
            {
                ConversationId = conversation.Id,
                Channel = ChannelKind.Email,
                To = "tidak-ada@" + server.Domain,
                Body = "Balasan petugas.",
                Kind = OutboundKind.Officer,
                Status = OutboundStatus.Queued,
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
            };
            db.OutboundMessages.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        OutboundMessage? failed = null;
        await WaitUntilAsync(async () =>
        {
            await using var db = await _mail.Host!.Store.CreateDbContextAsync();
            failed = await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id);
            return failed.Status != OutboundStatus.Queued;
        });
        Assert.Equal(OutboundStatus.Failed, failed!.Status);
        Assert.Equal("550", failed.ErrorCode);
        Assert.Contains("tidak-ada@", failed.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, failed.Attempts);
    }

    private async Task<List<OutboundMessage>> OutboundAsync(string user)
    {
        await using var db = await _mail.Host!.Store.CreateDbContextAsync();
        return await db.OutboundMessages.AsNoTracking().Where(m => m.Channel == ChannelKind.Email && m.To == server.Address(user)).ToListAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + MailHarness.AnswerTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(100);
        }
    }
}
