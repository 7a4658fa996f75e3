using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.MainMenu;

/// <summary>What the main menu says, per language.</summary>
public sealed partial record MainMenuTexts
{
    /// <summary>First greeting; {0} is the office name.</summary>
    public required Func<string, string> Welcome { get; init; }

    public required string ChooseService { get; init; }

    /// <summary>A service not served by chat yet: its label, and how to reach the office instead.</summary>
    public required Func<string, string, string> ComingSoon { get; init; }

    public required string NoServices { get; init; }

    public static MainMenuTexts For(string language) => language == "en" ? English : Indonesian;
}
