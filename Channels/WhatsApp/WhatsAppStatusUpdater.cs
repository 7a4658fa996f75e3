using System.Globalization;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.Extensions.Logging;

namespace ChatBot.Channels.WhatsApp;

/// <summary>What a status callback did to the stored message.</summary>
public enum StatusUpdateOutcome
{
    /// <summary>The message moved forward to the new status.</summary>
    Updated,

    /// <summary>The message already had this status or a later one (a duplicate or a late callback).</summary>
    Unchanged,

    /// <summary>No WhatsApp message has this SID (not ours, or not recorded as sent yet).</summary>
    UnknownMessage,

    /// <summary>A Twilio status this service does not track (e.g. <c>receiving</c>).</summary>
    UnknownStatus,
}

/// <summary>The outcome of one status callback.</summary>
/// <param name="OutboundId">The outbound row, when one has the SID.</param>
/// <param name="ConversationId">Its conversation, when the row was updated.</param>
/// <param name="Status">The status the callback maps to, when it maps to one.</param>
public sealed record StatusUpdateResult(
    StatusUpdateOutcome Outcome,
    long? OutboundId = null,
    long? ConversationId = null,
    OutboundStatus? Status = null,
    string? ErrorCode = null,
    string? ErrorMessage = null);

/// <summary>A WhatsApp message's delivery status moved forward (raised after the change is committed).</summary>
public sealed record WhatsAppStatusChanged(
    long OutboundId,
    long ConversationId,
    string ProviderMessageId,
    OutboundStatus Status,
    string? ErrorCode,
    string? ErrorMessage);

/// <summary>
/// Applies Twilio's message status callbacks to the outbound messages they concern. A status only
/// ever moves forward (Sent &lt; Delivered &lt; Read &lt; Failed): each callback is one conditional
/// UPDATE, so duplicates, late callbacks and concurrent callbacks for the same message are harmless.
/// </summary>
public sealed class WhatsAppStatusUpdater(ChatBotDbFactory factory, TimeProvider time, ILogger<WhatsAppStatusUpdater> logger)
{
    /// <summary>Raised after a message's status moved forward. Handlers must be quick and must not throw.</summary>
    public event Action<WhatsAppStatusChanged>? StatusChanged;

    /// <summary>
    /// Our status for a Twilio <c>MessageStatus</c>; null for statuses we do not track.
    /// queued/accepted/scheduled/sending/sent → Sent; delivered → Delivered; read → Read;
    /// failed/undelivered/canceled → Failed.
    /// </summary>
    public static OutboundStatus? Map(string? messageStatus) => messageStatus?.Trim().ToLowerInvariant() switch
    {
        "queued" or "accepted" or "scheduled" or "sending" or "sent" => OutboundStatus.Sent,
        "delivered" => OutboundStatus.Delivered,
        "read" => OutboundStatus.Read,
        "failed" or "undelivered" or "canceled" or "cancelled" => OutboundStatus.Failed,
        _ => null,
    };

