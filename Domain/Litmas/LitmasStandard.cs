using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Litmas;

/// <summary>The SOP's service standard (Bapas Pekanbaru): one hour from request letter to published status.</summary>
public static class LitmasStandard
{
    public static readonly ServiceStandard LetterToPublished = ServiceStandard.Hours(1);

    /// <summary>How a case measures against it; an imported case without the letter's time is not measured.</summary>
    public static Timeliness Timeliness(LitmasCase c) => LetterToPublished.Measure(c.LetterReceivedAt, c.PublishedAt);
}
