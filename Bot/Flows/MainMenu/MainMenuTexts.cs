using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.MainMenu;

/// <summary>What the main menu says, per language.</summary>
public sealed partial record MainMenuTexts
{
    /// <summary>First greeting; {0} is the office name.</summary>
    public required Func<string, string> Welcome { get; init; }

    public required string ChooseService { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required IReadOnlyDictionary<string, string[]> Synonyms { get; init; }

    /// <summary>{0} is the service's label.</summary>
    public required Func<string, string> ComingSoon { get; init; }

    /// <summary>{0} office name, {1} service hours.</summary>
    public required Func<string, string, string> OfficerUnavailable { get; init; }

    public required string NoServices { get; init; }

    public required string Weekdays { get; init; }

    /// <summary>The office's officer service hours, e.g. "Senin–Jumat, 08.00–16.00 WIB".</summary>
    public string ServiceHours(Office office) =>
        $"{Weekdays}, {office.OpensAt:HH\\.mm}–{office.ClosesAt:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";

    public static MainMenuTexts For(string language) => language == "en" ? English : Indonesian;
}
