namespace ChatBot.Bot.Flows.Help;

/// <summary>The help text, per language.</summary>
public sealed partial record HelpTexts
{
    /// <summary>{0} office name, {1} service hours.</summary>
    public required Func<string, string, string> Body { get; init; }

    public static HelpTexts For(string language) => language == "en" ? English : Indonesian;
}
