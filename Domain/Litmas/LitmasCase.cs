namespace ChatBot.Domain.Litmas;

/// <summary>Who asked the Bapas for the litmas.</summary>
public enum RequestingInstitution
{
    Lapas,
    Rutan,
    Lpka,

    /// <summary>Kepolisian (police), e.g. for a child in conflict with the law.</summary>
    Polisi,

    /// <summary>Kejaksaan (the prosecutor's office).</summary>
    Kejaksaan,

    /// <summary>Pengadilan (a court).</summary>
    Pengadilan,
}

/// <summary>
/// One litmas request (<i>Kontrol Penelitian Kemasyarakatan</i>), entered by the Bapas from the request
/// letter. The client or family looks it up by <see cref="RegistrationNumber"/> and learns only the stage,
/// when it last changed, the PK's name and what comes next; the client's name stays in the console.
/// </summary>
public sealed class LitmasCase
{
    public const int NumberLength = 64;

    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The registration number as the Bapas writes it, e.g. <c>LIT-123/PKU/2026</c>.</summary>
    public required string RegistrationNumber { get; set; }

    /// <summary>The number reduced to letters and digits, upper case (<see cref="LitmasNumber.Key"/>): what lookups match.</summary>
    public required string NumberKey { get; set; }

    /// <summary>The client (personal data: shown only in the console, audited).</summary>
    public required string ClientName { get; set; }

    /// <summary>The assigned Pembimbing Kemasyarakatan; told to the person who looks the case up.</summary>
    public required string PkName { get; set; }

    public RequestingInstitution Institution { get; set; }

    /// <summary>The requesting office as written on the letter, e.g. <c>Lapas Kelas IIA Pekanbaru</c>.</summary>
    public required string RequestedBy { get; set; }

    public LitmasStage Stage { get; set; }

    /// <summary>When the stage last changed (what the person is told as "last updated").</summary>
    public DateTime StageUpdatedAt { get; set; }

    /// <summary>When the request letter arrived; null for cases imported from an older register.</summary>
    public DateTime? LetterReceivedAt { get; set; }

    /// <summary>When the case was entered, which is when its status became visible to the public.</summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>Optimistic-concurrency token: two officers changing the stage at once cannot both win.</summary>
    public long Revision { get; set; }
}

/// <summary>One change of a case's stage: who, when, from what to what, and why.</summary>
public sealed class LitmasStageChange
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>Null for the first entry (the case was created).</summary>
    public LitmasStage? FromStage { get; set; }

    public LitmasStage ToStage { get; set; }

    public string? Note { get; set; }

    /// <summary>The officer who changed the stage; null for an import.</summary>
    public int? OfficerId { get; set; }

    /// <summary>The <see cref="Audit.Actor.Name"/> of who changed it: the officer's user name, or <c>import</c>.</summary>
    public required string By { get; set; }

    public DateTime At { get; set; }
}

/// <summary>A conversation that asked to be told when the case's stage changes.</summary>
public sealed class LitmasSubscription
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long ConversationId { get; set; }

    public DateTime CreatedAt { get; set; }
}
