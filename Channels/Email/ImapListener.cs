using System.Net.Sockets;
using ChatBot.Channels.Inbox;
using ChatBot.Channels.Media;
using ChatBot.Domain.Conversations;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ChatBot.Channels.Email;

/// <summary>
/// Listens to the office mailbox: every mail in the folder is work still to do. A mail is stored in
/// the inbox (once per Message-ID) and then marked seen and moved to <c>Processed</c>; mail that must
/// not be answered goes to <c>Ignored</c>. Because handled mail leaves the folder, a restart, a lost
/// connection or a UIDVALIDITY change simply finds what is left; the Message-ID guard makes a crash
/// between "stored" and "moved" harmless. Waits with IDLE (re-issued every 9 minutes), or polls with
/// NOOP when the server has no IDLE, and reconnects with backoff after any failure.
/// </summary>
public sealed class ImapListener(EmailOptions options, InboxWriter inbox, MediaStore media, TimeProvider time, ILogger<ImapListener> logger) : BackgroundService
{
    public const string ProcessedFolder = "Processed";
    public const string IgnoredFolder = "Ignored";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunConnectedAsync(stoppingToken);
                delay = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ImapProtocolException or ImapCommandException or IOException or SocketException or ServiceNotConnectedException or AuthenticationException)
            {
                logger.LogWarning("Mailbox connection lost ({Error}); reconnecting in {Delay}", ex.GetType().Name, delay);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    private async Task RunConnectedAsync(CancellationToken cancellationToken)
    {
        using var client = new ImapClient { Timeout = 60_000 };
        var security = options.Imap.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(options.Imap.Host, options.Imap.Port, security, cancellationToken);
        await client.AuthenticateAsync(options.Imap.Username, options.Imap.Password, cancellationToken);
        var folder = await client.GetFolderAsync(options.Imap.Folder, cancellationToken);
        var personal = client.GetFolder(client.PersonalNamespaces[0]);
        var processed = await EnsureFolderAsync(personal, ProcessedFolder, cancellationToken);
        var ignored = await EnsureFolderAsync(personal, IgnoredFolder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        logger.LogInformation("Listening to the mailbox ({Folder})", options.Imap.Folder);

        var arrived = true;
        folder.CountChanged += (_, _) => arrived = true; // only a flag: never call the folder from here
        while (!cancellationToken.IsCancellationRequested)
        {
            // Mail that arrives while we work is announced in the answers to our own commands (and
            // only there): handle until a pass sees no change, or IDLE would wait for the next mail.
            while (arrived)
            {
                arrived = false;
                await HandleWaitingAsync(folder, processed, ignored, cancellationToken);
            }

            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                done.CancelAfter(TimeSpan.FromMinutes(9));
                void StopIdle(object? sender, EventArgs e)
                {
                    arrived = true;
                    done.Cancel();
                }

                folder.CountChanged += StopIdle;
                try
                {
                    await client.IdleAsync(done.Token, cancellationToken);
                }
                finally
                {
                    folder.CountChanged -= StopIdle;
                }

                arrived = true; // re-check after every IDLE: cheap, and covers a missed notification
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(30), time, cancellationToken);
                await client.NoOpAsync(cancellationToken);
                arrived = true;
            }
        }
    }

    /// <summary>Stores every mail still in the folder, oldest first, and moves it out.</summary>
    private async Task HandleWaitingAsync(IMailFolder folder, IMailFolder processed, IMailFolder ignored, CancellationToken cancellationToken)
    {
        var uids = await folder.SearchAsync(SearchQuery.All, cancellationToken);
        foreach (var uid in uids.OrderBy(u => u.Id))
        {
            var summary = (await folder.FetchAsync([uid], MessageSummaryItems.Size | MessageSummaryItems.UniqueId | MessageSummaryItems.BodyStructure, cancellationToken)).FirstOrDefault();
            if (summary is null)
            {
                continue; // expunged meanwhile (another client moved it)
            }

            // A mail too large to hold an acceptable file is not downloaded whole: its headers and
            // text are enough to answer, and every file in it is refused as too large.
            var large = summary.Size > LargestMailBytes;
            var message = large
                ? await HeadersAndTextAsync(folder, summary, cancellationToken)
                : await folder.GetMessageAsync(uid, cancellationToken);
            var reason = AutoReplyFilter.ReasonToIgnore(message, options.Address, options.MessageIdDomain);
            if (reason is null)
            {
                var (files, refused) = large
                    ? ([], summary.Attachments.Select(_ => MediaRefusal.Size).ToList())
                    : await SaveFilesAsync(message, uid, cancellationToken);
                await inbox.StoreAsync(Envelope(message, folder.UidValidity, uid, files, refused), cancellationToken);
            }
            else
            {
                logger.LogInformation("Mail {Uid} not answered: {Reason}", uid.Id, reason);
            }

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellationToken);
            await folder.MoveToAsync(uid, reason is null ? processed : ignored, cancellationToken);
        }
    }

    /// <summary>Mail larger than this cannot hold an acceptable file (base64 grows a file by a third) and is not downloaded whole.</summary>
    private long LargestMailBytes => (options.MaxAttachmentBytes * 4 / 3) + (1024 * 1024);

    private static async Task<MimeMessage> HeadersAndTextAsync(IMailFolder folder, IMessageSummary summary, CancellationToken cancellationToken)
    {
        var headers = await folder.GetHeadersAsync(summary.UniqueId, cancellationToken);
        var message = new MimeMessage();
        message.Headers.Clear();
        foreach (var header in headers)
        {
            message.Headers.Add(header);
        }

        var textPart = (BodyPart?)summary.TextBody ?? summary.HtmlBody;
        message.Body = textPart is null
            ? new TextPart("plain") { Text = "" }
            : await folder.GetBodyPartAsync(summary.UniqueId, textPart, cancellationToken);
        return message;
    }

    /// <summary>Saves the files attached to <paramref name="message"/> that pass the checks; the codes of those refused.</summary>
    private async Task<(List<StoredAttachment> Files, List<string> Refused)> SaveFilesAsync(MimeMessage message, UniqueId uid, CancellationToken cancellationToken)
    {
        var files = new List<StoredAttachment>();
        var refused = new List<string>();
        var index = 0;
        foreach (var attachment in message.Attachments)
        {
            index++;
            if (attachment is not MimePart { Content: not null } part)
            {
                refused.Add(MediaRefusal.Type); // a forwarded mail or something else that is no file
                continue;
            }

            await using var content = part.Content.Open();
            var result = await media.SaveAsync(content, options.MaxAttachmentBytes, $"mail-{uid.Id}-{index}", part.ContentType.MimeType, part.FileName, cancellationToken);
            switch (result)
            {
                case MediaResult.Stored stored:
                    files.Add(stored.Attachment);
                    break;
                case MediaResult.Refused no:
                    refused.Add(no.Reason);
                    break;
            }
        }

        return (files, refused);
    }

    private InboundEnvelope Envelope(MimeMessage message, uint uidValidity, UniqueId uid, List<StoredAttachment> files, List<string> refused)
    {
        var from = message.From.Mailboxes.First();
        var references = string.Join(' ', message.References.Select(r => $"<{r}>"));
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? $"uid-{uidValidity}-{uid.Id}@{options.Domain}" : message.MessageId;
        var payload = new EmailInboundPayload(
            $"<{messageId}>",
            message.Subject,
            references,
            message.InReplyTo is null ? null : $"<{message.InReplyTo}>",
            refused.Count == 0 ? null : refused);
        return new InboundEnvelope(
            ChannelKind.Email,
            messageId,
            from.Address.ToLowerInvariant(),
            options.Address,
            EmailText.NewPart(message),
            string.IsNullOrWhiteSpace(from.Name) ? null : from.Name,
            Attachments: files.Count == 0 ? null : files,
            Payload: payload.ToJson());
    }

    private static async Task<IMailFolder> EnsureFolderAsync(IMailFolder personal, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await personal.GetSubfolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return await personal.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"The mail server did not create the folder {name}.");
        }
    }
}
