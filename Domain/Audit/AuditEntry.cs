namespace ChatBot.Domain.Audit;

/// <summary>Who did what to which record, when. Written for every officer access to personal data.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Officer user name, or <c>system</c> / <c>bot</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, e.g. <c>conversation.view</c>, <c>office.seed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The record concerned, e.g. <c>Conversation/42</c>.</summary>
    public string? Subject { get; set; }

    public string? Details { get; set; }
}
