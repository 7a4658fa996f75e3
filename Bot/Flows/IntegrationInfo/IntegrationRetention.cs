using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.Requests;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>
/// Erases what a closed request holds about people <see cref="IntegrationOptions.Retention"/> after it
/// closed: the KTP file is deleted and every personal field cleared. The row stays, anonymised (office,
/// programme, relationship, outcome and the SOP times), so the statistics still count it.
/// </summary>
public sealed class IntegrationRetention(
    ChatBotDbFactory factory,
    IntegrationOptions options,
    TimeProvider time,
    ILogger<IntegrationRetention> logger) : PipelineWorker(new Signal(), options.RetentionCheckInterval, time, logger)
{
    public const int BatchSize = 100;

    public override async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Retention;
        await using var db = factory.CreateDbContext();
        var forgotten = await ForgetDraftsAsync(db, now - options.DraftRetention, cancellationToken);
        var due = await db.IntegrationRequests
            .Where(r => r.Status == IntegrationRequestStatus.Closed && r.ErasedAt == null && r.ClosedAt <= cutoff)
            .OrderBy(r => r.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return forgotten;
        }

        var erased = 0;
        foreach (var request in due.Where(r => RequestRetention.TryDelete(r.KtpPath, logger)))
        {
            await EraseMessagesAsync(db, request, cancellationToken);
            Erase(request, now);
            erased++;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Erased the personal data of {Count} closed integration request(s)", erased);
        return erased + forgotten;
    }

    /// <summary>Half-filled forms nobody came back to are forgotten (<see cref="RequestRetention.ForgetDraftsAsync"/>).</summary>
    private async Task<int> ForgetDraftsAsync(ChatBotDb db, DateTime silentSince, CancellationToken cancellationToken)
    {
        var forgotten = await RequestRetention.ForgetDraftsAsync(factory, db, WellKnownDialogs.IntegrationInfo, silentSince, cancellationToken);
        if (forgotten > 0)
        {
            logger.LogInformation("Forgot {Count} integration form(s) left unfinished", forgotten);
        }

        return forgotten;
    }

    /// <summary>What erased message text reads like in transcripts.</summary>
    public const string ErasedText = RequestRetention.ErasedText;

    /// <summary>
    /// The same data also sits in the messages of the conversation: what the person typed and sent while
    /// filling in the form (from consent to submission, files included) and the answer sent to them.
    /// Their text is replaced and their files deleted; the rows stay, so the transcript shows that
    /// something was said and erased.
    /// </summary>
    private async Task EraseMessagesAsync(ChatBotDb db, IntegrationRequest request, CancellationToken cancellationToken)
    {
        if (request.ConversationId is { } conversationId)
        {
            var typed = await db.InboundMessages
                .Where(m => m.ConversationId == conversationId && m.ReceivedAt >= request.ConsentedAt && m.ReceivedAt <= request.SubmittedAt)
                .ToListAsync(cancellationToken);
            foreach (var message in typed)
            {
                RequestRetention.Blank(message, logger);
            }

            await db.OutboundMessages
                .Where(m => m.ConversationId == conversationId && m.CreatedAt >= request.ConsentedAt && m.CreatedAt <= request.SubmittedAt)
                .ForEachAsync(m => m.Body = ErasedText, cancellationToken);
        }

        var email = request.Email?.ToLowerInvariant();
        await db.OutboundMessages
            .Where(m => m.Topic == IntegrationRequests.AnswerTopic && m.CreatedAt == request.ClosedAt
                && (m.ConversationId == request.ConversationId || m.To == request.Phone || m.To == email))
            .ForEachAsync(m => m.Body = ErasedText, cancellationToken);
    }

    private static void Erase(IntegrationRequest request, DateTime now)
    {
        request.RequesterName = null;
        request.Address = null;
        request.Phone = null;
        request.GuarantorName = null;
        request.GuarantorRelationship = null;
        request.GuarantorAddress = null;
        request.GuarantorPhone = null;
        request.InmateName = null;
        request.Nik = null;
        request.Email = null;
        request.KtpPath = null;
        request.KtpContentType = null;
        request.KtpBytes = 0;
        request.AnswerText = null;
        request.ConversationId = null;
        request.ErasedAt = now;
        request.Revision++;
    }
}
