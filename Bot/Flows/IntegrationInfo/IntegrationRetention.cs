using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.Requests;
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
    ILogger<IntegrationRetention> logger)
    : RequestRetentionWorker<IntegrationRequest>(
        factory,
        new(options.Retention, options.DraftRetention, options.RetentionCheckInterval, WellKnownDialogs.IntegrationInfo, "closed integration request"),
        time,
        logger)
{
    protected override IQueryable<IntegrationRequest> Due(ChatBotDb db, DateTime cutoff) => db.IntegrationRequests
        .Where(r => r.Status == IntegrationRequestStatus.Closed && r.ErasedAt == null && r.ClosedAt <= cutoff)
        .OrderBy(r => r.Id);

    protected override IEnumerable<string?> Files(IntegrationRequest request) => [request.KtpPath];

    /// <summary>
    /// The same data also sits in the messages of the conversation: what the person typed and sent while
    /// filling in the form (from consent to submission, files included) and the answer sent to them.
    /// Their text is replaced and their files deleted; the rows stay, so the transcript shows that
    /// something was said and erased.
    /// </summary>
    protected override async Task EraseMessagesAsync(ChatBotDb db, IntegrationRequest request, CancellationToken cancellationToken)
    {
        if (request.ConversationId is { } conversationId)
        {
            var typed = await db.InboundMessages
                .Where(m => m.ConversationId == conversationId && m.ReceivedAt >= request.ConsentedAt && m.ReceivedAt <= request.SubmittedAt)
                .ToListAsync(cancellationToken);
            foreach (var message in typed)
            {
                RequestRetention.Blank(message, Logger);
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

    protected override void Erase(IntegrationRequest request, DateTime now)
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
