namespace ChatBot.Domain.Assessments;

/// <summary>Which assessment of a client it is.</summary>
public enum AssessmentKind
{
    /// <summary>Due within 7 days of the start of supervision.</summary>
    Initial,

    /// <summary>Yearly after the last one, or earlier when an officer marks new information.</summary>
    Reassessment,
}

/// <summary>The assessed risk level.</summary>
public enum RiskLevel
{
    Rendah,
    Sedang,
    Tinggi,
}

/// <summary>
/// A risk and needs assessment of a supervised client (seed 002): when and by whom, the risk level,
/// the needs found (from the office's checklist), the recommendation and the document. Shown on the
/// client's page and on their litmas case; personal data like the register.
/// </summary>
public sealed class Assessment
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public long ClientId { get; set; }

    public AssessmentKind Kind { get; set; }

    /// <summary>The due date it fulfils (what the reminders were about).</summary>
    public DateOnly DueOn { get; set; }

    public DateOnly AssessedOn { get; set; }

    public int AssessorOfficerId { get; set; }

    public RiskLevel Risk { get; set; }

    /// <summary>The needs found: keys of the office's checklist, comma-separated.</summary>
    public required string Needs { get; set; }

    public required string Recommendation { get; set; }

    public string? DocumentPath { get; set; }

    public string? DocumentContentType { get; set; }

    public long DocumentBytes { get; set; }

    /// <summary>The litmas case it was attached to, when the client has one.</summary>
    public long? LitmasCaseId { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A reminder about one due assessment, sent once per stage (three working days before, on the day).</summary>
public sealed class AssessmentReminder
{
    public long Id { get; set; }

    public long ClientId { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary><c>before</c> or <c>due</c>.</summary>
    public required string Stage { get; set; }

    public int OfficerId { get; set; }

    public DateTime SentAt { get; set; }
}
