using ChatBot.Bot.OfficerConsole.Dashboard;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Outbox;

/// <summary>One outgoing message that failed for good, as the failed-messages page lists it.</summary>
public sealed record FailedMessage(
    long Id,
    long ConversationId,
    int OfficeId,
    ChannelKind Channel,
    string UserAddress,
    OutboundKind Kind,
    string Body,
    string? Flows,
    string? ErrorCode,
    string? ErrorMessage,
    int Attempts,
    DateTime FailedAt);

public enum RetryResult
{
    /// <summary>Queued again: the outbox sends it on its next pass.</summary>
    Done,

    /// <summary>It is no longer failed (someone sent it again already).</summary>
    NotFailed,

    NotFound,
}

/// <summary>
/// Outgoing messages the outbox gave up on (<see cref="OutboundStatus.Failed"/>: refused by the
/// provider, or still failing after every retry), and sending one again. A retry puts the row back
/// in the outbox as new (queued, due now, no attempts, no error), so the dispatcher picks it once on
/// its next pass; only a row still failed is queued, so two officers clicking at once send it once.
/// </summary>
public sealed class FailedMessages(ChatBotDbFactory factory, DomainEvents events, TimeProvider time)
{
    public const int Limit = 200;

    /// <summary>How far back the page looks unless asked for today only.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>
    /// Failed messages of <paramref name="offices"/>, newest first: those that failed on each office's
    /// own day when <paramref name="todayOnly"/> (what the dashboard counts), else within <see cref="Window"/>.
    /// </summary>
    public async Task<IReadOnlyList<FailedMessage>> ListAsync(IReadOnlyList<Office> offices, bool todayOnly, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = new List<FailedMessage>();
        await using var db = factory.CreateDbContext();
        foreach (var office in offices)
        {
            var failed = db.OutboundMessages.AsNoTracking().Where(m => m.Status == OutboundStatus.Failed && m.Conversation!.OfficeId == office.Id);
            if (todayOnly)
            {
                var (from, to) = DashboardFigures.LocalDay(office, now);
                failed = failed.Where(m => m.StatusUpdatedAt >= from && m.StatusUpdatedAt < to);
            }
            else
            {
                var since = now - Window;
                failed = failed.Where(m => m.StatusUpdatedAt >= since);
            }

            rows.AddRange(await failed
                .OrderByDescending(m => m.StatusUpdatedAt).ThenByDescending(m => m.Id)
                .Take(Limit)
                .Select(m => new FailedMessage(
                    m.Id, m.ConversationId, office.Id, m.Channel, m.Conversation!.UserAddress, m.Kind, m.Body, m.Flows,
                    m.ErrorCode, m.ErrorMessage, m.Attempts, m.StatusUpdatedAt ?? m.CreatedAt))
                .ToListAsync(cancellationToken));
        }

        return [.. rows.OrderByDescending(r => r.FailedAt).ThenByDescending(r => r.Id).Take(Limit)];
    }

    /// <summary>Queues a failed message again, if <paramref name="maySee"/> its office and it is still failed; audited.</summary>
    public async Task<RetryResult> RetryAsync(long id, Func<int, bool> maySee, string officerUserName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var row = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { m.Conversation!.OfficeId, m.ErrorCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || !maySee(row.OfficeId))
        {
            return RetryResult.NotFound;
        }

        await using (var write = await factory.BeginWriteAsync(db, cancellationToken))
        {
            var queued = await db.OutboundMessages
                .Where(m => m.Id == id && m.Status == OutboundStatus.Failed)
                .ExecuteUpdateAsync(
                    u => u.SetProperty(m => m.Status, OutboundStatus.Queued)
                        .SetProperty(m => m.Attempts, 0)
                        .SetProperty(m => m.NextAttemptAt, now)
                        .SetProperty(m => m.StatusUpdatedAt, now)
                        .SetProperty(m => m.ErrorCode, (string?)null)
                        .SetProperty(m => m.ErrorMessage, (string?)null),
                    cancellationToken);
            if (queued != 1)
            {
                return RetryResult.NotFailed;
            }

            db.AuditEntries.Add(AuditEntry.Of(officerUserName, "outbound.retry", $"OutboundMessage/{id}", now,
                row.ErrorCode is null ? null : $"gagal sebelumnya: {FailureText.Reason(row.ErrorCode)} ({row.ErrorCode})"));
            await db.SaveChangesAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
        }

        events.Publish(new MessagesQueued());
        return RetryResult.Done;
    }
}

/// <summary>What the console says a failure code means (Indonesian); the provider's own words are shown beside it.</summary>
public static class FailureText
{
    public static string Reason(string? code) => code switch
    {
        "gave_up" => "tetap gagal setelah dicoba berulang kali",
        "opted_out" => "warga meminta berhenti (STOP)",
        "channel_disabled" => "saluran tidak aktif",
        "file_missing" => "berkas lampiran tidak ada lagi",
        "21211" => "nomor tujuan tidak valid",
        "21610" => "penerima berhenti berlangganan (STOP)",
        "63016" => "di luar jendela 24 jam WhatsApp, perlu templat",
        "20003" => "akun Twilio ditolak (periksa kredensial)",
        null or "" => "tidak diketahui",
        _ when code.StartsWith('5') && code.Length == 3 => "alamat e-mail ditolak server penerima",
        _ => "ditolak penyedia layanan",
    };
}
