using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Conversations;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// People writing to the bot through the real <see cref="MailServer"/>: they send mail by SMTP
/// and read their mailbox by IMAP, as a mail client would. Waiting for an answer that does not
/// come fails with what the service logged, what it stored and what the mail server logged.
/// </summary>
public sealed class MailHarness(MailServer mail)
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    public MailServer Server => mail;

    /// <summary>The host whose state goes into a timeout's message (set once it is started).</summary>
    public TestHost? Host { get; set; }

    /// <summary>The settings that point a test host's e-mail channel at the mail server.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var port = (int value) => value.ToString(CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:Level"] = "Information",
            ["Channels:Email:Enabled"] = "true",
            ["Channels:Email:Address"] = mail.Address("bot"),
            ["Channels:Email:DisplayName"] = "Layanan Rutan",
            ["Channels:Email:Imap:Host"] = "127.0.0.1",
            ["Channels:Email:Imap:Port"] = port(mail.ImapPort),
            ["Channels:Email:Imap:UseSsl"] = "false",
            ["Channels:Email:Imap:Username"] = "bot",
            ["Channels:Email:Imap:Password"] = MailServer.Password,
            ["Channels:Email:Smtp:Host"] = "127.0.0.1",
            ["Channels:Email:Smtp:Port"] = port(mail.SmtpPort),
            ["Channels:Email:Smtp:UseSsl"] = "false",
            ["Channels:Email:Smtp:Username"] = "bot",
            ["Channels:Email:Smtp:Password"] = MailServer.Password,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Starts a host with the e-mail channel on (on <paramref name="directory"/> to restart on a store; test dialogs stand in for the flows with their ids; <paramref name="services"/> replaces services, a clock say).</summary>
    public async Task<TestHost> StartHostAsync(string? directory = null, IDictionary<string, string?>? more = null, IEnumerable<Dialog>? extraDialogs = null, Action<IServiceCollection>? services = null)
    {
        Host = await TestHost.StartAsync(directory, Settings(more), services, extraDialogs);
        return Host;
    }

    /// <summary>Waits until the host's listener has logged in to the mailbox <paramref name="times"/> times (counted over the host's life).</summary>
    public async Task WaitForListeningAsync(int times = 1) =>
        await WaitUntilAsync(
            () => Task.FromResult(Host!.Logs.Lines.Count(line => line.Contains("Listening to the mailbox", StringComparison.Ordinal)) >= times),
            $"the listener logged in to the mailbox {times} time(s)");

    /// <summary>Waits until <paramref name="condition"/> holds; fails with the whole story otherwise.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? AnswerTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached in {(timeout ?? AnswerTimeout).TotalSeconds} s: {what}.\n{await DiagnosticsAsync()}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A new mail from <paramref name="from"/> to the bot (not sent yet).</summary>
    public MimeMessage Compose(string from, string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(mail.Domain) };
        message.From.Add(new MailboxAddress(from, mail.Address(from)));
        message.To.Add(MailboxAddress.Parse(mail.Address("bot")));
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>A reply from <paramref name="from"/> to <paramref name="answer"/>, quoting it as mail clients do.</summary>
    public MimeMessage ComposeReply(string from, MimeMessage answer, string body)
    {
        var message = Compose(from, "Re: " + (answer.Subject ?? "").Replace("Re: ", "", StringComparison.Ordinal), "");
        message.InReplyTo = answer.MessageId;
        foreach (var reference in answer.References)
        {
            message.References.Add(reference);
        }
        if (answer.MessageId is not null)
        {
            message.References.Add(answer.MessageId);
        }
        var quoted = string.Join('\n', (answer.TextBody ?? "").Split('\n').Select(line => "> " + line.TrimEnd('\r')));
        message.Body = new TextPart("plain")
        {
            Text = $"{body}\n\nPada {answer.Date:dd MMM yyyy HH.mm}, Layanan Rutan <{mail.Address("bot")}> menulis:\n{quoted}\n",
        };
        return message;
    }

    public async Task<MimeMessage> SendAsync(string from, string subject, string body) =>
        await SendAsync(Compose(from, subject, body));

    public async Task<MimeMessage> SendAsync(MimeMessage message)
    {
        var from = message.From.Mailboxes.First().Address.Split('@')[0];
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", mail.SmtpPort, SecureSocketOptions.None);
        await smtp.AuthenticateAsync(from, MailServer.Password);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
        return message;
    }

    /// <summary>
    /// Sends without logging in, as a server on the local network does (the only way in while the
    /// mail server's authentication is down, see <see cref="MailServer.StopImapAsync"/>), on <see cref="MailServer.RelayPort"/>.
    /// </summary>
    public async Task<MimeMessage> SendUnauthenticatedAsync(MimeMessage message)
    {
        try
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync("127.0.0.1", mail.RelayPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
            return message;
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SmtpCommandException or IOException)
        {
            throw new InvalidOperationException($"Sending without logging in failed: {ex.Message}\n{mail.Logs()}", ex);
        }
    }

    /// <summary>
    /// Sends <paramref name="message"/> to the bot with the empty envelope sender <c>MAIL FROM:&lt;&gt;</c>,
    /// as bounces and delivery reports come (MailKit's client cannot send that, so this speaks SMTP itself).
    /// </summary>
    public async Task SendWithEmptySenderAsync(MimeMessage message)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, mail.RelayPort);
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };

        async Task ExpectAsync(string code)
        {
            // A reply may span lines ("250-..." then "250 ..."): read to its last line.
            string? line;
            do
            {
                line = await reader.ReadLineAsync() ?? throw new IOException("The SMTP server closed the connection.");
            }
            while (line.Length > 3 && line[3] == '-');
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"SMTP answered \"{line}\", expected {code}.");
            }
        }

        async Task CommandAsync(string command, string code)
        {
            await writer.WriteLineAsync(command);
            await ExpectAsync(code);
        }

        await ExpectAsync("220");
        await CommandAsync("EHLO localhost", "250");
        await CommandAsync("MAIL FROM:<>", "250");
        await CommandAsync($"RCPT TO:<{mail.Address("bot")}>", "250");
        await CommandAsync("DATA", "354");
        var text = message.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            await writer.WriteLineAsync(line.StartsWith('.') ? "." + line : line);
        }
        await CommandAsync(".", "250");
        await CommandAsync("QUIT", "221");
    }

    /// <summary>Every mail in the user's inbox, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> InboxAsync(string user) => await FolderAsync(user, "INBOX");

    /// <summary>Every mail in a folder of the user, oldest first; none when the folder does not exist (yet).</summary>
    public async Task<IReadOnlyList<MimeMessage>> FolderAsync(string user, string name)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", mail.ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(user, MailServer.Password);
        IMailFolder folder;
        try
        {
            folder = name.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? imap.Inbox : await imap.GetFolderAsync(name);
        }
        catch (FolderNotFoundException)
        {
            await imap.DisconnectAsync(true);
            return [];
        }
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        foreach (var uid in await folder.SearchAsync(SearchQuery.All))
        {
            messages.Add(await folder.GetMessageAsync(uid));
        }
        await imap.DisconnectAsync(true);
        return messages;
    }

    /// <summary>Waits until the user's inbox holds a mail that matches; fails with the whole story otherwise.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string user, Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? AnswerTimeout);
        while (true)
        {
            var found = (await InboxAsync(user)).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching mail reached {user} in {(timeout ?? AnswerTimeout).TotalSeconds} s.\n{await DiagnosticsAsync()}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Waits for the answer to <paramref name="sent"/> (threaded to it) in the sender's inbox.</summary>
    public async Task<MimeMessage> WaitForAnswerAsync(MimeMessage sent) =>
        await WaitForMailAsync(sent.From.Mailboxes.First().Address.Split('@')[0], m => m.InReplyTo == sent.MessageId);

    /// <summary>What the service logged and stored and what the mail server logged.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        var text = new StringBuilder();
        if (Host is not null)
        {
            text.AppendLine("--- service log").AppendLine(Host.Logs.ToString());
            try
            {
                await using var db = await Host.Store.CreateDbContextAsync();
                text.AppendLine("--- inbound e-mail");
                foreach (var row in await db.InboundMessages.AsNoTracking().Where(m => m.Channel == ChannelKind.Email).ToListAsync())
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"#{row.Id} {row.ProviderMessageId} from {row.From} {row.Status} received {row.ReceivedAt:HH:mm:ss.fff} processed {row.ProcessedAt:HH:mm:ss.fff} {row.Note}");
                }
                text.AppendLine("--- outbound e-mail");
                foreach (var row in await db.OutboundMessages.AsNoTracking().Where(m => m.Channel == ChannelKind.Email).ToListAsync())
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"#{row.Id} to {row.To} {row.Status} attempts {row.Attempts} created {row.CreatedAt:HH:mm:ss.fff} sent {row.SentAt:HH:mm:ss.fff} {row.ErrorCode} {row.ErrorMessage}");
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                text.AppendLine("(store not readable: " + ex.Message + ")");
            }
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"--- mail server (now {DateTime.UtcNow:HH:mm:ss.fff} UTC)").AppendLine(mail.Logs());
        return text.ToString();
    }
}
