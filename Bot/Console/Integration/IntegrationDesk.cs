using ChatBot.Bot.Dialogs;
using System.Text.Json;
using ChatBot.Bot.Flows.IntegrationInfo;
using ChatBot.Bot.OfficerConsole.Live;
using ChatBot.Channels.Email;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Integration;

public enum IntegrationActionResult
{
    Done,

    /// <summary>Another officer acted first, or the request is not in the state this action needs.</summary>
    Conflict,

    NotFound,

    /// <summary>The answer text is empty or too long.</summary>
    Invalid,
}

/// <summary>
/// What officers do with a request for integration information, as in the SOP: verify it against the
/// roster (the SDP export) — found, or "not in SDP" — and answer it. Either answer goes to the requester
/// by WhatsApp (the request's phone) and by e-mail (the request's address) as proactive outbox rows, once
/// each, and closes the request. Every action is audited; the state check under the request's revision
/// makes two officers' clicks safe.
/// </summary>
public sealed class IntegrationDesk(ChatBotDbFactory factory, PipelineEvents pipeline, ConsoleEvents console, TimeProvider time)
{
    public const string EventKind = "integration";

    /// <summary>Outbox topic of the answer (WhatsApp picks its template by it outside the 24-hour window).</summary>
    public const string AnswerTopic = "integration-answer";

    public const int MaxAnswerLength = 4000;

    /// <summary>Roster entries whose name matches the inmate name the requester gave: the console proposes them.</summary>
    public static Task<List<Inmate>> ProposeAsync(ChatBotDb db, IntegrationRequest request, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.InmateName)
            ? Task.FromResult(new List<Inmate>())
            : Roster.CandidatesAsync(db, request.OfficeId, request.InmateName, cancellationToken);

    /// <summary>
    /// Records the SDP check: <paramref name="inmateId"/> is the roster entry the officer confirmed; null
    /// means "not in SDP", which is answered at once and closes the request.
    /// </summary>
    public async Task<IntegrationActionResult> VerifyAsync(long id, long? inmateId, long revision, string officer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var request = await db.IntegrationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return IntegrationActionResult.NotFound;
        }

        if (request.Status != IntegrationRequestStatus.Submitted || request.Revision != revision)
        {
            return IntegrationActionResult.Conflict;
        }

        if (inmateId is { } chosen && !await db.Inmates.AnyAsync(i => i.Id == chosen && i.OfficeId == request.OfficeId, cancellationToken))
        {
            return IntegrationActionResult.NotFound;
        }

        request.VerifiedAt = now;
        request.VerifiedBy = officer;
        request.MatchedInmateId = inmateId;
        if (inmateId is null)
        {
            var texts = IntegrationTexts.For(request.Language);
            Close(db, request, IntegrationOutcome.NotInSdp, texts.AnswerNotInSdp(request.ReferenceCode, texts.Programmes[request.Programme], request.InmateName ?? "-"), officer, now);
            await QueueAnswerAsync(db, request, request.AnswerText!, now, cancellationToken);
        }
        else
        {
            request.Status = IntegrationRequestStatus.Verified;
        }

        Audit(db, officer, inmateId is null ? "integration.not-in-sdp" : "integration.verify", request, now);
        return await SaveAsync(db, request, cancellationToken);
    }

    /// <summary>Sends the information the officer wrote to a verified request and closes it.</summary>
    public async Task<IntegrationActionResult> AnswerAsync(long id, string? text, long revision, string officer, CancellationToken cancellationToken)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxAnswerLength)
        {
            return IntegrationActionResult.Invalid;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var request = await db.IntegrationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return IntegrationActionResult.NotFound;
        }

        if (request.Status != IntegrationRequestStatus.Verified || request.Revision != revision)
        {
            return IntegrationActionResult.Conflict;
        }

        var texts = IntegrationTexts.For(request.Language);
        Close(db, request, IntegrationOutcome.Answered, text, officer, now);
        await QueueAnswerAsync(db, request, texts.AnswerInformation(request.ReferenceCode, texts.Programmes[request.Programme], text), now, cancellationToken);
        Audit(db, officer, "integration.answer", request, now);
        return await SaveAsync(db, request, cancellationToken);
    }

    public void Announce(int officeId, long requestId) => console.Publish(new ConsoleEvent(EventKind, officeId, $"integration/{requestId}"));

    private static void Close(ChatBotDb db, IntegrationRequest request, IntegrationOutcome outcome, string answer, string officer, DateTime now)
    {
        request.Status = IntegrationRequestStatus.Closed;
        request.Outcome = outcome;
        request.AnswerText = answer;
        request.ClosedAt = now;
        request.ClosedBy = officer;
    }

    /// <summary>The answer once by WhatsApp and once by e-mail (and in the simulator when the form was filled there).</summary>
    private static async Task QueueAnswerAsync(ChatBotDb db, IntegrationRequest request, string body, DateTime now, CancellationToken cancellationToken)
    {
        var texts = IntegrationTexts.For(request.Language);
        var templateFields = JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = request.ReferenceCode });
        if (request.Phone is { } phone)
        {
            var whatsApp = await ConversationAsync(db, request, ChannelKind.WhatsApp, phone, now, cancellationToken);
            Queue(db, whatsApp, body, templateFields, now);
        }

        if (request.Email is { } email)
        {
            var mail = await ConversationAsync(db, request, ChannelKind.Email, email.ToLowerInvariant(), now, cancellationToken);
            Queue(db, mail, body, new EmailThreading(texts.EmailSubject(request.ReferenceCode), null, null).ToJson(), now);
        }

        if (request.ConversationId is { } origin
            && await db.Conversations.SingleOrDefaultAsync(c => c.Id == origin && c.Channel == ChannelKind.Simulator, cancellationToken) is { } simulator)
        {
            Queue(db, simulator, body, null, now);
        }
    }

    private static async Task<Conversation> ConversationAsync(ChatBotDb db, IntegrationRequest request, ChannelKind channel, string address, DateTime now, CancellationToken cancellationToken)
    {
        var found = await db.Conversations.SingleOrDefaultAsync(c => c.OfficeId == request.OfficeId && c.Channel == channel && c.UserAddress == address, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        var created = new Conversation
        {
            OfficeId = request.OfficeId,
            Channel = channel,
            UserAddress = address,
            Language = request.Language,
            CreatedAt = now,
            LastInboundAt = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
            LastActivityAt = now,
        };
        db.Conversations.Add(created);
        return created;
    }

    private static void Queue(ChatBotDb db, Conversation conversation, string body, string? payload, DateTime now)
    {
        db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, OutboundKind.Proactive, now, AnswerTopic, payload, DialogEngine.FlowOf(WellKnownDialogs.IntegrationInfo)));
        conversation.LastActivityAt = now;
    }

    private static void Audit(ChatBotDb db, string officer, string action, IntegrationRequest request, DateTime now) =>
        db.AuditEntries.Add(new AuditEntry { At = now, Actor = officer, Action = action, Subject = $"IntegrationRequest/{request.Id}" });

    private async Task<IntegrationActionResult> SaveAsync(ChatBotDb db, IntegrationRequest request, CancellationToken cancellationToken)
    {
        request.Revision++;
        try
        {
            await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IntegrationActionResult.Conflict;
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // The person's conversation was created by their own message meanwhile: nothing was
            // saved, and the officer can simply send again.
            return IntegrationActionResult.Conflict;
        }

        pipeline.OutboxQueued.Set();
        Announce(request.OfficeId, request.Id);
        return IntegrationActionResult.Done;
    }
}
