using ChatBot.Domain.Requests;

namespace ChatBot.Domain.Abh;

/// <summary>Where a request for accompaniment of a child in conflict with the law stands, in the SOP's order.</summary>
public enum AbhRequestStatus
{
    /// <summary>Received; the on-duty officer hands it to the head (1 hour).</summary>
    Received,

    /// <summary>With the head, who dispositions it to the Kasubsi BKA (30 minutes).</summary>
    WithHead,

    /// <summary>Dispositioned; the Kasubsi appoints a PK (30 minutes).</summary>
    Disposed,

    /// <summary>A PK is appointed; they acknowledge and start within 1 hour of the disposition.</summary>
    Appointed,

    /// <summary>The PK acknowledged and is on the way or with the child.</summary>
    Acknowledged,

    /// <summary>The accompaniment was recorded (start, place). Closed.</summary>
    Accompanied,
}

/// <summary>
/// A request from an investigator, prosecutor or other institution for a PK to accompany a child
/// (<i>anak yang berhadapan dengan hukum</i>), at any hour. Of the child only the initials and age are
/// taken (UU PDP: a child's data is specific personal data); they and the request letter are shown
/// only to the roles that handle ABH and erased after the office's retention.
/// </summary>
public sealed class AbhRequest : IServiceRequest<AbhRequestStatus>
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary><c>ABH-7K2M9Q</c>.</summary>
    public required string Code { get; set; }

    public long? ConversationId { get; set; }

    public string Language { get; set; } = "id";

    public AbhRequestStatus Status { get; set; }

    /// <summary><c>police</c>, <c>prosecutor</c> or <c>other</c> (kept after erasure, for statistics).</summary>
    public required string InstitutionKind { get; set; }

    // The requester: an officer of another institution, still personal data.
    public string? InstitutionName { get; set; }

    public string? InstitutionUnit { get; set; }

    public string? RequesterName { get; set; }

    /// <summary>E.164.</summary>
    public string? RequesterPhone { get; set; }

    // The child: the minimum, erased after retention.
    public string? ChildInitials { get; set; }

    public int? ChildAge { get; set; }

    /// <summary>Where the child is held (a police station, a shelter).</summary>
    public string? HeldAt { get; set; }

    /// <summary>The alleged offence, in a sentence.</summary>
    public string? AllegedOffence { get; set; }

    public string? LetterPath { get; set; }

    public string? LetterContentType { get; set; }

    public long LetterBytes { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? HandedAt { get; set; }

    public DateTime? DisposedAt { get; set; }

    /// <summary>The Kasubsi BKA the head dispositioned it to.</summary>
    public int? KasubsiOfficerId { get; set; }

    public DateTime? AppointedAt { get; set; }

    /// <summary>The PK appointed to accompany the child.</summary>
    public int? PkOfficerId { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public DateTime? AccompanimentStartedAt { get; set; }

    public string? AccompanimentPlace { get; set; }

    /// <summary>The litmas case opened for the child from this request, if any.</summary>
    public long? LitmasCaseId { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime? ErasedAt { get; set; }

    public long Revision { get; set; }

    long? IServiceRequest.OriginConversationId => ConversationId;
}

/// <summary>One shift of the office's on-duty roster: who answers ABH requests from when to when (may cross midnight).</summary>
public sealed class DutyShift
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public int OfficerId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>UTC, after <see cref="StartsAt"/>.</summary>
    public DateTime EndsAt { get; set; }

    /// <summary>Order among those on duty at once: 0 is alerted first, the next one when an alert escalates.</summary>
    public int Rank { get; set; }
}

/// <summary>One alert about an ABH request to one officer, and its escalations: every one is recorded.</summary>
public sealed class AbhAlert
{
    public long Id { get; set; }

    public long AbhRequestId { get; set; }

    /// <summary>The status the request waited in when the alert went out (the step not yet taken).</summary>
    public AbhRequestStatus Waiting { get; set; }

    public int OfficerId { get; set; }

    /// <summary>0: the on-duty officers; 1: the next on duty; 2: the head of office.</summary>
    public int Level { get; set; }

    public DateTime SentAt { get; set; }

    /// <summary>When the step the alert was about was taken (the alert is over).</summary>
    public DateTime? ResolvedAt { get; set; }
}
