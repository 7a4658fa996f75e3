using ChatBot.Bot.Flows.Requests;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

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
    ILogger<AbhRetention> logger) : PipelineWorker(new Signal(), options.RetentionCheckInterval, time, logger)
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
        var due = await db.AbhRequests
            .Where(r => r.ClosedAt != null && r.ErasedAt == null && r.ClosedAt <= cutoff)
            .OrderBy(r => r.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return forgotten;
        }

        var erased = 0;
        foreach (var request in due.Where(r => RequestRetention.TryDelete(r.LetterPath, logger)))
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

        logger.LogInformation("Erased the personal data of {Count} closed ABH request(s)", erased);
        return erased + forgotten;
    }

    private async Task<int> ForgetDraftsAsync(ChatBotDb db, DateTime silentSince, CancellationToken cancellationToken)
    {
        var forgotten = await RequestRetention.ForgetDraftsAsync(factory, db, AbhFormDialog.DialogId, silentSince, cancellationToken);
        if (forgotten > 0)
        {
            logger.LogInformation("Forgot {Count} ABH form(s) left unfinished", forgotten);
        }

        return forgotten;
    }

    /// <summary>The form's messages up to the filing: what the requester typed and sent (files too) and what the bot showed back.</summary>
    private async Task EraseMessagesAsync(ChatBotDb db, AbhRequest request, CancellationToken cancellationToken)
    {
        if (request.ConversationId is not { } conversationId)
        {
            return;
        }

        var typed = await db.InboundMessages
            .Where(m => m.ConversationId == conversationId && m.ReceivedAt <= request.ReceivedAt && m.Flows != null && m.Flows.Contains(AbhFormDialog.DialogId) && m.Body != ErasedText)
            .ToListAsync(cancellationToken);
        foreach (var message in typed.Where(m => FlowTags.Parse(m.Flows).Any(f => FlowTags.BelongsTo(f, AbhFormDialog.DialogId))))
        {
            RequestRetention.Blank(message, logger);
        }

        var shown = await db.OutboundMessages
            .Where(m => m.ConversationId == conversationId && m.CreatedAt <= request.ReceivedAt && m.Flows != null && m.Flows.Contains(AbhFormDialog.DialogId) && m.Body != ErasedText)
            .ToListAsync(cancellationToken);
        foreach (var message in shown.Where(m => FlowTags.Parse(m.Flows).Any(f => FlowTags.BelongsTo(f, AbhFormDialog.DialogId))))
        {
            message.Body = ErasedText;
        }
    }

    private static void Erase(AbhRequest request, DateTime now)
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
