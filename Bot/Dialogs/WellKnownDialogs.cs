namespace ChatBot.Bot.Dialogs;

/// <summary>Dialog ids the engine itself begins.</summary>
public static class WellKnownDialogs
{
    /// <summary>The root: greeting and main menu.</summary>
    public const string MainMenu = "main-menu";

    /// <summary>Says the help text, then asks the current question again.</summary>
    public const string Help = "help";

    /// <summary>Operator handover; until it is registered the main menu says it is coming soon.</summary>
    public const string Handover = "handover";

    /// <summary>The litmas status flow; <c>status litmas NUMBER</c> begins it from anywhere with a <see cref="QuickLookup"/>.</summary>
    public const string LitmasStatus = "litmas-status";

    /// <summary>The status of a complaint by its ticket code.</summary>
    public const string ComplaintStatus = "complaint.status";
    /// <summary>The integration-information flow; <c>status informasi CODE</c> begins it from anywhere with a <see cref="QuickLookup"/>.</summary>
    public const string IntegrationInfo = "integration-info";

    /// <summary>Asks whether to leave a flow with its answers kept as a draft (<see cref="LeaveDialog"/>).</summary>
    public const string Leave = "leave";

    /// <summary>Option for <see cref="MainMenu"/>: greet, then show the menu.</summary>
    public const string MenuOptionWelcome = "welcome";

    /// <summary>
    /// Option for <see cref="MainMenu"/> when a conversation starts: a first message that already names a
    /// service ("1", "pengaduan") starts it; anything else gets the greeting and the menu.
    /// </summary>
    public const string MenuOptionStart = "start";

    /// <summary>Option for <see cref="MainMenu"/>: wait for a choice without showing the menu again.</summary>
    public const string MenuOptionQuiet = "quiet";
}

/// <summary>
/// Options for a flow begun by a command with an argument (<c>status litmas NUMBER</c>). When
/// <paramref name="Inline"/>, another flow is running: answer in this turn only; the engine then
/// removes the dialog and asks the interrupted flow's question again.
/// </summary>
public sealed record QuickLookup(string Query, bool Inline);

/// <summary>
/// Options for a dialog begun by a turn the service queued (<see cref="DialogEngine.RunSystemTurnAsync"/>).
/// When <paramref name="Busy"/>, the person is in the middle of something else: say what there is to say and
/// wait; the engine takes the dialog off the stack again.
/// </summary>
public sealed record TurnStart(string? Options, bool Busy);
