using ChatBot.Bot.Flows.Requests;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>
/// Erases what a finished permit request holds about people <see cref="PermitOptions.Retention"/> after it
/// closed: the signed request's scan and the letter's PDF are deleted, the personal fields cleared, and
/// the conversation's messages of the form and of its notices blanked (their files deleted). What keeps a
/// letter checkable stays: its number, year and sequence, the dates, the client's initials, the signer,
/// the verification code and the state (a revoked letter still shows revoked). Unfinished forms nobody
/// came back to are forgotten after <see cref="PermitOptions.DraftRetention"/>.
/// </summary>
public sealed class PermitRetention(
    ChatBotDbFactory factory,
    PermitOptions options,
    TimeProvider time,
    ILogger<PermitRetention> logger) : PipelineWorker(new Signal(), options.RetentionCheckInterval, time, logger)
{
    public const int BatchSize = 100;

    /// <summary>What erased message text reads like in transcripts.</summary>
    public const string ErasedText = RequestRetention.ErasedText;

    public override async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Retention;
        await using var db = factory.CreateDbContext();
        var forgotten = await ForgetDraftsAsync(db, now - options.DraftRetention, cancellationToken);
        var closed = PermitRules.Closed.ToList();
        var due = await db.TravelPermits
            .Where(p => closed.Contains(p.Status) && p.ErasedAt == null && p.ClosedAt <= cutoff)
            .OrderBy(p => p.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return forgotten;
        }

        var erased = 0;
        foreach (var permit in due.Where(p => RequestRetention.TryDelete(p.RequestFilePath, logger) && RequestRetention.TryDelete(p.LetterPath, logger)))
        {
            await EraseMessagesAsync(db, permit, cancellationToken);
            Erase(permit, now);
            erased++;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Erased the personal data of {Count} finished permit request(s)", erased);
        return erased + forgotten;
    }

    private async Task<int> ForgetDraftsAsync(ChatBotDb db, DateTime silentSince, CancellationToken cancellationToken)
    {
        var forgotten = await RequestRetention.ForgetDraftsAsync(factory, db, TravelPermitFormDialog.DialogId, silentSince, cancellationToken);
        if (forgotten > 0)
        {
            logger.LogInformation("Forgot {Count} permit form(s) left unfinished", forgotten);
        }

        return forgotten;
    }

    /// <summary>
    /// The form's answers also sit in the conversation: what the person sent in the permit flow up to the
    /// submission (files included), and what the bot sent there (the summary, the notices naming the request).
    /// </summary>
    private async Task EraseMessagesAsync(ChatBotDb db, Domain.Permits.TravelPermit permit, CancellationToken cancellationToken)
    {
        if (permit.ConversationId is not { } conversationId)
        {
            return;
        }

        var flow = TravelPermitDialog.DialogId;
        var typed = await db.InboundMessages
            .Where(m => m.ConversationId == conversationId && m.ReceivedAt <= permit.SubmittedAt && m.Flows != null && m.Flows.Contains(flow))
            .ToListAsync(cancellationToken);
        foreach (var message in typed)
        {
            RequestRetention.Blank(message, logger);
        }

        var sent = await db.OutboundMessages
            .Where(m => m.ConversationId == conversationId && m.Flows != null && m.Flows.Contains(flow)
                && (m.CreatedAt <= permit.SubmittedAt || m.Body.Contains(permit.Code)))
            .ToListAsync(cancellationToken);
        foreach (var message in sent)
        {
            message.Body = ErasedText;
            message.AttachmentPath = null;
        }
    }

    private static void Erase(Domain.Permits.TravelPermit permit, DateTime now)
    {
        permit.ApplicantName = null;
        permit.DestinationTown = null;
        permit.DestinationAddress = null;
        permit.Purpose = null;
        permit.ContactPhone = null;
        permit.RequestFilePath = null;
        permit.RequestFileContentType = null;
        permit.RequestFileBytes = 0;
        permit.LetterPath = null;
        permit.RejectionReason = null;
        permit.RevocationReason = null;
        permit.ClientId = null;
        permit.ConversationId = null;
        permit.ErasedAt = now;
        permit.Revision++;
    }
}
