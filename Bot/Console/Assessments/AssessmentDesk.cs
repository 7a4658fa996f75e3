using ChatBot.Bot.OfficerConsole.Clients;
using ChatBot.Domain.Assessments;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>An assessment as read from the form and checked (the document already stored).</summary>
public sealed record AssessmentInput(DateOnly AssessedOn, int AssessorOfficerId, RiskLevel Risk, IReadOnlyList<string> Needs, string Recommendation, StoredAttachment Document);

public enum AssessmentSaveOutcome
{
    Saved,
    NotFound,
}

public sealed record AssessmentSaveResult(AssessmentSaveOutcome Outcome, long? AssessmentId = null);

/// <summary>
/// What officers record about assessments: an assessment (with its audit entry, in one transaction; it answers
/// the due date the rule gave, clears new information it answers, and is attached to the client's litmas case
/// when there is one), and new information about a client, which brings the next re-assessment forward. Who may
/// is the caller's rule (<see cref="AssessmentPages"/>).
/// </summary>
public sealed class AssessmentDesk(ChatBotDbFactory factory, DomainEvents events, TimeProvider time)
{
    /// <summary>The console event kind when a client's assessments change.</summary>
    public const string EventKind = "assessment";

    public async Task<AssessmentSaveResult> RecordAsync(long clientId, AssessmentInput input, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return new(AssessmentSaveOutcome.NotFound);
        }

        var last = (await AssessmentPages.LastAssessedAsync(db, [clientId], cancellationToken)).GetValueOrDefault(clientId);
        var due = AssessmentRules.NextDue(client, last);
        var assessment = new Assessment
        {
            OfficeId = client.OfficeId,
            ClientId = client.Id,
            Kind = last is null ? AssessmentKind.Initial : AssessmentKind.Reassessment,
            // Past the end of supervision nothing was due: the assessment answers its own day.
            DueOn = due?.DueOn ?? input.AssessedOn,
            AssessedOn = input.AssessedOn,
            AssessorOfficerId = input.AssessorOfficerId,
            Risk = input.Risk,
            Needs = string.Join(",", input.Needs),
            Recommendation = input.Recommendation,
            DocumentPath = input.Document.StoragePath,
            DocumentContentType = input.Document.ContentType,
            DocumentBytes = input.Document.Size,
            LitmasCaseId = await LitmasCaseOfAsync(db, client, cancellationToken),
            CreatedAt = now,
        };
        db.Assessments.Add(assessment);
        var cleared = AssessmentRules.ClearsNewInformation(client.NewInformationOn, input.AssessedOn);
        if (cleared)
        {
            client.NewInformationOn = null;
            client.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntry.Of(actor.Name, "assessment.record", ClientDesk.Subject(client.Id), now,
            $"Assessment/{assessment.Id} {assessment.Kind}{(assessment.LitmasCaseId is { } caseId ? $", LitmasCase/{caseId}" : "")}{(cleared ? ", new information answered" : "")}"));
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        events.Publish(new RecordChanged(EventKind, client.OfficeId, ClientDesk.Subject(client.Id)));
        return new(AssessmentSaveOutcome.Saved, assessment.Id);
    }

    /// <summary>
    /// Marks new information about the client on <paramref name="on"/>: a re-assessment is due
    /// <see cref="AssessmentRules.NewInformationDays"/> days after it. Information already pending keeps its
    /// earlier day (its re-assessment is due first). The reason goes to the audit log only.
    /// </summary>
    public async Task<bool> MarkNewInformationAsync(long clientId, DateOnly on, string reason, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return false;
        }

        if (client.NewInformationOn is not { } pending || on < pending)
        {
            client.NewInformationOn = on;
            client.UpdatedAt = now;
        }

        db.AuditEntries.Add(AuditEntry.Of(actor.Name, "client.newinfo", ClientDesk.Subject(client.Id), now, $"{on:yyyy-MM-dd}: {reason}"));
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        events.Publish(new RecordChanged(EventKind, client.OfficeId, ClientDesk.Subject(client.Id)));
        return true;
    }

    /// <summary>
    /// The client's litmas case in the same office: the one with the same registration number, else the only one
    /// under the client's name (spacing and case aside). Two cases under the name and no number match: none, since
    /// attaching a risk assessment to another person's case would show it to the wrong file.
    /// </summary>
    public static async Task<long?> LitmasCaseOfAsync(ChatBotDb db, Client client, CancellationToken cancellationToken)
    {
        var key = LitmasNumber.Key(client.RegistrationNumber);
        var byNumber = await db.LitmasCases.AsNoTracking().Where(c => c.OfficeId == client.OfficeId && c.NumberKey == key)
            .Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (byNumber is not null)
        {
            return byNumber;
        }

        var name = NameKey(client.FullName);
        var first = client.FullName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].ToLower();
        var candidates = await db.LitmasCases.AsNoTracking().Where(c => c.OfficeId == client.OfficeId && c.ClientName.ToLower().Contains(first))
            .Select(c => new { c.Id, c.ClientName }).ToListAsync(cancellationToken);
        var matching = candidates.Where(c => NameKey(c.ClientName) == name).ToList();
        return matching.Count == 1 ? matching[0].Id : null;
    }

    private static string NameKey(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
}
