using ChatBot.Domain.Abh;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Events;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>How opening a litmas case from an ABH request ended.</summary>
public enum AbhLitmasResult
{
    Done,
    NotFound,

    /// <summary>Only the PK appointed, the Kasubsi who appointed them or the head opens it.</summary>
    Forbidden,

    /// <summary>The request is not acknowledged yet, has a case already, or changed meanwhile.</summary>
    Conflict,

    /// <summary>Another case of the office has the same registration number.</summary>
    Duplicate,

    Invalid,
}

/// <summary>
/// What officers do with an ABH request beyond its steps (<see cref="AbhRequests"/>, run by the
/// <see cref="RequestDesk"/>): once the PK has set off, open the litmas case for the child from it — the
/// requesting institution, the child's initials as the client, the PK, the letter's arrival — in the same
/// transaction that links the request to it.
/// </summary>
public sealed class AbhDesk(ChatBotDbFactory factory, DomainEvents events, TimeProvider time)
{
    public const string LitmasStep = "litmas";

    public async Task<(AbhLitmasResult Result, long? CaseId)> OpenLitmasAsync(
        long requestId,
        Officer officer,
        string? registrationNumber,
        RequestingInstitution institution,
        long expectedRevision,
        CancellationToken cancellationToken)
    {
        var number = registrationNumber?.Trim() ?? "";
        var key = LitmasNumber.Key(number);
        if (number.Length is 0 or > LitmasCase.NumberLength || key.Length == 0 || !Enum.IsDefined(institution))
        {
            return (AbhLitmasResult.Invalid, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var request = await db.AbhRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.OfficeId == officer.OfficeId, cancellationToken);
        if (request is null)
        {
            return (AbhLitmasResult.NotFound, null);
        }

        if (officer.Role != OfficerRole.Kepala && officer.Id != request.PkOfficerId && officer.Id != request.KasubsiOfficerId)
        {
            return (AbhLitmasResult.Forbidden, null);
        }

        if (request.Status is not (AbhRequestStatus.Acknowledged or AbhRequestStatus.Accompanied)
            || request.LitmasCaseId is not null || request.ErasedAt is not null || request.Revision != expectedRevision)
        {
            return (AbhLitmasResult.Conflict, null);
        }

        if (await db.LitmasCases.AnyAsync(c => c.OfficeId == request.OfficeId && c.NumberKey == key, cancellationToken))
        {
            return (AbhLitmasResult.Duplicate, null);
        }

        var pk = await db.Officers.AsNoTracking().Where(o => o.Id == request.PkOfficerId).Select(o => o.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var litmas = new LitmasCase
        {
            OfficeId = request.OfficeId,
            RegistrationNumber = number,
            NumberKey = key,
            ClientName = request.ChildInitials ?? "-",
            PkName = pk ?? officer.DisplayName,
            Institution = institution,
            RequestedBy = string.Join(", ", new[] { request.InstitutionName, request.InstitutionUnit }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } by ? by : RequestingInstitutions.Label(institution),
            Stage = LitmasStage.Diterima,
            StageUpdatedAt = now,
            LetterReceivedAt = request.ReceivedAt,
            PublishedAt = now,
        };
        db.LitmasCases.Add(litmas);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            return (AbhLitmasResult.Duplicate, null);
        }

        db.LitmasStageChanges.Add(new LitmasStageChange
        {
            CaseId = litmas.Id,
            ToStage = litmas.Stage,
            OfficerId = officer.Id,
            By = officer.UserName,
            At = now,
            Note = $"Dari permohonan pendampingan {request.Code}",
        });
        request.LitmasCaseId = litmas.Id;
        request.Revision++;
        db.RequestEvents.Add(new RequestEvent
        {
            Kind = AbhRequests.Kind,
            Code = request.Code,
            OfficeId = request.OfficeId,
            Step = LitmasStep,
            FromStatus = request.Status.ToString(),
            ToStatus = request.Status.ToString(),
            OfficerId = officer.Id,
            Actor = officer.UserName,
            At = now,
        });
        db.AuditEntries.Add(AuditEntry.Of(officer.UserName, "litmas.create", $"LitmasCase/{litmas.Id}", now, $"{AbhRequests.Subject}/{request.Id}"));
        db.AuditEntries.Add(AuditEntry.Of(officer.UserName, $"{AbhRequests.Kind}.{LitmasStep}", $"{AbhRequests.Subject}/{request.Id}", now, $"LitmasCase/{litmas.Id}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (AbhLitmasResult.Conflict, null);
        }

        await scope.CommitAsync(cancellationToken);
        events.Publish(new RequestChanged(AbhRequests.Kind, request.OfficeId, request.Id));
        events.Publish(new RecordChanged(LitmasStatus.LitmasCaseService.EventKind, request.OfficeId, $"litmas/{litmas.Id}"));
        return (AbhLitmasResult.Done, litmas.Id);
    }
}
