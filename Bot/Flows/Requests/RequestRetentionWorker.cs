using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Requests;

/// <summary>
/// The retention job every request service runs, in one shape: forms left unfinished are forgotten
/// after the draft retention; a finished request past the office's retention has its files deleted,
/// the messages of its form blanked and its personal fields cleared, while the row stays (anonymised)
/// for the statistics. A request whose file could not be deleted is tried again on a later pass.
/// A service says only what is due, which files it holds, which messages carry its data and what to clear.
/// </summary>
public abstract class RequestRetentionWorker<TRequest>(
    ChatBotDbFactory factory,
    RequestRetentionWorker<TRequest>.Policy policy,
    TimeProvider time,
    ILogger logger) : PipelineWorker(new Signal(), policy.CheckInterval, time, logger)
    where TRequest : class
{
    /// <summary>How long a service keeps its data, and the names its log lines use.</summary>
    /// <param name="Retention">After a request is finished.</param>
    /// <param name="DraftRetention">Of silence, for a form never submitted.</param>
    /// <param name="CheckInterval">Between passes.</param>
    /// <param name="FormDialogId">The dialog whose unfinished state is forgotten.</param>
    /// <param name="Name">What the log calls a request of this service ("closed ABH request").</param>
    public sealed record Policy(TimeSpan Retention, TimeSpan DraftRetention, TimeSpan CheckInterval, string FormDialogId, string Name);

    public const int BatchSize = 100;

    /// <summary>What erased message text reads like in transcripts.</summary>
    public const string ErasedText = RequestRetention.ErasedText;

    protected ChatBotDbFactory Factory => factory;

    /// <summary>Finished requests not yet erased whose end is at or before <paramref name="cutoff"/>.</summary>
    protected abstract IQueryable<TRequest> Due(ChatBotDb db, DateTime cutoff);

    /// <summary>The files the request keeps in private media storage.</summary>
    protected abstract IEnumerable<string?> Files(TRequest request);

    /// <summary>Blanks the messages of the conversation that carry the request's data.</summary>
    protected abstract Task EraseMessagesAsync(ChatBotDb db, TRequest request, CancellationToken cancellationToken);

    /// <summary>Clears the request's personal fields and marks it erased.</summary>
    protected abstract void Erase(TRequest request, DateTime now);

    public override async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var forgotten = await RequestRetention.ForgetDraftsAsync(factory, db, policy.FormDialogId, now - policy.DraftRetention, cancellationToken);
        if (forgotten > 0)
        {
            Logger.LogInformation("Forgot {Count} unfinished form(s) of {Dialog}", forgotten, policy.FormDialogId);
        }

        var due = await Due(db, now - policy.Retention).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return forgotten;
        }

        var erased = 0;
        foreach (var request in due)
        {
            // Every file is tried (no short-circuit), so one stuck file does not keep the others.
            var deleted = Files(request).Select(path => RequestRetention.TryDelete(path, Logger)).ToList();
            if (deleted.All(ok => ok))
            {
                await EraseMessagesAsync(db, request, cancellationToken);
                Erase(request, now);
                erased++;
            }
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        Logger.LogInformation("Erased the personal data of {Count} {Name}(s)", erased, policy.Name);
        return erased + forgotten;
    }

    /// <summary>
    /// The messages of a flow in a conversation: what the person sent in it up to <paramref name="until"/>
    /// (blanked, files deleted) and what the bot sent in it up to then or, when <paramref name="naming"/>
    /// is given, later messages that contain it (notices quoting the request's code); their text is
    /// replaced and any file they carried forgotten. Only messages tagged with the flow itself or one of
    /// its own dialogs count (<see cref="FlowTags.BelongsTo"/>).
    /// </summary>
    protected async Task BlankFlowMessagesAsync(ChatBotDb db, long conversationId, string flowId, DateTime until, string? naming, CancellationToken cancellationToken)
    {
        var typed = await db.InboundMessages
            .Where(m => m.ConversationId == conversationId && m.ReceivedAt <= until && m.Flows != null && m.Flows.Contains(flowId) && m.Body != ErasedText)
            .ToListAsync(cancellationToken);
        foreach (var message in typed.Where(m => InFlow(m.Flows, flowId)))
        {
            RequestRetention.Blank(message, Logger);
        }

        var sent = await db.OutboundMessages
            .Where(m => m.ConversationId == conversationId && m.Flows != null && m.Flows.Contains(flowId) && m.Body != ErasedText
                && (m.CreatedAt <= until || (naming != null && m.Body.Contains(naming))))
            .ToListAsync(cancellationToken);
        foreach (var message in sent.Where(m => InFlow(m.Flows, flowId)))
        {
            message.Body = ErasedText;
            message.AttachmentPath = null;
        }
    }

    private static bool InFlow(string? flows, string flowId) => FlowTags.Parse(flows).Any(f => f != FlowTags.Every && FlowTags.BelongsTo(f, flowId));
}
