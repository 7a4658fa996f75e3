using ChatBot.Bot.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>
/// The e-mail channel against real Dovecot and Postfix on 127.0.0.1: a citizen's mail is answered in
/// their own mailbox, threaded to it; automatic mail is never answered.
/// </summary>
public sealed class EmailEndToEndTests(MailServer mail) : IClassFixture<MailServer>, IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Channels:Email:Enabled"] = "true",
            ["Channels:Email:Address"] = mail.Address("bot"),
            ["Channels:Email:DisplayName"] = "Layanan Rutan",
            ["Channels:Email:Imap:Host"] = "127.0.0.1",
            ["Channels:Email:Imap:Port"] = mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Email:Imap:UseSsl"] = "false",
            ["Channels:Email:Imap:Username"] = "bot",
            ["Channels:Email:Imap:Password"] = MailServer.Password,
            ["Channels:Email:Smtp:Host"] = "127.0.0.1",
            ["Channels:Email:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Email:Smtp:UseSsl"] = "false",
            ["Channels:Email:Smtp:Username"] = "bot",
            ["Channels:Email:Smtp:Password"] = MailServer.Password,
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_citizen_mail_is_answered_in_their_mailbox_threaded_to_it()
    {
        var sent = await SendAsync("warga1", "Tanya layanan", "halo\n\n-- \nSiti");

        var reply = await WaitForMailAsync("warga1", m => m.Subject == "Re: Tanya layanan");
        Assert.Equal(sent.MessageId, reply.InReplyTo);
        Assert.Contains(sent.MessageId, reply.References);
        Assert.Equal("auto-replied", reply.Headers[HeaderId.AutoSubmitted]);
        Assert.Contains("Selamat datang", reply.TextBody);
        Assert.Contains("Pendaftaran kunjungan video call", reply.TextBody);
        Assert.NotNull(reply.HtmlBody);
    }

    [Fact]
    public async Task An_out_of_office_reply_is_not_answered()
    {
        await SendAsync("warga2", "Out of office", "Saya sedang cuti.", m => m.Headers.Add(HeaderId.AutoSubmitted, "auto-replied"));
        await SendAsync("warga2", "Tanya", "halo");

        await WaitForMailAsync("warga2", m => m.Subject == "Re: Tanya");
        await Task.Delay(1000);
        Assert.Equal(1, await mail.MessageCountAsync("warga2"));
    }

    private async Task<MimeMessage> SendAsync(string from, string subject, string body, Action<MimeMessage>? adjust = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(mail.Domain) };
        message.From.Add(new MailboxAddress(from, mail.Address(from)));
        message.To.Add(MailboxAddress.Parse(mail.Address("bot")));
        message.Body = new TextPart("plain") { Text = body };
        adjust?.Invoke(message);
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", mail.SmtpPort, SecureSocketOptions.None);
        await smtp.AuthenticateAsync(from, MailServer.Password);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
        return message;
    }

    private async Task<MimeMessage> WaitForMailAsync(string user, Func<MimeMessage, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var imap = new ImapClient();
            await imap.ConnectAsync("127.0.0.1", mail.ImapPort, SecureSocketOptions.None);
            await imap.AuthenticateAsync(user, MailServer.Password);
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            foreach (var uid in await imap.Inbox.SearchAsync(SearchQuery.All))
            {
                var message = await imap.Inbox.GetMessageAsync(uid);
                if (match(message))
                {
                    return message;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No matching mail reached {user} in 20 s.");
    }
}
