namespace ChatBot.Domain.Visits;

/// <summary>
/// One inmate (WBP) on an office's roster, imported from an SDP export. Personal data: shown to
/// officers only, and to a family member only after they gave two details that match.
/// </summary>
public sealed class Inmate
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The registration number as the roster writes it, e.g. <c>B.I-123/2024</c>.</summary>
    public required string RegistrationNumber { get; set; }

    /// <summary><see cref="RegistrationNumber"/> reduced to letters and digits, upper case: what lookups compare.</summary>
    public required string RegistrationKey { get; set; }

    public required string FullName { get; set; }

    /// <summary><see cref="FullName"/> in the forgiving form <see cref="InmateNameMatcher.Key"/> makes.</summary>
    public required string NameKey { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? CellBlock { get; set; }

    public bool VideoCallAllowed { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
}
