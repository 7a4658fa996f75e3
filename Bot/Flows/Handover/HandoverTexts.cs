using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>What the bot and the console tell a person about talking to an officer, per language.</summary>
public sealed partial record HandoverTexts
{
    /// <summary>The flow's entry on the main menu.</summary>
    public required MenuLabel Menu { get; init; }

    /// <summary>{0} office name, {1} service hours.</summary>
    public required Func<string, string, string> OfficerUnavailable { get; init; }

    /// <summary>{0} place in the queue.</summary>
    public required Func<int, string> Queued { get; init; }

    /// <summary>{0} place in the queue: said again to a person who writes while waiting.</summary>
    public required Func<int, string> StillQueued { get; init; }

    /// <summary>{0} service hours, {1} when officers answer next (day and time).</summary>
    public required Func<string, string, string> OutsideHours { get; init; }

    public required string HowToCancel { get; init; }

    public required string CancelledByUser { get; init; }

    /// <summary>{0} officer's name, {1} office name.</summary>
    public required Func<string, string, string> Taken { get; init; }

    /// <summary>An officer takes up a left message: its ticket code, the officer, the office.</summary>
    public required Func<string, string, string, string> TicketAnswered { get; init; }

    public required string HandedBack { get; init; }

    public required string Closed { get; init; }

    public required string NobodyAnswered { get; init; }

    public required string LeaveMessagePrompt { get; init; }

    /// <summary>{0} ticket code.</summary>
    public required Func<string, string> MessageLeft { get; init; }

    public required string[] DayNames { get; init; }

    public static HandoverTexts For(string language) => language == "en" ? English : Indonesian;
}
