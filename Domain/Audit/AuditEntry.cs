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

    /// <summary>Longest actor kept (a user name; anything longer is cut).</summary>
    public const int MaxActorLength = 64;

    /// <summary>The one way to make an entry: the actor trimmed and cut to <see cref="MaxActorLength"/>, <c>-</c> when empty.</summary>
    public static AuditEntry Of(string? actor, string action, string? subject, DateTime at, string? details = null)
    {
        actor = string.IsNullOrWhiteSpace(actor) ? "-" : actor.Trim();
        return new AuditEntry
        {
            At = at,
            Actor = actor[..Math.Min(actor.Length, MaxActorLength)],
            Action = action,
            Subject = subject,
            Details = details,
        };
    }
}
