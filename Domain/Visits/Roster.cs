using System.Text;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Visits;

/// <summary>The inmate a lookup found; <paramref name="Partial"/> when only part of the name was given.</summary>
public sealed record RosterMatch(Inmate Inmate, bool Partial);

/// <summary>
/// Finds inmates on an office's roster the way a family describes them: a name (or registration
/// number) plus a second detail the roster holds. Reused wherever a person names an inmate.
/// </summary>
public static class Roster
{
    /// <summary>Letters and digits of a registration number, upper case (<c>B.I-123/2024</c> → <c>BI1232024</c>).</summary>
    public static string RegistrationKey(string? number)
    {
        var key = new StringBuilder();
        foreach (var c in number ?? "")
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }

        return key.ToString();
    }

    /// <summary>Inmates whose name matches (forgivingly) or whose registration number is <paramref name="nameOrNumber"/>.</summary>
    public static Task<List<Inmate>> CandidatesAsync(UnitOfWork work, int officeId, string nameOrNumber) =>
        CandidatesAsync(work.Db, officeId, nameOrNumber, work.CancellationToken);

    /// <inheritdoc cref="CandidatesAsync(UnitOfWork, int, string)"/>
    public static async Task<List<Inmate>> CandidatesAsync(ChatBotDb db, int officeId, string nameOrNumber, CancellationToken cancellationToken)
    {
        var number = RegistrationKey(nameOrNumber);
        var key = InmateNameMatcher.Key(nameOrNumber);
        if (number.Length > 0 && number.Any(char.IsAsciiDigit))
        {
            var byNumber = await db.Set<Inmate>().AsNoTracking()
                .Where(i => i.OfficeId == officeId && i.RegistrationKey == number)
                .ToListAsync(cancellationToken);
            if (byNumber.Count > 0)
            {
                return byNumber;
            }
        }

        if (key.Length == 0)
        {
            return [];
        }

        // Names are compared in memory (a roster is a few thousand rows), narrowed by length first.
        var rows = await db.Set<Inmate>().AsNoTracking()
            .Where(i => i.OfficeId == officeId && i.NameKey.Length >= key.Length - 2 && i.NameKey.Length <= key.Length + 2)
            .ToListAsync(cancellationToken);
        return rows.Where(i => InmateNameMatcher.KeysMatch(key, i.NameKey)).ToList();
    }

    /// <summary>
    /// The one inmate a name (or registration number) and a second detail point to, or null. The whole name
    /// is tried first; when it finds nobody, part of a name (two or more of its words, see
    /// <see cref="InmateNameMatcher.KeysPartlyMatch"/>) is tried with the same second detail, and the match
    /// is <see cref="RosterMatch.Partial"/>: the caller confirms the full name before going on.
    /// </summary>
    public static async Task<RosterMatch?> FindAsync(UnitOfWork work, int officeId, string nameOrNumber, DateOnly? birthDate, string? secondDetail)
    {
        if (Confirm(await CandidatesAsync(work, officeId, nameOrNumber), nameOrNumber, birthDate, secondDetail) is { } inmate)
        {
            return new RosterMatch(inmate, Partial: false);
        }

        var key = InmateNameMatcher.Key(nameOrNumber);
        if (key.Length == 0)
        {
            return null;
        }

        var rows = await work.Db.Set<Inmate>().AsNoTracking()
            .Where(i => i.OfficeId == officeId && i.NameKey.Length > key.Length)
            .ToListAsync(work.CancellationToken);
        var partly = rows.Where(i => InmateNameMatcher.KeysPartlyMatch(key, i.NameKey)).ToList();
        return Confirm(partly, nameOrNumber, birthDate, secondDetail) is { } found ? new RosterMatch(found, Partial: true) : null;
    }

    /// <summary>An inmate of the office by id, or null.</summary>
    public static Task<Inmate?> FindByIdAsync(UnitOfWork work, int officeId, long inmateId) =>
        work.Db.Set<Inmate>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == inmateId && i.OfficeId == officeId, work.CancellationToken);

    /// <summary>
    /// The one inmate both details point to, or null. The second detail is a birth date or a
    /// registration number; a registration number given twice is not two details.
    /// </summary>
    public static Inmate? Confirm(IReadOnlyList<Inmate> candidates, string nameOrNumber, DateOnly? birthDate, string? secondNumber)
    {
        var firstNumber = RegistrationKey(nameOrNumber);
        var secondKey = RegistrationKey(secondNumber);
        var matches = candidates.Where(i =>
        {
            var firstWasNumber = firstNumber.Length > 0 && i.RegistrationKey == firstNumber;
            var byDate = birthDate is { } date && i.BirthDate == date;
            var bySecondNumber = !firstWasNumber && secondKey.Length > 0 && i.RegistrationKey == secondKey;
            return byDate || bySecondNumber;
        }).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
