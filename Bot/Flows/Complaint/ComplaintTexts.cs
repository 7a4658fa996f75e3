using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Complaints;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>What the complaint flow tells a citizen, per language.</summary>
public sealed partial record ComplaintTexts
{
    /// <summary>The flow's entry on the main menu.</summary>
    public required MenuLabel Menu { get; init; }

    public required string ChooseAction { get; init; }

    public required string NewComplaint { get; init; }

    public required string CheckStatus { get; init; }

    public required string AskCategory { get; init; }

    public required IReadOnlyDictionary<ComplaintCategory, string> Categories { get; init; }

    public required string AskDescription { get; init; }

    public required string DescriptionTooShort { get; init; }

    public required string AskFile { get; init; }

    public required string FileOrSkip { get; init; }

    public required string FileReceived { get; init; }

    public required string AskAnonymous { get; init; }

    public required string AskName { get; init; }

    /// <summary>{0} category, {1} description, {2} whether a file is attached, {3} the reporter's name (null: anonymous).</summary>
    public required Func<string, string, bool, string?, string> Summary { get; init; }

    public required string ConfirmSend { get; init; }

    public required string NotSent { get; init; }

    /// <summary>{0} code, {1} review deadline, {2} answer deadline.</summary>
    public required Func<string, string, string, string> Filed { get; init; }

    public required string AskCode { get; init; }

    public required string CodeFormat { get; init; }

    /// <summary>{0} code.</summary>
    public required Func<string, string> NotFound { get; init; }

    /// <summary>{0} local time the person may try again.</summary>
    public required Func<string, string> Paused { get; init; }

    /// <summary>{0} local time to try again. The office had too many unknown lookups from everyone.</summary>
    public required Func<string, string> Busy { get; init; }

    public required IReadOnlyDictionary<ComplaintStatus, string> Statuses { get; init; }

    /// <summary>{0} code, {1} category, {2} received date, {3} status label.</summary>
    public required Func<string, string, string, string, string> StatusLine { get; init; }

    /// <summary>{0} the official answer.</summary>
    public required Func<string, string> AnswerWas { get; init; }

    /// <summary>Proactive: {0} code, {1} new status label.</summary>
    public required Func<string, string, string> StatusChanged { get; init; }

    /// <summary>Proactive: {0} code, {1} the official answer.</summary>
    public required Func<string, string, string> Answered { get; init; }

    public required string AskScore { get; init; }

    public required string AskComment { get; init; }

    public required string SurveyThanks { get; init; }

    /// <summary>{0} code: how to rate later when the survey could not start at once.</summary>
    public required Func<string, string> SurveyLater { get; init; }

    /// <summary>Mail subject: {0} code.</summary>
    public required Func<string, string> Subject { get; init; }

    public required string[] SkipWords { get; init; }

    public required string[] DayNames { get; init; }

    public string Date(DateOnly date) => $"{DayNames[(int)date.DayOfWeek]}, {date:dd-MM-yyyy}";

    /// <summary>"lewati", "skip", "tidak ada": in either language, whatever the conversation's language.</summary>
    public static bool IsSkip(string text)
    {
        var keyword = Dialogs.Recognizers.TextNormalizer.Keyword(text);
        return Indonesian.SkipWords.Contains(keyword, StringComparer.Ordinal) || English.SkipWords.Contains(keyword, StringComparer.Ordinal);
    }

    public static ComplaintTexts For(string language) => language == "en" ? English : Indonesian;
}
