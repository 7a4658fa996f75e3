using System.Diagnostics;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Email;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Xunit.Abstractions;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>
/// The e-mail channel when things break, against real Dovecot and Postfix on 127.0.0.1: the mail
/// server drops the connection or goes away for a while, the service stops between taking a mail
/// and answering it. Whatever happens, the person gets exactly one answer.
/// Each test has a person of its own, as the bot's mailbox is shared within the class.
/// </summary>
[Collection(EmailDeliveryCollection.Name)]
public sealed class EmailRecoveryTests(MailServer server, ITestOutputHelper output) : IClassFixture<MailServer>, IAsyncLifetime
{
    private static readonly TimeSpan NothingMoreWait = TimeSpan.FromSeconds(3);

    private readonly MailHarness _mail = new(server);
    private string? _directory;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.StartImapAsync(); // a failed test must not leave the next one without IMAP
        if (_mail.Host is not null)
        {
            await _mail.Host.DisposeAsync();
        }
        if (_directory is not null)
        {
            TestHost.DeleteDirectory(_directory);
        }
    }

    [Fact]
    public async Task Mail_is_answered_once_after_the_server_drops_the_listener_mid_idle()
    {
        await _mail.StartHostAsync();
        await _mail.WaitForListeningAsync();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the listener is in IDLE by now

        await server.KickAsync();
        var watch = Stopwatch.StartNew();
        var sent = await _mail.SendAsync("warga1", "Setelah putus", "halo");

        var answer = await _mail.WaitForAnswerAsync(sent);
        output.WriteLine($"Answered {watch.ElapsedMilliseconds} ms after the kick");
        await _mail.WaitForListeningAsync(2);
        PrintListenerLog();
        Assert.Equal("Re: Setelah putus", answer.Subject);
        await AssertAnsweredOnceAsync("warga1", sent);
    }

    [Fact]
    public async Task Mail_sent_while_imap_is_down_is_answered_once_it_is_back()
    {
        await _mail.StartHostAsync();
        await _mail.WaitForListeningAsync();

        await server.StopImapAsync();
        MimeMessage sent;
        try
        {
            // Authentication is down with IMAP: only unauthenticated mail from loopback gets in.
            sent = await _mail.SendUnauthenticatedAsync(_mail.Compose("warga2", "Saat server mati", "halo"));
        }
        finally
        {
            await server.StartImapAsync();
        }
        var watch = Stopwatch.StartNew();

        var answer = await _mail.WaitForAnswerAsync(sent);
        output.WriteLine($"Answered {watch.ElapsedMilliseconds} ms after IMAP was back");
        PrintListenerLog();
        Assert.Equal("Re: Saat server mati", answer.Subject);
        await AssertAnsweredOnceAsync("warga2", sent);
    }

    [Fact]
    public async Task Mail_taken_but_not_answered_before_a_stop_is_answered_once_after_the_restart()
    {
        _directory = TestHost.NewDirectory();
        var off = new Dictionary<string, string?> { ["Workers:TurnProcessor:Enabled"] = "false" };
        var host = await _mail.StartHostAsync(_directory, off);

        var sent = await _mail.SendAsync("warga3", "Sebelum berhenti", "halo");
        await _mail.WaitUntilAsync(
            async () => await StoredAsync(host, sent) == 1,
            "the mail is stored as inbound e-mail");
        await _mail.WaitUntilAsync(
            async () => (await _mail.FolderAsync("bot", ImapListener.ProcessedFolder)).Any(m => m.MessageId == sent.MessageId)
                && !(await _mail.FolderAsync("bot", "INBOX")).Any(m => m.MessageId == sent.MessageId),
            "the mail is moved from the bot's INBOX to Processed");
        Assert.Empty(await _mail.InboxAsync("warga3"));
        await host.StopAsync();
        _mail.Host = null;

        var watch = Stopwatch.StartNew();
        await using (var again = await _mail.StartHostAsync(_directory))
        {
            var answer = await _mail.WaitForAnswerAsync(sent);
            output.WriteLine($"Answered {watch.ElapsedMilliseconds} ms after the restart began");
            Assert.Equal("Re: Sebelum berhenti", answer.Subject);
            Assert.Equal(1, await StoredAsync(again, sent));
            await AssertAnsweredOnceAsync("warga3", sent);
        }

        await using (var third = await _mail.StartHostAsync(_directory))
        {
            await _mail.WaitForListeningAsync();
            await Task.Delay(NothingMoreWait);
            Assert.Single(await _mail.InboxAsync("warga3"));
            await using var db = await third.Store.CreateDbContextAsync();
            Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.Channel == ChannelKind.Email));
        }
        _mail.Host = null;
    }

    [Fact]
    public async Task An_answer_due_while_the_mail_servers_authentication_is_down_is_sent_once_it_is_back()
    {
        // Taken but not answered yet, then the service comes back while the mail server's
        // authentication (Dovecot's) is down: its first attempt to send the answer fails.
        _directory = TestHost.NewDirectory();
        var host = await _mail.StartHostAsync(_directory, new Dictionary<string, string?> { ["Workers:TurnProcessor:Enabled"] = "false" });
        var sent = await _mail.SendAsync("warga4", "Saat otentikasi mati", "halo");
        await _mail.WaitUntilAsync(
            async () => (await _mail.FolderAsync("bot", ImapListener.ProcessedFolder)).Any(m => m.MessageId == sent.MessageId),
            "the mail is moved to the bot's Processed folder");
        Assert.Equal(1, await StoredAsync(host, sent));
        await host.StopAsync();
        _mail.Host = null;

        await server.StopImapAsync();
        var again = await _mail.StartHostAsync(_directory);
        try
        {
            await _mail.WaitUntilAsync(
                async () =>
                {
                    await using var db = await again.Store.CreateDbContextAsync();
                    return await db.OutboundMessages.AnyAsync(m => m.Channel == ChannelKind.Email && (m.Attempts > 0 || m.Status != OutboundStatus.Queued));
                },
                "the service tried to send the answer");
        }
        finally
        {
            await server.StartImapAsync();
        }
        var watch = Stopwatch.StartNew();

        // A temporary refusal must leave the answer in the outbox for a retry, not drop it.
        OutboundMessage? row = null;
        await _mail.WaitUntilAsync(
            async () =>
            {
                await using var db = await again.Store.CreateDbContextAsync();
                row = await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Channel == ChannelKind.Email);
                return row.Status != OutboundStatus.Queued;
            },
            "the answer left the outbox");
        Assert.True(row!.Status == OutboundStatus.Sent, $"The answer was not sent: {row.Status} {row.ErrorCode} {row.ErrorMessage}\n{await _mail.DiagnosticsAsync()}");
        var answer = await _mail.WaitForAnswerAsync(sent);
        output.WriteLine($"Answered {watch.ElapsedMilliseconds} ms after the authentication was back");
        Assert.Equal("Re: Saat otentikasi mati", answer.Subject);
        await AssertAnsweredOnceAsync("warga4", sent);
    }

    /// <summary>How the listener lost and found the mailbox, for the test's output.</summary>
    private void PrintListenerLog()
    {
        foreach (var line in _mail.Host!.Logs.Lines.Where(line => line.Contains("mailbox", StringComparison.OrdinalIgnoreCase)))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>The person's mailbox holds one answer, to <paramref name="sent"/>, and no second comes.</summary>
    private async Task AssertAnsweredOnceAsync(string user, MimeMessage sent)
    {
        await Task.Delay(NothingMoreWait);
        var inbox = await _mail.InboxAsync(user);
        Assert.Equal([sent.MessageId], inbox.Select(m => m.InReplyTo));
    }

    private static async Task<int> StoredAsync(TestHost host, MimeMessage sent)
    {
        await using var db = await host.Store.CreateDbContextAsync();
        return await db.InboundMessages.AsNoTracking().CountAsync(m => m.Channel == ChannelKind.Email && m.ProviderMessageId == sent.MessageId);
    }
}
