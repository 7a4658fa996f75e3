namespace ChatBot.Bot.Flows.Clients;

/// <summary>What the client identification says, per language.</summary>
public sealed partial record ClientTexts
{
    public required string AskNumber { get; init; }

    /// <summary>What the registration number is, for a person who asks back.</summary>
    public required string NumberHelp { get; init; }

    public required string AskBirthDate { get; init; }

    public required string BirthDateHelp { get; init; }

    /// <summary>A wrong number and a wrong birth date get this same sentence.</summary>
    public required string NotMatched { get; init; }

    /// <summary>{0} the number as registered.</summary>
    public required Func<string, string> Matched { get; init; }

    /// <summary>{0} local time to try again: too many failed identifications from this person.</summary>
    public required Func<string, string> Paused { get; init; }

    /// <summary>{0} local time to try again: the office had too many failed lookups from everyone.</summary>
    public required Func<string, string> Busy { get; init; }

    public static ClientTexts For(string language) => language == "en" ? English : Indonesian;
}
