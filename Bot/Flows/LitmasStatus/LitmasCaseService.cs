using System.Text.Json;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.LitmasStatus;

/// <summary>A case as entered from the request letter.</summary>
public sealed record NewLitmasCase(
    string RegistrationNumber,
    string ClientName,
    string PkName,
    RequestingInstitution Institution,
    string RequestedBy,
    DateTime LetterReceivedAtUtc);

public enum LitmasActionResult
{
    Done,
    NotFound,

    /// <summary>Someone changed the case meanwhile, or the stage is already the one asked for.</summary>
    Conflict,

    /// <summary>Another case of the office has the same number (spaces, dashes and case ignored).</summary>
    Duplicate,
}

/// <summary>
/// What officers do with litmas cases: enter one from the request letter and move it through its
/// stages. Each change is kept in the history with who and when, audited, shown live in the console,
/// and told to every conversation that subscribed (a proactive message with the topic
/// <see cref="Topic"/>, so WhatsApp sends its template outside the 24-hour window).
/// </summary>
public sealed class LitmasCaseService(
    ChatBotDbFactory factory,
    OfficeDirectory offices,
    DomainEvents events,
    TimeProvider time)
{
    /// <summary>Topic of the status-change notice (<c>Channels:WhatsApp:Templates:litmas-update</c>).</summary>
    public const string Topic = "litmas-update";

    /// <summary>The console event kind for a changed record.</summary>
    public const string EventKind = "status";

    public async Task<(LitmasActionResult Result, long? CaseId)> CreateAsync(int officeId, NewLitmasCase input, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var key = LitmasNumber.Key(input.RegistrationNumber);
        await using var db = factory.CreateDbContext();
        var litmas = new LitmasCase
        {
            OfficeId = officeId,
            RegistrationNumber = input.RegistrationNumber.Trim(),
            NumberKey = key,
            ClientName = input.ClientName.Trim(),
            PkName = input.PkName.Trim(),
            Institution = input.Institution,
            RequestedBy = input.RequestedBy.Trim(),
            Stage = LitmasStage.Diterima,
            StageUpdatedAt = now,
            LetterReceivedAt = input.LetterReceivedAtUtc,
            PublishedAt = now,
        };
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            if (await db.LitmasCases.AnyAsync(c => c.OfficeId == officeId && c.NumberKey == key, cancellationToken))
            {
                return (LitmasActionResult.Duplicate, null);
            }

            db.LitmasCases.Add(litmas);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
            {
                return (LitmasActionResult.Duplicate, null); // the same letter entered twice at once
            }

            db.LitmasStageChanges.Add(new LitmasStageChange { CaseId = litmas.Id, ToStage = litmas.Stage, OfficerId = actor.OfficerId, By = actor.Name, At = now, Note = "Surat permintaan diterima" });
            Audit(db, actor, "litmas.create", litmas.Id, null, now);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        events.Publish(new RecordChanged(EventKind, officeId, $"litmas/{litmas.Id}"));
        return (LitmasActionResult.Done, litmas.Id);
    }

    /// <summary>
    /// Moves the case to <paramref name="to"/>. <paramref name="expectedRevision"/> is the revision the
    /// officer saw: if someone changed the case since, nothing happens (Conflict).
    /// </summary>
    public async Task<LitmasActionResult> ChangeStageAsync(
        long caseId,
        LitmasStage to,
        string? note,
        long expectedRevision,
        Actor actor,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        LitmasCase? litmas;
        int notified;
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            litmas = await db.LitmasCases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (litmas is null)
            {
                return LitmasActionResult.NotFound;
            }

            if (litmas.Revision != expectedRevision || litmas.Stage == to)
            {
                return LitmasActionResult.Conflict;
            }

            var from = litmas.Stage;
            Move(db, litmas, to, now, actor, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            Audit(db, actor, "litmas.stage", litmas.Id, $"{LitmasStages.Code(from)} → {LitmasStages.Code(to)}", now);
            notified = await NotifySubscribersAsync(db, litmas, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return LitmasActionResult.Conflict;
            }

            await scope.CommitAsync(cancellationToken);
        }

        Announce(litmas.OfficeId, litmas.Id, notified);
        return LitmasActionResult.Done;
    }

    /// <summary>Sets the stage and keeps the change in the history (on <paramref name="db"/>, saved by the caller).</summary>
    internal static void Move(ChatBotDb db, LitmasCase litmas, LitmasStage to, DateTime at, Actor by, string? note)
    {
        db.LitmasStageChanges.Add(new LitmasStageChange { CaseId = litmas.Id, FromStage = litmas.Stage, ToStage = to, Note = note, OfficerId = by.OfficerId, By = by.Name, At = at });
        litmas.Stage = to;
        litmas.StageUpdatedAt = at;
        litmas.Revision++;
    }

    /// <summary>Queues the news of the case's current stage to every subscriber; returns how many.</summary>
    internal async Task<int> NotifySubscribersAsync(ChatBotDb db, LitmasCase litmas, DateTime now, CancellationToken cancellationToken)
    {
        var office = offices.Find(litmas.OfficeId);
        if (office is null)
        {
            return 0;
        }

        var conversations = await db.LitmasSubscriptions.Where(s => s.CaseId == litmas.Id)
            .Join(db.Conversations, s => s.ConversationId, c => c.Id, (s, c) => c)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        foreach (var conversation in conversations)
        {
            var texts = LitmasTexts.For(conversation.Language);
            var (label, _) = texts.Stages[litmas.Stage];
            // Template variables for WhatsApp outside the 24-hour window.
            var variables = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["litmas_number"] = litmas.RegistrationNumber,
                ["stage"] = label,
                ["updated"] = texts.When(office, litmas.StageUpdatedAt),
            });
            db.OutboundMessages.Add(OutboundMessage.Queued(conversation, texts.ChangeOf(litmas, office), OutboundKind.Proactive, now, Topic, variables, DialogEngine.FlowOf(WellKnownDialogs.LitmasStatus)));
        }

        return conversations.Count;
    }

    /// <summary>Wakes the outbox when something was queued and tells the console the case changed.</summary>
    internal void Announce(int officeId, long caseId, int notified)
    {
        if (notified > 0)
        {
            events.Publish(new MessagesQueued());
        }

        events.Publish(new RecordChanged(EventKind, officeId, $"litmas/{caseId}"));
    }

    private static void Audit(ChatBotDb db, Actor actor, string action, long caseId, string? details, DateTime now) =>
        db.AuditEntries.Add(AuditEntry.Of(actor.Name, action, $"LitmasCase/{caseId}", now, details));
}
