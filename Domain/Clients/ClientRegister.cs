using System.Linq.Expressions;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Clients;

/// <summary>The rules of the client register every service that serves clients uses (permits, guidance, reporting in).</summary>
public static class ClientRegister
{
    /// <summary>The number as lookups and re-imports match it (<see cref="RegistrationNumbers.Key"/>).</summary>
    public static string Key(string? typed) => RegistrationNumbers.Key(typed, Client.NumberLength);

    /// <summary>
    /// The client of <paramref name="officeId"/> with this registration number and birth date, or null.
    /// A wrong number and a wrong birth date are the same null: the caller answers both the same neutral way
    /// and counts both as failed lookups, so the register cannot be probed number by number.
    /// </summary>
    public static async Task<Client?> IdentifyAsync(ChatBotDb db, int officeId, string typedNumber, DateOnly birthDate, CancellationToken cancellationToken)
    {
        var key = Key(typedNumber);
        if (key.Length == 0)
        {
            return null;
        }

        var client = await db.Clients.SingleOrDefaultAsync(c => c.OfficeId == officeId && c.NumberKey == key, cancellationToken);
        return client is not null && client.BirthDate == birthDate ? client : null;
    }

    /// <summary>The same identification inside a turn: what it reads belongs to the turn's unit of work.</summary>
    public static Task<Client?> IdentifyAsync(UnitOfWork work, int officeId, string typedNumber, DateOnly birthDate) =>
        IdentifyAsync(work.Db, officeId, typedNumber, birthDate, work.CancellationToken);

    /// <summary>Roles that see every client of their office; a PK sees only their own.</summary>
    public static readonly IReadOnlyList<OfficerRole> SeeAll = [OfficerRole.Admin, OfficerRole.Kepala, OfficerRole.Kasubsi];

    /// <summary>Whether <paramref name="role"/> may open the register at all.</summary>
    public static bool MayOpen(OfficerRole role) => role == OfficerRole.Pk || SeeAll.Contains(role);

    /// <summary>The clients <paramref name="officer"/> may see (of offices they may see; the caller filters offices).</summary>
    public static Expression<Func<Client, bool>> VisibleTo(Officer officer)
    {
        if (SeeAll.Contains(officer.Role))
        {
            return c => true;
        }

        var id = officer.Id;
        return officer.Role == OfficerRole.Pk ? c => c.PkOfficerId == id : c => false;
    }

    /// <summary>The initials of a name, upper case, dotted: <c>Budi Santoso</c> → <c>B.S.</c> (what a public page may show).</summary>
    public static string Initials(string fullName) =>
        string.Concat(fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => char.IsLetter(part[0]))
            .Take(4)
            .Select(part => char.ToUpperInvariant(part[0]) + "."));
}
