namespace ChatBot.Domain.Clients;

/// <summary>The supervision programme a Bapas client is under.</summary>
public enum ClientProgramme
{
    /// <summary>Pembebasan Bersyarat (parole).</summary>
    Pb,

    /// <summary>Cuti Bersyarat (conditional leave).</summary>
    Cb,

    /// <summary>Cuti Menjelang Bebas (pre-release leave).</summary>
    Cmb,

    Asimilasi,

    /// <summary>Pidana bersyarat (a suspended sentence under supervision).</summary>
    PidanaBersyarat,

    /// <summary>A child client (diversion, a court order).</summary>
    Anak,
}

/// <summary>
/// A client a Bapas supervises (<i>klien pemasyarakatan</i>), from the office's register. Everything
/// but the office, programme and dates is personal data: shown in the console to the client's PK,
/// the head and admins only. A person proves to the bot they are (or act for) the client with the
/// registration number and the birth date together.
/// </summary>
public sealed class Client
{
    public const int NumberLength = 64;

    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The registration number as the Bapas writes it, e.g. <c>PB-123/BPS/2026</c>.</summary>
    public required string RegistrationNumber { get; set; }

    /// <summary>The number reduced to letters and digits, upper case: what lookups and re-imports match.</summary>
    public required string NumberKey { get; set; }

    public required string FullName { get; set; }

    public DateOnly BirthDate { get; set; }

    /// <summary>The client's Pembimbing Kemasyarakatan (an officer of the office); null until one is given.</summary>
    public int? PkOfficerId { get; set; }

    /// <summary>E.164, e.g. <c>+6281234567890</c>.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The town (kabupaten/kota) the client lives in: guidance counters invite by it.</summary>
    public required string Town { get; set; }

    public ClientProgramme Programme { get; set; }

    public DateOnly SupervisionStart { get; set; }

    public DateOnly SupervisionEnd { get; set; }

    /// <summary>
    /// The day an officer marked new information about the client (a new offence, a change at home):
    /// a re-assessment is due from it, before the yearly one. Null when none is pending.
    /// </summary>
    public DateOnly? NewInformationOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token for console edits.</summary>
    public long Revision { get; set; }
}
