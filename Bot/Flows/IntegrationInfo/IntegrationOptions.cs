using ChatBot.Domain.Integration;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>Bound from <c>IntegrationInfo</c>.</summary>
public sealed class IntegrationOptions
{
    /// <summary>After this much silence a half-finished form asks to be resumed or discarded.</summary>
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long personal data and the KTP file are kept after a request closes.</summary>
    public TimeSpan Retention { get; set; } = IntegrationRules.DefaultRetention;

    /// <summary>A form never submitted is forgotten after this much silence (its answers live in the conversation's state).</summary>
    public TimeSpan DraftRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often closed requests are checked against <see cref="Retention"/>.</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (ResumeAfter <= TimeSpan.Zero || Retention < TimeSpan.Zero || RetentionCheckInterval <= TimeSpan.Zero)
        {
            throw new ChatBot.Domain.SettingsException("IntegrationInfo:ResumeAfter and RetentionCheckInterval must be positive and Retention not negative.");
        }
    }
}
