using System.Diagnostics;
using ChatBot.Bot.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using Xunit.Abstractions;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>The test mail server behaves as a real provider: authenticated SMTP in, IMAP out.</summary>
public sealed class MailServerTests(MailServer mail, ITestOutputHelper output) : IClassFixture<MailServer>
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_mail_sent_by_authenticated_smtp_reaches_the_bots_inbox()
    {
        var subject = "Jadwal kunjungan " + Guid.NewGuid().ToString("N")[..8];
        await SendAsync("warga1", mail.Address("bot"), subject, "Kapan saya bisa berkunjung?");

        using var imap = await ConnectImapAsync("bot");
        var message = await FindAsync(imap, subject);

        Assert.Equal(subject, message.Subject);
        Assert.Equal("Kapan saya bisa berkunjung?", message.TextBody?.Trim());
        Assert.Equal(mail.Address("warga1"), message.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_mail_to_an_unknown_user_is_refused_permanently()
    {
        using var smtp = await ConnectSmtpAsync("warga1");
        var message = Message("warga1", mail.Address("nobody"), "Halo", "Ada orang?");

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(message));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refused.ErrorCode);
        Assert.True((int)refused.StatusCode >= 500, $"expected a permanent refusal, got {(int)refused.StatusCode}");
    }

    [Fact]
    public async Task Kicking_drops_an_idle_imap_client()
    {
        using var imap = await ConnectImapAsync("warga2");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        using var done = new CancellationTokenSource();
        var idle = imap.IdleAsync(done.Token);
        await Task.Delay(300); // let the IDLE command reach the server

        var watch = Stopwatch.StartNew();
        await mail.KickAsync();
        var ended = await Task.WhenAny(idle, Task.Delay(TimeSpan.FromSeconds(5)));
        done.Cancel();

        Assert.Same(idle, ended);
        await Assert.ThrowsAnyAsync<Exception>(() => idle);
        Assert.False(imap.IsConnected);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Mail_sent_while_imap_is_down_is_kept_and_delivered_once_it_is_back()
    {
        var before = await mail.MessageCountAsync("warga3");
        await mail.StopImapAsync();
        output.WriteLine($"IMAP stopped in {mail.StopDuration.TotalSeconds:0.0} s");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                using var imap = new ImapClient();
                await imap.ConnectAsync("127.0.0.1", mail.ImapPort, SecureSocketOptions.None);
            });

            // Authentication is Dovecot's too, so only unauthenticated mail (from the local
            // network, to a local user) gets in now.
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync("127.0.0.1", mail.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(Message("warga1", mail.Address("warga3"), "Selagi server mati", "Tersimpan?"));
            await smtp.DisconnectAsync(quit: true);
            Assert.Equal(before, await mail.MessageCountAsync("warga3"));
        }
        finally
        {
            await mail.StartImapAsync();
            output.WriteLine($"IMAP started in {mail.StartDuration.TotalSeconds:0.0} s");
        }

        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (await mail.MessageCountAsync("warga3") == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.True(before + 1 == await mail.MessageCountAsync("warga3"), mail.Logs());
    }

    private async Task SendAsync(string from, string to, string subject, string body)
    {
        using var smtp = await ConnectSmtpAsync(from);
        await smtp.SendAsync(Message(from, to, subject, body));
        await smtp.DisconnectAsync(quit: true);
    }

    private MimeMessage Message(string from, string to, string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(mail.Address(from)));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private async Task<SmtpClient> ConnectSmtpAsync(string user)
    {
        var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", mail.SmtpPort, SecureSocketOptions.None);
        await smtp.AuthenticateAsync(user, MailServer.Password);
        return smtp;
    }

    private async Task<ImapClient> ConnectImapAsync(string user)
    {
        var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", mail.ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(user, MailServer.Password);
        return imap;
    }

    /// <summary>Waits for the mail with this subject in the INBOX, as delivery takes a moment.</summary>
    private async Task<MimeMessage> FindAsync(ImapClient imap, string subject)
    {
        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (true)
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var found = await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(subject));
            if (found.Count > 0)
            {
                return await imap.Inbox.GetMessageAsync(found[0]);
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"'{subject}' did not arrive within {DeliveryTimeout.TotalSeconds} s.\n{mail.Logs()}");
            }
            await imap.Inbox.CloseAsync();
            await Task.Delay(100);
        }
    }
}
