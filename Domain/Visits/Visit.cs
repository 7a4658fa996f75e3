using ChatBot.Domain.Conversations;

namespace ChatBot.Domain.Visits;

/// <summary>
/// Where a video-call visit stands, in the order of the SOP. Stored as text, so never renumber.
/// </summary>
public enum VisitStatus
{
    /// <summary>Registered by the family; waiting for its slot.</summary>
    Booked,

    /// <summary>The officer called the inmate to the video-call room; the family was told.</summary>
    Called,

    IdentityChecked,

    /// <summary>The call runs (15 minutes by the SOP).</summary>
    InCall,

    Finished,

    NoShow,

    Cancelled,
}

/// <summary>A booked video-call visit: who calls whom, when, at which station.</summary>
public sealed class Visit
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary>Short code the family quotes, e.g. <c>VC-7K2M9Q</c>.</summary>
    public required string Code { get; set; }

    public long InmateId { get; set; }

    public Inmate? Inmate { get; set; }

    /// <summary>The conversation the family booked from (where notices go).</summary>
    public long ConversationId { get; set; }

    public ChannelKind Channel { get; set; }

    /// <summary>The family member's own name: personal data.</summary>
    public required string RequesterName { get; set; }

    /// <summary>Stable value of the relationship to the inmate (<c>parent</c>, <c>spouse</c>, ...).</summary>
    public required string Relationship { get; set; }

    /// <summary>E.164 number the officer calls: personal data.</summary>
    public required string CallNumber { get; set; }

    /// <summary>Start of the slot (UTC).</summary>
    public DateTime SlotStart { get; set; }

    public int SlotMinutes { get; set; }

    /// <summary>
    /// The video-call station the slot holds, 1..stations. Set while the booking holds its place;
    /// cleared when it is cancelled, so the place is free again (a unique index on office, slot and
    /// station is what lets only one booking take a place).
    /// </summary>
    public int? Station { get; set; }

    /// <summary>Position in the day's queue (slot order, then station).</summary>
    public int QueueNumber { get; set; }

    public VisitStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the message that made the booking arrived: a turn run again finds its booking by it.</summary>
    public DateTime RequestedAt { get; set; }

    public DateTime? StatusChangedAt { get; set; }

    /// <summary>When the call itself started (the console's 15-minute timer runs from here).</summary>
    public DateTime? CallStartedAt { get; set; }

    /// <summary>When the reminder was queued (or found unnecessary); set once.</summary>
    public DateTime? ReminderQueuedAt { get; set; }

    /// <summary>The booking this one replaced (rescheduling).</summary>
    public long? ReplacesVisitId { get; set; }

    public DateTime SlotEnd => SlotStart.AddMinutes(SlotMinutes);

    /// <summary>States in which a booking still holds its place.</summary>
    public static readonly VisitStatus[] Active = [VisitStatus.Booked, VisitStatus.Called, VisitStatus.IdentityChecked, VisitStatus.InCall];

    public bool IsActive => Active.Contains(Status);
}
