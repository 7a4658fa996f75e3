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

namespace ChatBot.Channels.Email;

/// <summary>
/// Sends outbox rows by SMTP with MailKit: plain text with a simple HTML alternative, threaded under
/// the mail it answers (In-Reply-To, References, "Re:" once), marked <c>Auto-Submitted: auto-replied</c>
/// when it answers, with our own Message-ID returned so the next mail of the person maps back to the
/// conversation. A command error for a bad recipient is permanent; protocol and network errors are
/// transient and the outbox retries (a failure after the server took the message can, rarely, send twice).
/// </summary>
public sealed class EmailSender(EmailOptions options, TimeProvider time, ILogger<EmailSender> logger) : IChannelSender, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SmtpClient? _client;

    public ChannelKind Channel => ChannelKind.Email;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var mime = Compose(message);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            return new SendResult.Sent(mime.MessageId);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            logger.LogWarning("SMTP refused outbound {OutboundId}: {Code} {Error}", message.Id, (int)ex.StatusCode, ex.ErrorCode);
            return new SendResult.Rejected(((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        }
        catch (SmtpCommandException ex)
        {
            return new SendResult.Transient($"smtp {(int)ex.StatusCode}");
        }
        catch (AuthenticationException ex)
        {
            Drop();
            return new SendResult.Rejected("auth", ex.Message);
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
            Date = time.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(options.MessageIdDomain),
        };
        mime.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(options.DisplayName) ? null : options.DisplayName, options.Address));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (!string.IsNullOrWhiteSpace(threading?.InReplyTo))
        {
            mime.InReplyTo = threading.InReplyTo.Trim('<', '>', ' ');
            foreach (var reference in (threading.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                mime.References.Add(reference.Trim('<', '>'));
            }

            mime.References.Add(mime.InReplyTo);
        }

        if (message.Kind == OutboundKind.Reply)
        {
            mime.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        }

        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = Html(message.Body) };
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
            return connected;
        }

        Drop();
        var client = new SmtpClient { Timeout = 30_000 };
        var security = options.Smtp.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(options.Smtp.Host, options.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.Smtp.Username))
        {
            await client.AuthenticateAsync(options.Smtp.Username, options.Smtp.Password, cancellationToken);
        }

        _client = client;
        return client;
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
