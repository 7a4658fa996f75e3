using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBot.Channels.Outbox;
using ChatBot.Domain.Conversations;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Utils;
using Polly;
using Polly.Retry;

namespace ChatBot.Channels.Email;

/// <summary>
/// Sends outbox rows by SMTP with MailKit: plain text with a simple HTML alternative, threaded under
/// the mail it answers (In-Reply-To, References, "Re:" once), marked <c>Auto-Submitted: auto-replied</c>
/// when it answers, with our own Message-ID returned so the next mail of the person maps back to the
/// conversation. A command error for a bad recipient is permanent; protocol and network errors are
/// transient and the outbox retries (a failure after the server took the message can, rarely, send twice).
/// Getting a working connection (connect, authenticate, or a NOOP on a kept connection) is retried at
/// once with a short backoff (Polly): nothing has been sent then, so nothing can be sent twice.
/// At most <see cref="EmailOptions.MaxRepliesPerSenderPerMinute"/> mails go to one address a minute;
/// more wait in the outbox.
/// </summary>
public sealed class EmailSender : IChannelSender, IDisposable
{
    private readonly EmailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EmailSender> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ResiliencePipeline _connect;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recentlySent = new(StringComparer.OrdinalIgnoreCase);
    private SmtpClient? _client;

    public EmailSender(EmailOptions options, TimeProvider time, ILogger<EmailSender> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _connect = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SocketException>().Handle<IOException>()
                    .Handle<SmtpProtocolException>().Handle<ServiceNotConnectedException>(),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    Drop();
                    _logger.LogInformation("SMTP connection failed ({Error}); retrying in {Delay}", args.Outcome.Exception?.GetType().Name, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    public ChannelKind Channel => ChannelKind.Email;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (WaitBeforeSendingTo(message.To) is { } wait)
        {
            _logger.LogInformation("Outbound {OutboundId} waits {Wait}: answers to this address are at their limit per minute", message.Id, wait);
            return new SendResult.Deferred(wait, $"at most {_options.MaxRepliesPerSenderPerMinute} mails a minute to one address");
        }

        MimeMessage mime;
        try
        {
            mime = Compose(message);
        }
        catch (FileNotFoundException)
        {
            return new SendResult.Rejected("file_missing", "A file to send with this mail no longer exists.");
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            var client = await _connect.ExecuteAsync(async ct => await ConnectedAsync(ct), cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            NoteSent(message.To);
            return new SendResult.Sent(mime.MessageId);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            _logger.LogWarning("SMTP refused outbound {OutboundId}: {Code} {Error}", message.Id, (int)ex.StatusCode, ex.ErrorCode);
            return new SendResult.Rejected(((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        }
        catch (SmtpCommandException ex)
        {
            return new SendResult.Transient($"smtp {(int)ex.StatusCode}");
        }
        catch (AuthenticationException ex)
        {
            // Wrong credentials are for an administrator to mend, and a server whose login service
            // is down says so with a 4xx: either way the answer waits in the outbox, never dropped.
            Drop();
            _logger.LogError("SMTP login refused ({Error}); answers wait until it works again", ex.Message);
            return new SendResult.Transient("smtp login refused: " + ex.Message);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException)
        {
            Drop();
            return new SendResult.Transient(ex.GetType().Name);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The mail for an outbox row (public for tests and previews).</summary>
    public MimeMessage Compose(OutboundMessage message)
    {
        var threading = EmailThreading.FromJson(message.Payload);
        var mime = new MimeMessage
        {
            Subject = EmailThreading.ReplySubject(threading?.Subject),
            Date = _time.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(_options.MessageIdDomain),
        };
        mime.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(_options.DisplayName) ? null : _options.DisplayName, _options.Address));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (!string.IsNullOrWhiteSpace(threading?.InReplyTo))
        {
            mime.InReplyTo = threading.InReplyTo.Trim('<', '>', ' ');
            // The thread's ids in order, each once, ending with the mail answered.
            var references = (threading.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(reference => reference.Trim('<', '>'))
                .Where(reference => reference.Length > 0 && reference != mime.InReplyTo)
                .Distinct(StringComparer.Ordinal)
                .Append(mime.InReplyTo);
            foreach (var reference in references)
            {
                mime.References.Add(reference);
            }
        }

        if (message.Kind == OutboundKind.Reply)
        {
            mime.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        }

        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = Html(message.Body) };
        foreach (var file in threading?.Files ?? [])
        {
            body.Attachments.Add(file.FileName, File.ReadAllBytes(file.Path), ContentType.Parse(file.ContentType));
        }

        if (message.AttachmentPath is { } path)
        {
            body.Attachments.Add(message.AttachmentName ?? Path.GetFileName(path), File.ReadAllBytes(path), ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    public void Dispose()
    {
        Drop();
        _lock.Dispose();
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            // A kept connection may have been closed by the server meanwhile: find out before the
            // message goes, so a failure here is retried without any risk of sending twice.
            await connected.NoOpAsync(cancellationToken);
            return connected;
        }

        Drop();
        var client = new SmtpClient { Timeout = 30_000 };
        var security = _options.Smtp.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(_options.Smtp.Host, _options.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.Smtp.Username))
        {
            await client.AuthenticateAsync(_options.Smtp.Username, _options.Smtp.Password, cancellationToken);
        }

        _client = client;
        return client;
    }

    /// <summary>How long a mail to <paramref name="address"/> must wait, or null when it may go now.</summary>
    private TimeSpan? WaitBeforeSendingTo(string address)
    {
        var now = _time.GetUtcNow();
        lock (_recentlySent)
        {
            if (!_recentlySent.TryGetValue(address, out var sent))
            {
                return null;
            }

            while (sent.Count > 0 && now - sent.Peek() >= RateWindow)
            {
                sent.Dequeue();
            }

            if (sent.Count == 0)
            {
                _recentlySent.Remove(address);
                return null;
            }

            return sent.Count < _options.MaxRepliesPerSenderPerMinute ? null : sent.Peek() + RateWindow - now;
        }
    }

    private void NoteSent(string address)
    {
        lock (_recentlySent)
        {
            if (!_recentlySent.TryGetValue(address, out var sent))
            {
                _recentlySent[address] = sent = new Queue<DateTimeOffset>();
            }

            var now = _time.GetUtcNow();
            sent.Enqueue(now);
            if (_recentlySent.Count > 10_000)
            {
                // Forget addresses whose last mail left the window (the map would otherwise only grow).
                foreach (var stale in _recentlySent.Where(entry => now - entry.Value.Last() >= RateWindow).Select(entry => entry.Key).ToList())
                {
                    _recentlySent.Remove(stale);
                }
            }
        }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <summary>The text as simple HTML: escaped, line breaks kept, WhatsApp-style *bold* as bold.</summary>
    private static string Html(string text)
    {
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:15px;line-height:1.4\">");
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var parts = WebUtility.HtmlEncode(line).Split('*');
            html.Append(parts[0]);
            for (var i = 1; i < parts.Length; i++)
            {
                var opensBold = i % 2 == 1;
                if (opensBold && i < parts.Length - 1)
                {
                    html.Append("<b>").Append(parts[i]).Append("</b>");
                }
                else
                {
                    // Text after a closed bold, or a lone '*' with no partner.
                    html.Append(opensBold ? "*" : "").Append(parts[i]);
                }
            }

            html.Append("<br>");
        }

        return html.Append("</div>").ToString();
    }
}
