using ChatBot.Domain.Audit;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>A client's details once read and checked (<see cref="ClientFields"/>).</summary>
public sealed record ClientValues(
    string RegistrationNumber,
    string NumberKey,
    string FullName,
    DateOnly BirthDate,
    int? PkOfficerId,
    string? Phone,
    string? Email,
    string Town,
    ClientProgramme Programme,
    DateOnly SupervisionStart,
    DateOnly SupervisionEnd);

public enum ClientSaveOutcome
{
    Saved,
    NotFound,

    /// <summary>Someone changed the client since the officer opened the page (the revision moved on).</summary>
    Conflict,

    /// <summary>Another client of the office has the same registration number.</summary>
    Duplicate,

    /// <summary>The PK chosen is not an active PK of the client's office.</summary>
    UnknownPk,
}

/// <param name="Changed">The fields that changed (empty when the form held what was stored).</param>
public sealed record ClientSaveResult(ClientSaveOutcome Outcome, long? ClientId = null, IReadOnlyList<ClientField>? Changed = null);

/// <summary>
/// What officers do to the register by hand: add a client and change one. Each change is checked
/// against the revision the officer saw (optimistic concurrency), written with its audit entry in one
/// transaction, and names in the audit log the fields that changed, never their values (personal data).
/// Who may change which field is the caller's rule (<see cref="ClientEditing"/>): the desk changes the
/// fields it is given.
/// </summary>
public sealed class ClientDesk(ChatBotDbFactory factory, TimeProvider time)
{
    public async Task<ClientSaveResult> CreateAsync(int officeId, ClientValues values, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        if (await db.Clients.AnyAsync(c => c.OfficeId == officeId && c.NumberKey == values.NumberKey, cancellationToken))
        {
            return new(ClientSaveOutcome.Duplicate);
        }

        if (values.PkOfficerId is { } pk && !await IsPkOfAsync(db, pk, officeId, cancellationToken))
        {
            return new(ClientSaveOutcome.UnknownPk);
        }

        var client = new Client
        {
            OfficeId = officeId,
            RegistrationNumber = values.RegistrationNumber,
            NumberKey = values.NumberKey,
            FullName = values.FullName,
            Town = values.Town,
            CreatedAt = now,
        };
        Apply(client, values, Enum.GetValues<ClientField>());
        client.UpdatedAt = now;
        db.Clients.Add(client);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            return new(ClientSaveOutcome.Duplicate);
        }

        db.AuditEntries.Add(AuditEntry.Of(actor.Name, "client.create", Subject(client.Id), now));
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return new(ClientSaveOutcome.Saved, client.Id, Enum.GetValues<ClientField>());
    }

    /// <summary>
    /// Changes <paramref name="fields"/> of the client to <paramref name="values"/>, if the client is still at
    /// <paramref name="expectedRevision"/>; the other fields of <paramref name="values"/> are ignored.
    /// </summary>
    public async Task<ClientSaveResult> UpdateAsync(
        long clientId,
        long expectedRevision,
        IReadOnlySet<ClientField> fields,
        ClientValues values,
        Actor actor,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return new(ClientSaveOutcome.NotFound);
        }

        if (client.Revision != expectedRevision)
        {
            return new(ClientSaveOutcome.Conflict, client.Id);
        }

        var changed = Changed(client, values, fields);
        if (changed.Count == 0)
        {
            return new(ClientSaveOutcome.Saved, client.Id, []);
        }

        if (changed.Contains(ClientField.RegistrationNumber) && values.NumberKey != client.NumberKey
            && await db.Clients.AnyAsync(c => c.OfficeId == client.OfficeId && c.NumberKey == values.NumberKey && c.Id != client.Id, cancellationToken))
        {
            return new(ClientSaveOutcome.Duplicate, client.Id);
        }

        if (changed.Contains(ClientField.Pk))
        {
            if (values.PkOfficerId is { } pk && !await IsPkOfAsync(db, pk, client.OfficeId, cancellationToken))
            {
                return new(ClientSaveOutcome.UnknownPk, client.Id);
            }

            var names = await db.Officers.Where(o => o.Id == client.PkOfficerId || o.Id == values.PkOfficerId)
                .ToDictionaryAsync(o => o.Id, o => o.UserName, cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(actor.Name, "client.pk", Subject(client.Id), now,
                $"{Name(names, client.PkOfficerId)} → {Name(names, values.PkOfficerId)}"));
        }

        Apply(client, values, changed);
        client.UpdatedAt = now;
        client.Revision++;
        db.AuditEntries.Add(AuditEntry.Of(actor.Name, "client.update", Subject(client.Id), now, string.Join(", ", changed)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(ClientSaveOutcome.Conflict, client.Id);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            return new(ClientSaveOutcome.Duplicate, client.Id);
        }

        await scope.CommitAsync(cancellationToken);
        return new(ClientSaveOutcome.Saved, client.Id, changed);
    }

    /// <summary>How audit entries name a client.</summary>
    public static string Subject(long clientId) => $"Client/{clientId}";

    /// <summary>The fields of <paramref name="fields"/> whose value in <paramref name="values"/> differs from the client's, in field order.</summary>
    internal static List<ClientField> Changed(Client client, ClientValues values, IEnumerable<ClientField> fields) =>
        fields.Distinct().Order().Where(field => field switch
        {
            ClientField.RegistrationNumber => client.RegistrationNumber != values.RegistrationNumber,
            ClientField.FullName => client.FullName != values.FullName,
            ClientField.BirthDate => client.BirthDate != values.BirthDate,
            ClientField.Pk => client.PkOfficerId != values.PkOfficerId,
            ClientField.Phone => client.Phone != values.Phone,
            ClientField.Email => client.Email != values.Email,
            ClientField.Town => client.Town != values.Town,
            ClientField.Programme => client.Programme != values.Programme,
            ClientField.SupervisionStart => client.SupervisionStart != values.SupervisionStart,
            ClientField.SupervisionEnd => client.SupervisionEnd != values.SupervisionEnd,
            _ => false,
        }).ToList();

    internal static void Apply(Client client, ClientValues values, IEnumerable<ClientField> fields)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case ClientField.RegistrationNumber:
                    client.RegistrationNumber = values.RegistrationNumber;
                    client.NumberKey = values.NumberKey;
                    break;
                case ClientField.FullName:
                    client.FullName = values.FullName;
                    break;
                case ClientField.BirthDate:
                    client.BirthDate = values.BirthDate;
                    break;
                case ClientField.Pk:
                    client.PkOfficerId = values.PkOfficerId;
                    break;
                case ClientField.Phone:
                    client.Phone = values.Phone;
                    break;
                case ClientField.Email:
                    client.Email = values.Email;
                    break;
                case ClientField.Town:
                    client.Town = values.Town;
                    break;
                case ClientField.Programme:
                    client.Programme = values.Programme;
                    break;
                case ClientField.SupervisionStart:
                    client.SupervisionStart = values.SupervisionStart;
                    break;
                case ClientField.SupervisionEnd:
                    client.SupervisionEnd = values.SupervisionEnd;
                    break;
            }
        }
    }

    private static Task<bool> IsPkOfAsync(ChatBotDb db, int officerId, int officeId, CancellationToken cancellationToken) =>
        db.Officers.AnyAsync(o => o.Id == officerId && o.OfficeId == officeId && o.Role == OfficerRole.Pk && o.Active, cancellationToken);

    private static string Name(Dictionary<int, string> names, int? officerId) =>
        officerId is { } id && names.TryGetValue(id, out var name) ? name : "-";
}
