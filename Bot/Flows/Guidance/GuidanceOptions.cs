using ChatBot.Domain;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>Bound from <c>Guidance</c>: how often reminders and non-responders are checked.</summary>
public sealed class GuidanceOptions : ISettingsRules
{
    public const string Section = "Guidance";

    /// <summary>How often sessions are checked for the reminders of the day before and for clients who did not answer.</summary>
    [Positive]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> Problems() => [];
}
