namespace ChatBot.Domain.Litmas;

/// <summary>How a case measures against the SOP: its status published within an hour of the letter.</summary>
public enum LitmasTimeliness
{
    /// <summary>Imported without the letter's time: not measured.</summary>
    NotMeasured,
    OnTime,
    Late,
}

/// <summary>The SOP's service standard (Bapas Pekanbaru): one hour from request letter to published status.</summary>
public static class LitmasStandard
{
    public static readonly TimeSpan LetterToPublished = TimeSpan.FromHours(1);

    public static LitmasTimeliness Timeliness(LitmasCase c) =>
        c.LetterReceivedAt is not { } received ? LitmasTimeliness.NotMeasured
        : c.PublishedAt - received <= LetterToPublished ? LitmasTimeliness.OnTime
        : LitmasTimeliness.Late;
}
