using System.Diagnostics;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Email;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Xunit.Abstractions;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>
/// The end-to-end e-mail tests run alone: they wait for what the service logs, and the host's
/// Serilog logger is process-wide (the last host started writes every host's events, a host
/// stopping silences the others), so a host starting in parallel would take their events away.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmailDeliveryCollection
{
    public const string Name = "E-mail delivery end to end";
}

/// <summary>
/// What a citizen notices of the e-mail channel, against real Dovecot and Postfix on 127.0.0.1:
/// the answer lands in their own mailbox, threaded to their mail, within seconds; a conversation
/// goes on over replies that quote the previous answer; automatic mail is never answered.
/// Each test has a person of its own, as the bot's mailbox is shared within the class.
/// </summary>
[Collection(EmailDeliveryCollection.Name)]
public sealed class EmailDeliveryTests(MailServer server, ITestOutputHelper output) : IClassFixture<MailServer>, IAsyncLifetime
{
    private static readonly TimeSpan NothingMoreWait = TimeSpan.FromSeconds(2);

    private readonly MailHarness _mail = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_mail.Host is not null)
        {
            await _mail.Host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_mail_arriving_while_the_listener_idles_is_answered_threaded_within_seconds()
    {
        await _mail.StartHostAsync();
        await _mail.WaitForListeningAsync();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the listener is in IDLE by now

        var watch = Stopwatch.StartNew();
        var sent = await _mail.SendAsync("warga1", "Jam kunjungan", "halo");
        var answer = await _mail.WaitForAnswerAsync(sent);
        watch.Stop();
        output.WriteLine($"Latency from sending to the answer in the mailbox: {watch.ElapsedMilliseconds} ms (the mailbox is looked at every 200 ms)");

        Assert.Equal(sent.MessageId, answer.InReplyTo);
        Assert.Contains(sent.MessageId, answer.References);
        Assert.Equal("Re: Jam kunjungan", answer.Subject);
        Assert.Equal(server.Address("bot"), answer.From.Mailboxes.Single().Address);
        Assert.Contains("Selamat datang", answer.TextBody);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the answer took {watch.Elapsed.TotalSeconds:0.0} s");

        await Task.Delay(NothingMoreWait);
        Assert.Single(await _mail.InboxAsync("warga1"));

        // RFC 5322 3.6.4: the parent's References, then the parent's Message-ID, each once.
        output.WriteLine("References: " + answer.Headers[HeaderId.References]);
        Assert.Equal(Ids(sent), answer.References);
    }

    [Fact]
    public async Task A_conversation_goes_on_over_replies_that_quote_the_previous_answer()
    {
        await _mail.StartHostAsync(extraDialogs: [new TestFormDialog()]);

        var first = await _mail.SendAsync("warga2", "Pendaftaran kunjungan", "halo");
        var menu = await _mail.WaitForAnswerAsync(first);
        Assert.Contains("Selamat datang", menu.TextBody);

        // The quoted menu is full of numbers: read, it would pick a menu entry or fail the name.
        var second = await _mail.SendAsync(_mail.ComposeReply("warga2", menu, "1"));
        var askName = await _mail.WaitForAnswerAsync(second);
        Assert.Contains("Siapa nama Anda?", askName.TextBody);
        Assert.DoesNotContain("Selamat datang", askName.TextBody);

        var third = await _mail.SendAsync(_mail.ComposeReply("warga2", askName, "Budi Santoso"));
        var askDate = await _mail.WaitForAnswerAsync(third);
        Assert.Contains("Halo Budi Santoso, tanggal berapa?", askDate.TextBody);

        // One thread: every answer says "Re:" once and carries the references of all before it.
        foreach (var answer in new[] { menu, askName, askDate })
        {
            Assert.Equal("Re: Pendaftaran kunjungan", answer.Subject);
        }
        Assert.Equal(first.MessageId, menu.InReplyTo);
        Assert.Equal(second.MessageId, askName.InReplyTo);
        Assert.Equal(third.MessageId, askDate.InReplyTo);
        AssertInOrder(Ids(first), menu.References);
        AssertInOrder(Ids(first, menu, second), askName.References);
        AssertInOrder(Ids(first, menu, second, askName, third), askDate.References);

        await using var db = await _mail.Host!.Store.CreateDbContextAsync();
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.Channel == ChannelKind.Email && c.UserAddress == server.Address("warga2"))
            .CountAsync();
        Assert.Equal(1, conversations);

        await Task.Delay(NothingMoreWait);
        Assert.Equal(3, (await _mail.InboxAsync("warga2")).Count);

        // RFC 5322 3.6.4: the parent's References, then the parent's Message-ID, each once.
        output.WriteLine("References of the third answer: " + askDate.Headers[HeaderId.References]);
        Assert.Equal(Ids(first), menu.References);
        Assert.Equal(Ids(first, menu, second), askName.References);
        Assert.Equal(Ids(first, menu, second, askName, third), askDate.References);
    }

    [Fact]
    public async Task A_bounce_an_out_of_office_reply_and_a_list_mail_are_not_answered()
    {
        await _mail.StartHostAsync();

        var bounce = Bounce("warga3");
        await _mail.SendWithEmptySenderAsync(bounce);

        var outOfOffice = _mail.Compose("warga3", "Balasan otomatis: Jadwal", "Saya sedang cuti sampai Senin.");
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await _mail.SendAsync(outOfOffice);

        var listMail = _mail.Compose("warga3", "[keluarga-warga] Info kunjungan", "Untuk semua anggota milis.");
        listMail.Headers.Add(HeaderId.ListId, "Keluarga Warga <keluarga-warga.example.test>");
        listMail.Headers.Add(HeaderId.Precedence, "list");
        await _mail.SendAsync(listMail);

        var automatic = new[] { bounce.MessageId, outOfOffice.MessageId, listMail.MessageId };
        IReadOnlyList<MimeMessage> ignored = [];
        await _mail.WaitUntilAsync(
            async () => automatic.All((ignored = await _mail.FolderAsync("bot", ImapListener.IgnoredFolder)).Select(m => m.MessageId).Contains),
            "the bounce, the out-of-office reply and the list mail are in the bot's Ignored folder");
        // The bounce came as bounces do: the mail server recorded its empty envelope sender.
        Assert.Equal("<>", ignored.Single(m => m.MessageId == bounce.MessageId).Headers[HeaderId.ReturnPath]);

        // The listener is alive after them: a person's mail is answered.
        var sent = await _mail.SendAsync("warga3", "Tanya", "halo");
        await _mail.WaitForAnswerAsync(sent);

        await Task.Delay(NothingMoreWait);
        var inbox = await _mail.InboxAsync("warga3");
        Assert.Equal([sent.MessageId], inbox.Select(m => m.InReplyTo));
        await using var db = await _mail.Host!.Store.CreateDbContextAsync();
        var stored = await db.InboundMessages.AsNoTracking().Where(m => m.Channel == ChannelKind.Email).Select(m => m.ProviderMessageId).ToListAsync();
        Assert.Equal(Ids(sent), stored);
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.Channel == ChannelKind.Email));
        Assert.Empty(await _mail.FolderAsync("bot", "INBOX"));
    }

    /// <summary>Every id of <paramref name="expected"/> appears in <paramref name="references"/>, in this order.</summary>
    private static void AssertInOrder(string[] expected, IEnumerable<string> references)
    {
        var list = references.ToList();
        var at = -1;
        foreach (var id in expected)
        {
            var next = list.IndexOf(id, at + 1);
            Assert.True(next > at, $"References lack {id} after position {at}: {string.Join(' ', list)}");
            at = next;
        }
    }

    private static string[] Ids(params MimeMessage[] messages) => [.. messages.Select(m => m.MessageId!)];

    /// <summary>A delivery status report as a mail server sends it when the bot's answer could not be delivered.</summary>
    private MimeMessage Bounce(string to)
    {
        var bounce = new MimeMessage
        {
            Subject = "Undelivered Mail Returned to Sender",
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail." + server.Domain),
        };
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mail." + server.Domain));
        bounce.To.Add(MailboxAddress.Parse(server.Address("bot")));
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = $"This is the mail system.\n\nYour message could not be delivered to {server.Address(to)}.\n" },
            new MimePart("message", "delivery-status")
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(
                    $"Reporting-MTA: dns; mail.{server.Domain}\n\nFinal-Recipient: rfc822; {server.Address(to)}\nAction: failed\nStatus: 5.1.1\n"))),
            },
        };
        bounce.Body = report;
        return bounce;
    }
}
