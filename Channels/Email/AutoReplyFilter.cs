using MimeKit;

namespace ChatBot.Channels.Email;

/// <summary>
/// Mail the bot must never answer, decided from the headers alone: auto-replies and out-of-office
/// notices, bounces and delivery or read reports, mailing lists, system senders and our own mail.
/// Answering any of them risks a mail loop or replying to a machine (RFC 3834).
/// </summary>
public static class AutoReplyFilter
{
    private static readonly string[] SystemLocalParts = ["mailer-daemon", "postmaster", "no-reply", "noreply", "donotreply", "do-not-reply", "bounce", "bounces"];

    /// <summary>Why the message must not be answered, or null when a person wrote it.</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="ownAddress">The bot's own address.</param>
    /// <param name="ownMessageIdDomain">The domain of the Message-IDs the bot gives its mail.</param>
    public static string? ReasonToIgnore(MimeMessage message, string ownAddress, string ownMessageIdDomain)
    {
        var headers = message.Headers;
        var autoSubmitted = headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {autoSubmitted.Trim()}";
        }

        if (!headers.Contains(HeaderId.ReturnPath))
        {
            return "no Return-Path";
        }

        var returnPath = headers[HeaderId.ReturnPath]?.Trim() ?? "";
        if (returnPath is "<>" or "")
        {
            return "empty Return-Path (a bounce)";
        }

        if (headers.Any(h => h.Field.StartsWith("List-", StringComparison.OrdinalIgnoreCase)))
        {
            return "mailing list";
        }

        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "list" or "junk")
        {
            return $"Precedence: {precedence}";
        }

        var suppress = headers["X-Auto-Response-Suppress"];
        if (suppress is not null && (suppress.Contains("All", StringComparison.OrdinalIgnoreCase) || suppress.Contains("OOF", StringComparison.OrdinalIgnoreCase)))
        {
            return $"X-Auto-Response-Suppress: {suppress.Trim()}";
        }

        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
        {
            return "X-Autoreply";
        }

        if (message.Body is MultipartReport || message.Body?.ContentType.IsMimeType("multipart", "report") == true)
        {
            return "delivery or read report";
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null)
        {
            return "no sender";
        }

        var local = from.LocalPart.ToLowerInvariant();
        if (SystemLocalParts.Contains(local) || local.EndsWith("-request", StringComparison.Ordinal) || local.StartsWith("owner-", StringComparison.Ordinal))
        {
            return $"system sender {local}@…";
        }

        if (string.Equals(from.Address, ownAddress, StringComparison.OrdinalIgnoreCase)
            || (message.MessageId?.EndsWith("@" + ownMessageIdDomain, StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return "our own mail";
        }

        return null;
    }
}
