using ChatBot.Domain.Requests;

namespace ChatBot.Domain.Integration;

/// <summary>Where a request for integration information stands.</summary>
public enum IntegrationRequestStatus
{
    /// <summary>Submitted by the requester; an officer has to verify it against SDP (3 minutes).</summary>
    Submitted,

    /// <summary>The inmate was found in SDP; the officer has to send the information (5 minutes).</summary>
    Verified,

    /// <summary>The requester was answered (information or "not in SDP") by WhatsApp and e-mail.</summary>
    Closed,
}

/// <summary>How a closed request was answered.</summary>
public enum IntegrationOutcome
{
    None,

    /// <summary>The inmate is not in SDP: the requester was told so.</summary>
    NotInSdp,

    /// <summary>The officer sent the information asked for.</summary>
    Answered,
}

/// <summary>The programme the requester asks about.</summary>
public enum IntegrationProgramme
{
    Asimilasi,

    /// <summary>Pembebasan Bersyarat (parole).</summary>
    Pb,

    /// <summary>Cuti Bersyarat (conditional leave).</summary>
    Cb,

    /// <summary>Cuti Menjelang Bebas (pre-release leave).</summary>
    Cmb,
}

/// <summary>
/// A request for integration information (<i>Layanan Informasi Integrasi</i>, the SOP's 13 items). Every
/// name, address, number, the NIK and the KTP file are personal data: shown only to officers allowed to,
/// and erased <see cref="IntegrationRules.DefaultRetention"/> after the request closed, leaving an
/// anonymised row (office, programme, relationship, times, outcome) for statistics.
/// </summary>
public sealed class IntegrationRequest : IServiceRequest<IntegrationRequestStatus>
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary>What the requester quotes to ask the status, e.g. <c>INF-7K2M9Q</c>.</summary>
    public required string ReferenceCode { get; set; }

    /// <summary>The conversation the form was filled in (null once erased).</summary>
    public long? ConversationId { get; set; }

    /// <summary><c>id</c> or <c>en</c>: the language the answer is written in.</summary>
    public string Language { get; set; } = "id";

    public IntegrationRequestStatus Status { get; set; }

    public IntegrationOutcome Outcome { get; set; }

    /// <summary><c>family</c> or <c>lawyer</c> (kept after erasure, for statistics).</summary>
    public required string Relationship { get; set; }

    public IntegrationProgramme Programme { get; set; }

    // Personal data: null after erasure.
    public string? RequesterName { get; set; }

    public string? Address { get; set; }

    /// <summary>E.164; the WhatsApp address the answer goes to.</summary>
    public string? Phone { get; set; }

    public string? GuarantorName { get; set; }

    public string? GuarantorRelationship { get; set; }

    public string? GuarantorAddress { get; set; }

    public string? GuarantorPhone { get; set; }

    public string? InmateName { get; set; }

    public string? Nik { get; set; }

    /// <summary>The e-mail address the answer goes to.</summary>
    public string? Email { get; set; }

    /// <summary>The KTP file in private media storage (absolute path), checked by its bytes on arrival.</summary>
    public string? KtpPath { get; set; }

    public string? KtpContentType { get; set; }

    public long KtpBytes { get; set; }

    /// <summary>What the officer wrote to the requester (null after erasure).</summary>
    public string? AnswerText { get; set; }

    /// <summary>When the requester agreed to the processing of their data (UU PDP).</summary>
    public DateTime ConsentedAt { get; set; }

    /// <summary>When the requester declared the data true (item 13: date and time).</summary>
    public DateTime DeclaredAt { get; set; }

    public DateTime SubmittedAt { get; set; }

    public DateTime? VerifiedAt { get; set; }


    /// <summary>The roster entry the officer confirmed (null for "not in SDP").</summary>
    public long? MatchedInmateId { get; set; }

    public DateTime? ClosedAt { get; set; }


    /// <summary>When the personal data and the KTP file were erased.</summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>Optimistic-concurrency token: two officers never answer the same request twice.</summary>
    public long Revision { get; set; }

    string IServiceRequest.Code => ReferenceCode;

    long? IServiceRequest.OriginConversationId => ConversationId;

    DateTime IServiceRequest.ReceivedAt => SubmittedAt;
}
