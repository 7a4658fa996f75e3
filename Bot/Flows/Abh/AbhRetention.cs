using ChatBot.Bot.Flows.Requests;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Persistence;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>
/// Erases what a closed ABH request holds about the child and the requester
/// <see cref="AbhOptions.Retention"/> after it closed, as integration requests are: the letter file is
/// deleted, every personal field cleared, and the messages of the form (where the child's initials, age
/// and the offence were typed and shown back) blanked. The row stays, anonymised (office, institution
/// kind, the SOP's times, who took each step), so the statistics still count it. Forms never submitted
/// are forgotten after <see cref="AbhOptions.DraftRetention"/> of silence.
/// </summary>
public sealed class AbhRetention(
    ChatBotDbFactory factory,
    AbhOptions options,
    TimeProvider time,
    ILogger<AbhRetention> logger)
    : RequestRetentionWorker<AbhRequest>(
        factory,
        new(options.Retention, options.DraftRetention, options.RetentionCheckInterval, AbhFormDialog.DialogId, "closed ABH request"),
        time,
        logger)
{
    protected override IQueryable<AbhRequest> Due(ChatBotDb db, DateTime cutoff) => db.AbhRequests
        .Where(r => r.ClosedAt != null && r.ErasedAt == null && r.ClosedAt <= cutoff)
        .OrderBy(r => r.Id);

    protected override IEnumerable<string?> Files(AbhRequest request) => [request.LetterPath];

    /// <summary>The form's messages up to the filing: what the requester typed and sent (files too) and what the bot showed back.</summary>
    protected override Task EraseMessagesAsync(ChatBotDb db, AbhRequest request, CancellationToken cancellationToken) =>
        request.ConversationId is { } conversationId
            ? BlankFlowMessagesAsync(db, conversationId, AbhFormDialog.DialogId, request.ReceivedAt, naming: null, cancellationToken)
            : Task.CompletedTask;

    protected override void Erase(AbhRequest request, DateTime now)
    {
        request.InstitutionName = null;
        request.InstitutionUnit = null;
        request.RequesterName = null;
        request.RequesterPhone = null;
        request.ChildInitials = null;
        request.ChildAge = null;
        request.HeldAt = null;
        request.AllegedOffence = null;
        request.LetterPath = null;
        request.LetterContentType = null;
        request.LetterBytes = 0;
        request.AccompanimentPlace = null;
        request.ConversationId = null;
        request.ErasedAt = now;
        request.Revision++;
    }
}
