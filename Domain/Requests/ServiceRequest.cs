namespace ChatBot.Domain.Requests;

/// <summary>
/// Something a person files that officers then handle under an SOP (a complaint, an integration
/// request, an out-of-town permit…): what every such request has, whatever its own data.
/// </summary>
public interface IServiceRequest
{
    long Id { get; }

    /// <summary>The code the person quotes (<see cref="TicketCode"/>).</summary>
    string Code { get; }

    int OfficeId { get; }

    /// <summary>The conversation it was filed from (null once erased); notices and status answers go by it.</summary>
    long? OriginConversationId { get; }

    DateTime ReceivedAt { get; }

    /// <summary>Optimistic-concurrency token: bumped by every step, so two officers cannot both take the same one.</summary>
    long Revision { get; set; }
}

/// <inheritdoc cref="IServiceRequest"/>
/// <typeparam name="TStatus">The request type's own states (stored as text).</typeparam>
public interface IServiceRequest<TStatus> : IServiceRequest
    where TStatus : struct, Enum
{
    TStatus Status { get; set; }
}

/// <summary>
/// One step a request went through, with who took it and when: the history every request type
/// shares (filed by the person, then each officer step). Keyed by the request's kind and code, so a
/// step can be recorded in the same turn that files the request.
/// </summary>
public sealed class RequestEvent
{
    public long Id { get; set; }

    /// <summary>The request type (<c>complaint</c>).</summary>
    public required string Kind { get; set; }

    public required string Code { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The step's name (<c>filed</c>, <c>review</c>, …).</summary>
    public required string Step { get; set; }

    public string? FromStatus { get; set; }

    public required string ToStatus { get; set; }

    /// <summary>The officer who took the step; null when the person or the service did.</summary>
    public int? OfficerId { get; set; }

    /// <summary>The <see cref="Audit.Actor.Name"/> of who took the step (an officer's user name, or <c>warga</c> / <c>system</c>).</summary>
    public required string Actor { get; set; }

    public DateTime At { get; set; }

    /// <summary>What the step recorded, in the officer's words (a direction, a follow-up); null when nothing.</summary>
    public string? Note { get; set; }
}

