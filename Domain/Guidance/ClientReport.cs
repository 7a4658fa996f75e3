namespace ChatBot.Domain.Guidance;

/// <summary>
/// A client's report by chat (<i>wajib lapor</i>): the answers to the office's questions, an optional
/// photo, the counter it was made at if any, and the PK's review and guidance note. Together these
/// are the client's guidance book in the console. Personal data, like the register.
/// </summary>
public sealed class ClientReport
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public long ClientId { get; set; }

    /// <summary>The BATAKO counter the report belongs to; null for the monthly report by chat.</summary>
    public long? SessionId { get; set; }

    public long? ConversationId { get; set; }

    /// <summary>The month reported for, as <c>yyyy-MM</c> in the office's time zone.</summary>
    public required string Period { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The questions as asked and their answers, JSON: <c>[{"q":"…","a":"…"}]</c>.</summary>
    public required string Answers { get; set; }

    public string? PhotoPath { get; set; }

    public string? PhotoContentType { get; set; }

    public long PhotoBytes { get; set; }

    public int? ReviewedByOfficerId { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>The PK's guidance note on the report.</summary>
    public string? GuidanceNote { get; set; }

    public long Revision { get; set; }
}
