using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Requests;

/// <summary>How an officer's step on a request ended.</summary>
public enum RequestActionStatus
{
    Done,

    NotFound,

    /// <summary>The officer may not take this step (office, role, or not the official it was given to).</summary>
    Forbidden,

    /// <summary>The request is no longer where the step starts (someone else acted first).</summary>
    Conflict,

    /// <summary>What the officer sent is missing or wrong; <see cref="RequestActionResult.Message"/> says what.</summary>
    Invalid,
}

/// <summary>The outcome of <see cref="RequestDesk.ActAsync{TRequest, TStatus}"/>; the message is for the officer, in Indonesian.</summary>
public sealed record RequestActionResult(RequestActionStatus Status, string? Message = null)
{
    public static readonly RequestActionResult Done = new(RequestActionStatus.Done);

    public bool Succeeded => Status == RequestActionStatus.Done;
}

/// <summary>
/// Runs an officer's step on any request type end to end, the same way for all: the office and role
/// rules, the state the step starts from, the officer's input, the change under the request's
/// revision, the history row and the audit entry, the person's notice through the outbox (and a
/// follow-up turn), one transaction, then the events (console, pipeline) after commit.
/// </summary>
public sealed class RequestDesk(ChatBotDbFactory factory, OfficeDirectory offices, DomainEvents events, TimeProvider time)
{
    public async Task<RequestActionResult> ActAsync<TRequest, TStatus>(
        RequestType<TRequest, TStatus> type,
        long requestId,
        string stepName,
        Officer officer,
        StepInput input,
        long? expectedRevision,
        CancellationToken cancellationToken)
        where TRequest : class, IServiceRequest<TStatus>
        where TStatus : struct, Enum
    {
        var step = type.Step(stepName) ?? throw new ArgumentException($"Request type '{type.Kind}' has no step '{stepName}'.", nameof(stepName));
        var text = input.Text?.Trim() ?? "";
        if ((step.TextRequired && text.Length == 0) || text.Length > step.MaxTextLength)
        {
            return new(RequestActionStatus.Invalid, text.Length == 0 ? "Isian wajib diisi." : $"Isian terlalu panjang (paling banyak {step.MaxTextLength} karakter).");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var request = await type.SeenBy(type.Query(db), officer).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return new(RequestActionStatus.NotFound);
        }

        if (!OfficeAccess.MaySee(officer.Role, offices.Find(officer.OfficeId), offices.Find(request.OfficeId)))
        {
            return new(RequestActionStatus.Forbidden);
        }

        var from = request.Status;
        if (!step.Waits(from) || (expectedRevision is { } revision && revision != request.Revision))
        {
            return new(RequestActionStatus.Conflict);
        }

        if (!step.MayTake(request, officer))
        {
            return new(RequestActionStatus.Forbidden);
        }

        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var context = new StepContext<TRequest>(db, request, officer, input with { Text = text }, now, cancellationToken);
        if (await step.Apply(context) is { } problem)
        {
            return new(RequestActionStatus.Invalid, problem);
        }

        request.Status = step.To;
        request.Revision++;
        db.Set<RequestEvent>().Add(new RequestEvent
        {
            Kind = type.Kind,
            Code = request.Code,
            OfficeId = request.OfficeId,
            Step = step.Name,
            FromStatus = from.ToString(),
            ToStatus = step.To.ToString(),
            OfficerId = officer.Id,
            Actor = officer.UserName,
            At = now,
            Note = step.Note(context),
        });
        db.AuditEntries.Add(AuditEntry.Of(officer.UserName, $"{type.Kind}.{step.Name}", $"{type.Subject}/{request.Id}", now));
        var (messages, turns) = await TellAsync(db, type, step, request, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RequestActionStatus.Conflict);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // A conversation a notice needed was created by the person's own message meanwhile:
            // nothing was saved, and the officer can simply act again.
            return new(RequestActionStatus.Conflict);
        }

        events.Publish(new RequestChanged(type.Kind, request.OfficeId, request.Id));
        if (messages)
        {
            events.Publish(new MessagesQueued());
        }

        if (turns)
        {
            events.Publish(new TurnsQueued());
        }

        return RequestActionResult.Done;
    }

    /// <summary>Records that the person filed <paramref name="request"/> (in the turn that files it): its code and the first history row.</summary>
    public static async Task FileAsync<TRequest, TStatus>(
        UnitOfWork work,
        RequestType<TRequest, TStatus> type,
        TRequest request,
        Action<string> setCode)
        where TRequest : class, IServiceRequest<TStatus>
        where TStatus : struct, Enum
    {
        var db = work.Db;
        // Codes are random; the unique index is the real guard, this only makes a clash unlikely to reach it.
        string code;
        do
        {
            code = TicketCode.New(type.Prefix);
        }
        while (await type.WithCode(db.Set<TRequest>(), code).AnyAsync(work.CancellationToken));

        setCode(code);
        db.Set<TRequest>().Add(request);
        db.Set<RequestEvent>().Add(new RequestEvent
        {
            Kind = type.Kind,
            Code = code,
            OfficeId = request.OfficeId,
            Step = "filed",
            ToStatus = request.Status.ToString(),
            Actor = Audit.Actor.Citizen.Name,
            At = work.UtcNow,
        });
    }

    /// <summary>The history of a request, oldest first.</summary>
    public static Task<List<RequestEvent>> HistoryAsync(ChatBotDb db, IRequestType type, string code, CancellationToken cancellationToken) =>
        db.Set<RequestEvent>().AsNoTracking().Where(e => e.Kind == type.Kind && e.Code == code).OrderBy(e => e.Id).ToListAsync(cancellationToken);

    private static async Task<(bool Messages, bool Turns)> TellAsync<TRequest, TStatus>(
        ChatBotDb db,
        RequestType<TRequest, TStatus> type,
        RequestStep<TRequest, TStatus> step,
        TRequest request,
        DateTime now,
        CancellationToken cancellationToken)
        where TRequest : class, IServiceRequest<TStatus>
        where TStatus : struct, Enum
    {
        var recipients = type.Recipients is { } custom
            ? await custom(db, request, now, cancellationToken)
            : await db.Conversations.Where(c => c.Id == request.OriginConversationId).ToListAsync(cancellationToken);
        var turn = step.Turn?.Invoke(request);
        var messages = false;
        var turns = false;
        foreach (var conversation in recipients)
        {
            var told = step.Notice?.Invoke(request, conversation.Language);
            var payload = type.Payload?.Invoke(request, conversation);
            if (turn is not null && conversation.Id == request.OriginConversationId)
            {
                // The turn says the notice and what its dialog says in one message, in the person's own order.
                db.InboundMessages.Add(SystemTurns.Queue(conversation, new SystemTurns.Request(
                    turn.DialogId, turn.Options, Say: told?.Body, Topic: told?.Topic, Kind: told?.Kind ?? OutboundKind.Proactive, Payload: payload, Flow: type.Flow), now));
                turns = true;
            }
            else if (told is not null)
            {
                var message = OutboundMessage.Queued(conversation, told.Body, told.Kind, now, told.Topic, payload, type.Flow);
                if (told.Attachment is { } file)
                {
                    (message.AttachmentPath, message.AttachmentName, message.AttachmentContentType) = (file.Path, file.Name, file.ContentType);
                }

                db.OutboundMessages.Add(message);
                messages = true;
            }

            conversation.LastActivityAt = now;
        }

        return (messages, turns);
    }
}
