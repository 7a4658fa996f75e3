using ChatBot.Domain.Requests;

namespace ChatBot.Domain.Outreach;

/// <summary>Where a request for an outreach session (<i>Sambang Deso lan Sekolah</i>) stands, in the SOP's order.</summary>
public enum OutreachStatus
{
    /// <summary>Filed; the office registers it and hands it to the head (30 minutes).</summary>
    Submitted,

    /// <summary>Registered and with the head, who dispositions it to a Kasubsi (10 minutes).</summary>
    Received,

    /// <summary>Dispositioned; the Kasubsi appoints a team (5 minutes).</summary>
    Disposed,

    /// <summary>A team is appointed; it agrees a date with the requester.</summary>
    TeamAppointed,

    /// <summary>The date is agreed with the requester.</summary>
    Scheduled,

    /// <summary>The session took place; the team writes a short report.</summary>
    Held,

    /// <summary>The report is written (attendance, photos). Closed; the requester is asked to rate it.</summary>
    Reported,

    /// <summary>Declined by the head, with a reason the requester is told. Closed.</summary>
    Declined,
}

/// <summary>
/// A village's or school's request for an outreach session. The contact person's name, phone and
/// e-mail and the request letter are personal data, erased after the office's retention.
/// </summary>
public sealed class OutreachRequest : IServiceRequest<OutreachStatus>
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary><c>SOS-7K2M9Q</c>.</summary>
    public required string Code { get; set; }

    public long? ConversationId { get; set; }

    public string Language { get; set; } = "id";

    public OutreachStatus Status { get; set; }

    /// <summary><c>village</c>, <c>school</c> or <c>other</c> (kept after erasure, for statistics).</summary>
    public required string InstitutionKind { get; set; }

    public required string InstitutionName { get; set; }

    // The contact person: personal data, null after erasure.
    public string? ContactName { get; set; }

    /// <summary>E.164.</summary>
    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The dates the requester would like, as they wrote them or as parsed (<c>2026-12-10, 2026-12-12</c>).</summary>
    public required string PreferredDates { get; set; }

    /// <summary>A topic key from the office's list (<c>narkoba</c>, <c>bullying</c>, …) or <c>other</c>.</summary>
    public required string Topic { get; set; }

    /// <summary>The requester's own words on the topic (required when <see cref="Topic"/> is <c>other</c>).</summary>
    public string? TopicDetail { get; set; }

    /// <summary>Who will attend, in the requester's words (e.g. "120 siswa SMP kelas 8").</summary>
    public required string Audience { get; set; }

    public int? AudienceSize { get; set; }

    public string? LetterPath { get; set; }

    public string? LetterContentType { get; set; }

    public long LetterBytes { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime? DisposedAt { get; set; }

    public int? KasubsiOfficerId { get; set; }

    public DateTime? TeamAppointedAt { get; set; }

    /// <summary>The team's officer ids, comma-separated (the first leads it).</summary>
    public string? TeamOfficerIds { get; set; }

    /// <summary>The agreed date and time of the session (UTC).</summary>
    public DateTime? ScheduledFor { get; set; }

    public DateTime? ScheduledAt { get; set; }

    public DateTime? HeldAt { get; set; }

    public int? Attendance { get; set; }

    public string? ReportText { get; set; }

    /// <summary>The report's photos in private media storage, JSON like message attachments.</summary>
    public string? ReportPhotos { get; set; }

    public DateTime? ReportedAt { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>1–5, from the question after the session; counts in the office's IKM figure with complaints'.</summary>
    public int? SurveyScore { get; set; }

    public string? SurveyComment { get; set; }

    public DateTime? SurveyAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime? ErasedAt { get; set; }

    public long Revision { get; set; }

    long? IServiceRequest.OriginConversationId => ConversationId;
}
