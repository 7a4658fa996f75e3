using ChatBot.Domain.Conversations;
using ChatBot.Domain.Requests;

namespace ChatBot.Domain.Complaints;

/// <summary>What a complaint is about. Stored as text, so never renumber.</summary>
public enum ComplaintCategory
{
    VisitService,
    Litmas,
    Integration,
    OfficerConduct,
    Facilities,
    Other,

    /// <summary>Illegal levies or extortion (<i>pungli</i>): reviewed by the head of office like every complaint, never by the unit it names.</summary>
    Extortion,
}

/// <summary>Where a complaint is on the SOP's path. Stored as text, so never renumber.</summary>
public enum ComplaintStatus
{
    /// <summary>Filed by the complainant; waits for the head of office.</summary>
    Received,

    /// <summary>The head of office wrote a direction and assigned the responsible official.</summary>
    Reviewed,

    /// <summary>The responsible official fixed the problem and/or clarified it.</summary>
    FollowedUp,

    /// <summary>The official answer was sent to the complainant.</summary>
    Closed,
}

/// <summary>What the responsible official did. Stored as text, so never renumber.</summary>
public enum ComplaintFollowUpKind
{
    Fix,
    Clarification,
    FixAndClarification,
}

/// <summary>
/// A public complaint (<c>pengaduan</c>) and its handling; who took each step and when is in its history
/// (<see cref="RequestEvent"/>).
/// The complainant is reached through <see cref="ConversationId"/> only; for an anonymous complaint
/// no name is kept and the console never shows the conversation's address.
/// </summary>
public sealed class Complaint : IServiceRequest<ComplaintStatus>
{
    public long Id { get; set; }

    /// <summary>The ticket code the complainant quotes, e.g. <c>ADU-7K3P9Q</c>.</summary>
    public required string Code { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The conversation the complaint came from; answers go back through it.</summary>
    public long ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public ChannelKind Channel { get; set; }

    public ComplaintCategory Category { get; set; }

    public required string Description { get; set; }

    /// <summary>Photo or document sent with the complaint, in private media storage.</summary>
    public string? AttachmentPath { get; set; }

    public string? AttachmentContentType { get; set; }

    public string? AttachmentFileName { get; set; }

    public long? AttachmentSize { get; set; }

    public bool Anonymous { get; set; }

    /// <summary>The name the complainant gave; always null when <see cref="Anonymous"/>.</summary>
    public string? ReporterName { get; set; }

    public ComplaintStatus Status { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>Last day (office local date) for the head of office's review.</summary>
    public DateOnly VerificationDue { get; set; }

    /// <summary>Last day (office local date) for the official answer.</summary>
    public DateOnly AnswerDue { get; set; }

    public DateTime? ReviewedAt { get; set; }


    /// <summary>The head of office's direction (<c>disposisi</c>).</summary>
    public string? Direction { get; set; }

    public int? ResponsibleOfficerId { get; set; }

    public DateTime? FollowedUpAt { get; set; }


    public ComplaintFollowUpKind? FollowUpKind { get; set; }

    public string? FollowUpNote { get; set; }

    public DateTime? ClosedAt { get; set; }


    /// <summary>The official answer, as sent to the complainant.</summary>
    public string? Answer { get; set; }

    /// <summary>Satisfaction 1–5 after closing.</summary>
    public int? SurveyScore { get; set; }

    public string? SurveyComment { get; set; }

    public DateTime? SurveyAt { get; set; }

    /// <summary>Optimistic-concurrency token: two officers acting at once cannot both move a step.</summary>
    public long Revision { get; set; }

    long? IServiceRequest.OriginConversationId => ConversationId;

    /// <summary>Past the review deadline and still not reviewed, on <paramref name="today"/> (office local date).</summary>
    public bool VerificationLate(DateOnly today) => Status == ComplaintStatus.Received && today > VerificationDue;

    /// <summary>Past the answer deadline and still not answered.</summary>
    public bool AnswerLate(DateOnly today) => Status != ComplaintStatus.Closed && today > AnswerDue;

    public bool IsLate(DateOnly today) => VerificationLate(today) || AnswerLate(today);
}
