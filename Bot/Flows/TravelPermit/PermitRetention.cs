using ChatBot.Bot.Flows.Requests;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Persistence;

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
    ILogger<PermitRetention> logger)
    : RequestRetentionWorker<Domain.Permits.TravelPermit>(
        factory,
        new(options.Retention, options.DraftRetention, options.RetentionCheckInterval, TravelPermitFormDialog.DialogId, "finished permit request"),
        time,
        logger)
{
    private static readonly IReadOnlyList<TravelPermitStatus> Closed = PermitRules.Closed.ToList();

    protected override IQueryable<Domain.Permits.TravelPermit> Due(ChatBotDb db, DateTime cutoff) => db.TravelPermits
        .Where(p => Closed.Contains(p.Status) && p.ErasedAt == null && p.ClosedAt <= cutoff)
        .OrderBy(p => p.Id);

    protected override IEnumerable<string?> Files(Domain.Permits.TravelPermit permit) => [permit.RequestFilePath, permit.LetterPath];

    /// <summary>
    /// The form's answers also sit in the conversation: what the person sent in the permit flow up to the
    /// submission (files included), and what the bot sent there (the summary, the notices naming the request).
    /// </summary>
    protected override Task EraseMessagesAsync(ChatBotDb db, Domain.Permits.TravelPermit permit, CancellationToken cancellationToken) =>
        permit.ConversationId is { } conversationId
            ? BlankFlowMessagesAsync(db, conversationId, TravelPermitDialog.DialogId, permit.SubmittedAt, permit.Code, cancellationToken)
            : Task.CompletedTask;

    protected override void Erase(Domain.Permits.TravelPermit permit, DateTime now)
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
