using ChatBot.Domain.Requests;

namespace ChatBot.Domain.Permits;

/// <summary>Where an out-of-town permit request (<i>izin ke luar kota</i>) stands, in the SOP's order.</summary>
public enum TravelPermitStatus
{
    /// <summary>Filed; the PK examines it (5 minutes).</summary>
    Submitted,

    /// <summary>Examined by the PK; the TPP session decides.</summary>
    Examined,

    /// <summary>Approved by the TPP; the PK drafts the letter (5 minutes).</summary>
    Approved,

    /// <summary>Rejected by the TPP, with a reason the client is told. Closed.</summary>
    Rejected,

    /// <summary>The letter is drafted; the head of office approves it (5 minutes).</summary>
    Drafted,

    /// <summary>The head approved (signed electronically); the letter is on its way to the client (5 minutes).</summary>
    Signed,

    /// <summary>The letter reached the client. Closed.</summary>
    Delivered,

    /// <summary>The head revoked the letter. Closed.</summary>
    Revoked,
}

/// <summary>
/// A request for leave to travel out of town by a supervised client (or their lawyer or family), and
/// the permit letter it ends in. Names, addresses, phones and the signed request's scan are personal
/// data, erased after the office's retention; the letter's number, dates and verification code stay
/// so that a letter can still be checked.
/// </summary>
public sealed class TravelPermit : IServiceRequest<TravelPermitStatus>
{
    public const int VerificationCodeLength = 10;

    public long Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary><c>IZN-7K2M9Q</c>.</summary>
    public required string Code { get; set; }

    public long? ConversationId { get; set; }

    /// <summary><c>id</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "id";

    public TravelPermitStatus Status { get; set; }

    /// <summary>The register entry the applicant identified (registration number and birth date).</summary>
    public long? ClientId { get; set; }

    // Personal data: null after erasure.
    public string? ApplicantName { get; set; }

    /// <summary><c>self</c>, <c>lawyer</c> or <c>family</c> (kept after erasure, for statistics).</summary>
    public required string ApplicantRelationship { get; set; }

    public string? DestinationTown { get; set; }

    public string? DestinationAddress { get; set; }

    public string? Purpose { get; set; }

    public DateOnly DepartOn { get; set; }

    public DateOnly ReturnOn { get; set; }

    /// <summary>E.164.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>The signed request's scan in private media storage, checked by its bytes on arrival.</summary>
    public string? RequestFilePath { get; set; }

    public string? RequestFileContentType { get; set; }

    public long RequestFileBytes { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>The PK who examined it.</summary>
    public int? ExaminedByOfficerId { get; set; }

    public DateTime? ExaminedAt { get; set; }

    /// <summary>The TPP session's date and the members present, as the PK recorded them.</summary>
    public DateOnly? TppDate { get; set; }

    public string? TppMembers { get; set; }

    /// <summary>Why the TPP rejected it (the client is told).</summary>
    public string? RejectionReason { get; set; }

    public DateTime? DecidedAt { get; set; }

    public DateTime? DraftedAt { get; set; }

    /// <summary>The letter's number from the office's pattern, e.g. <c>W11.PAS.PAS13-PK.01.05-0007/2026</c>.</summary>
    public string? LetterNumber { get; set; }

    /// <summary>The year and sequence the number was drawn from (unique per office and year).</summary>
    public int? LetterYear { get; set; }

    public int? LetterSequence { get; set; }

    /// <summary>What anyone checks the letter by at <c>/verifikasi/{code}</c>; unguessable.</summary>
    public string? VerificationCode { get; set; }

    public int? SignedByOfficerId { get; set; }

    /// <summary>The head's name as printed on the letter (kept: the letter stays verifiable).</summary>
    public string? SignerName { get; set; }

    public DateTime? SignedAt { get; set; }

    /// <summary>The letter's PDF in private media storage.</summary>
    public string? LetterPath { get; set; }

    /// <summary>The client's initials, all the verification page shows of them (kept after erasure).</summary>
    public string? ClientInitials { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevocationReason { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime? ErasedAt { get; set; }

    public long Revision { get; set; }

    long? IServiceRequest.OriginConversationId => ConversationId;

    DateTime IServiceRequest.ReceivedAt => SubmittedAt;
}