    // Status is stored as its name; its rank is the enum's value. Built from the enum so the two never drift.
    private static readonly string RankOfStoredStatus =
        "CASE \"Status\" "
        + string.Join(" ", Enum.GetValues<OutboundStatus>().Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"WHEN '{s}' THEN {(int)s}")))
        + " ELSE -1 END";

    private static readonly string AdvanceSql = $"""
        UPDATE "OutboundMessages" SET "Status" = @status, "StatusUpdatedAt" = @updated
        WHERE "Channel" = @channel AND "ProviderMessageId" = @provider AND {RankOfStoredStatus} < @rank
        RETURNING "Id", "ConversationId"
        """;

    private static readonly string FailSql = $"""
        UPDATE "OutboundMessages" SET "Status" = @status, "StatusUpdatedAt" = @updated, "ErrorCode" = @code, "ErrorMessage" = @message
        WHERE "Channel" = @channel AND "ProviderMessageId" = @provider AND {RankOfStoredStatus} < @rank
        RETURNING "Id", "ConversationId"
        """;

    private const string FindSql = """
        SELECT "Id" FROM "OutboundMessages" WHERE "Channel" = @channel AND "ProviderMessageId" = @provider
        """;

    /// <summary>Applies one callback. <paramref name="errorCode"/>/<paramref name="errorMessage"/> are recorded only for a failure.</summary>
    public async Task<StatusUpdateResult> ApplyAsync(
        string messageSid,
        string messageStatus,
        string? errorCode,
        string? errorMessage,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageSid);
        var status = Map(messageStatus);
        if (status is null)
        {
            logger.LogDebug("WhatsApp status {MessageStatus} for {MessageSid} is not tracked", Clip(messageStatus, 32), Clip(messageSid, 64));
            return new StatusUpdateResult(StatusUpdateOutcome.UnknownStatus);
        }

        string? code = null;
        string? message = null;
        if (status == OutboundStatus.Failed)
        {
            code = Clip(string.IsNullOrWhiteSpace(errorCode) ? messageStatus.Trim().ToLowerInvariant() : errorCode.Trim(), 32);
            message = Clip(string.IsNullOrWhiteSpace(errorMessage) ? Describe(errorCode, messageStatus) : errorMessage.Trim(), 1000);
        }

        var now = time.GetUtcNow().UtcDateTime;
        List<(long Id, long ConversationId)> updated;
        long? existing = null;
        await using (var db = factory.CreateDbContext())
        {
            await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
            await using (var update = StoreCommand.Create(db, status == OutboundStatus.Failed ? FailSql : AdvanceSql,
                status == OutboundStatus.Failed
                    ? ["status", "updated", "code", "message", "channel", "provider", "rank"]
                    : ["status", "updated", "channel", "provider", "rank"]))
            {
                update.Set("status", status.Value).Set("updated", now)
                    .Set("channel", ChannelKind.WhatsApp).Set("provider", messageSid).Set("rank", (int)status.Value);
                if (status == OutboundStatus.Failed)
                {
                    update.Set("code", code).Set("message", message);
                }

                updated = await update.QueryAsync(r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
            }

            if (updated.Count == 0)
            {
                await using var find = StoreCommand.Create(db, FindSql, "channel", "provider");
                var found = await find.Set("channel", ChannelKind.WhatsApp).Set("provider", messageSid)
                    .QueryAsync(r => r.GetInt64(0), cancellationToken);
                existing = found.Count > 0 ? found[0] : null;
            }

            await scope.CommitAsync(cancellationToken);
        }

        if (updated.Count == 0)
        {
            if (existing is null)
            {
                logger.LogDebug("WhatsApp status {Status} for unknown message {MessageSid} ignored", status, Clip(messageSid, 64));
                return new StatusUpdateResult(StatusUpdateOutcome.UnknownMessage, Status: status);
            }

            return new StatusUpdateResult(StatusUpdateOutcome.Unchanged, existing, Status: status);
        }

        var (id, conversationId) = updated[0];
        if (status == OutboundStatus.Failed)
        {
            logger.LogWarning("Outbound {OutboundId} on WhatsApp failed: {ErrorCode}", id, code);
        }
        else
        {
            logger.LogDebug("Outbound {OutboundId} on WhatsApp is now {Status}", id, status);
        }

        var result = new StatusUpdateResult(StatusUpdateOutcome.Updated, id, conversationId, status, code, message);
        try
        {
            StatusChanged?.Invoke(new WhatsAppStatusChanged(id, conversationId, messageSid, status.Value, code, message));
        }
        catch (Exception ex)
        {
            // The change is committed; a listener's fault must not make Twilio retry it.
            logger.LogError(ex, "A status listener failed for outbound {OutboundId}", id);
        }

        return result;
    }

    /// <summary>A readable reason when Twilio sent only a code (the common WhatsApp ones).</summary>
    public static string Describe(string? errorCode, string? messageStatus) => errorCode?.Trim() switch
    {
        "63016" => "Outside the 24-hour WhatsApp window: only an approved template can be sent.",
        "63003" => "The recipient's number is not reachable on WhatsApp.",
        "63024" => "Invalid message recipient.",
        "63018" => "WhatsApp rate limit exceeded.",
        "63049" => "WhatsApp chose not to deliver this marketing message.",
        "30003" => "Unreachable destination handset.",
        "30004" => "Message blocked by the recipient.",
        "30005" => "Unknown destination handset.",
        "30006" => "Landline or unreachable carrier.",
        "30007" => "Message filtered by the carrier.",
        "30008" => "Unknown delivery error.",
        null or "" => $"Twilio reported the message {Clip(messageStatus?.Trim().ToLowerInvariant(), 32)}.",
        var code => $"Twilio reported the message {Clip(messageStatus?.Trim().ToLowerInvariant(), 32)} (error {Clip(code, 32)}).",
    };

    private static string Clip(string? text, int length) =>
        text is null ? "" : text.Length <= length ? text : text[..length];
}
