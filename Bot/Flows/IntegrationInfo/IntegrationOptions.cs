using ChatBot.Domain;
using ChatBot.Domain.Integration;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>Bound from <c>IntegrationInfo</c>.</summary>
public sealed class IntegrationOptions
{
    /// <summary>After this much silence a half-finished form asks to be resumed or discarded.</summary>
    [Positive]
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long personal data and the KTP file are kept after a request closes.</summary>
    [Positive(AllowZero = true)]
    public TimeSpan Retention { get; set; } = IntegrationRules.DefaultRetention;

    /// <summary>A form never submitted is forgotten after this much silence (its answers live in the conversation's state).</summary>
    [Positive]
    public TimeSpan DraftRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often closed requests are checked against <see cref="Retention"/>.</summary>
    [Positive]
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
