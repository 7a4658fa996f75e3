namespace ChatBot.Domain.Guidance;

/// <summary>What kind of guidance meeting a session is.</summary>
public enum GuidanceSessionKind
{
    /// <summary>Group guidance (<i>bimbingan kelompok</i>) at the office, for the clients the PKs proposed.</summary>
    Group,

    /// <summary>A BATAKO guidance counter (<i>Bapas Tekan Kono</i>) in a town, for the clients living there.</summary>
    Counter,
}

/// <summary>Where a session stands.</summary>
public enum GuidanceSessionStatus
{
    /// <summary>Set up (date, time, place, topic); invitations not sent yet.</summary>
    Planned,

    /// <summary>Invitations went out; clients answer.</summary>
    Invited,

    /// <summary>The session took place; attendance is recorded.</summary>
    Held,

    Cancelled,
}

/// <summary>
/// A group-guidance session or a BATAKO counter: when, where and on what, and who set it up. The
/// invitations to it are <see cref="GuidanceInvitation"/> rows.
/// </summary>
public sealed class GuidanceSession
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public GuidanceSessionKind Kind { get; set; }

    public GuidanceSessionStatus Status { get; set; }

    public required string Topic { get; set; }

    public required string Place { get; set; }

    /// <summary>The town a counter is held in (clients whose register town matches are invited); null for group sessions.</summary>
    public string? Town { get; set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>UTC, after <see cref="StartsAt"/>.</summary>
    public DateTime EndsAt { get; set; }

    /// <summary>The Kasubsi who collected the proposals (group) or the PK who opened the counter.</summary>
    public int CreatedByOfficerId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the list of clients was final (the proposals collected): the one-day standard to the invitations runs from here.</summary>
    public DateTime? ListedAt { get; set; }

    public DateTime? InvitedAt { get; set; }

    /// <summary>When the reminders of the day before went out (once).</summary>
    public DateTime? RemindedAt { get; set; }

    public DateTime? HeldAt { get; set; }

    public long Revision { get; set; }
}

/// <summary>A PK's proposal of one of their clients for group guidance, until a Kasubsi collects it into a session.</summary>
public sealed class GuidanceProposal
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public long ClientId { get; set; }

    public int ProposedByOfficerId { get; set; }

    public DateTime ProposedAt { get; set; }

    /// <summary>Why this client (optional, for the Kasubsi).</summary>
    public string? Note { get; set; }

    /// <summary>The session it was collected into; null while waiting.</summary>
    public long? SessionId { get; set; }
}

/// <summary>A client's answer to an invitation.</summary>
public enum InvitationAnswer
{
    /// <summary>No answer yet.</summary>
    None,

    /// <summary><c>HADIR</c>.</summary>
    Attending,

    /// <summary><c>TIDAK</c>.</summary>
    Declining,

    /// <summary><c>GANTI JADWAL</c>: asks for another date (their PK follows up).</summary>
    Reschedule,
}

/// <summary>One client invited to one session: the invitation sent, the answer, the reminder, the attendance and the PK's note.</summary>
public sealed class GuidanceInvitation
{
    public long Id { get; set; }

    public long SessionId { get; set; }

    public long ClientId { get; set; }

    /// <summary>The client's PK when invited (who sees the answer and is told about non-responders).</summary>
    public int? PkOfficerId { get; set; }

    /// <summary>The conversation the invitation went to (the client's WhatsApp or e-mail); answers are matched within it.</summary>
    public long? ConversationId { get; set; }

    /// <summary>The outbox row of the invitation (exactly one per invitation).</summary>
    public long? OutboundMessageId { get; set; }

    public DateTime? SentAt { get; set; }

    public InvitationAnswer Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>What the client wrote with their answer (a reason, a wish for another date), trimmed.</summary>
    public string? AnswerText { get; set; }

    public DateTime? RemindedAt { get; set; }

    /// <summary>When the client's PK was told the client did not answer.</summary>
    public DateTime? NoAnswerFlaggedAt { get; set; }

    /// <summary>Recorded by the PK after the session; null until then.</summary>
    public bool? Attended { get; set; }

    public string? AttendanceNote { get; set; }

    public DateTime? AttendanceRecordedAt { get; set; }

    public long Revision { get; set; }
}
