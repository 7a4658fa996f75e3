using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Permits;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>
/// A travel date, in the forms the date recognizer reads (25-12-2026, 25 Desember, besok), never in the
/// past. For the return date <see cref="PromptOptions.Min"/> holds the departure's day number and
/// <see cref="PromptOptions.Max"/> the most days the trip may last: the answer must fall after departure
/// and within them, and the hint says which dates fit.
/// </summary>
public sealed class TravelDatePrompt() : Prompt<DateOnly>(DefaultId, null)
{
    public const string DefaultId = "travel-permit.date";

    protected override Recognized<DateOnly> Recognize(DialogContext dc, PromptOptions options)
    {
        var recognized = DateRecognizer.Recognize(dc.Text, dc.Today, DateDirection.FutureOrToday);
        if (!recognized.Ok || options.Min is not { } departDay)
        {
            return recognized;
        }

        var depart = DateOnly.FromDayNumber((int)departDay);
        return PermitRules.Check(depart, recognized.Value, dc.Today, (int)(options.Max ?? PermitRules.DefaultMaxDays)) switch
        {
            DateProblem.ReturnNotAfterDeparture => Recognized<DateOnly>.Fail("before"),
            DateProblem.TooLong => Recognized<DateOnly>.Fail("long"),
            _ => recognized,
        };
    }

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<DateOnly> recognized)
    {
        var texts = PermitTexts.For(dc.Language);
        var depart = options.Min is { } day ? DateOnly.FromDayNumber((int)day) : dc.Today;
        var maxDays = (int)(options.Max ?? PermitRules.DefaultMaxDays);
        return recognized.Problem switch
        {
            "range" when options.Min is null => texts.DepartureInPast,
            "range" or "before" => texts.ReturnNotAfterDeparture(texts.Date(depart)),
            "long" => texts.TooLong(maxDays, texts.Date(depart.AddDays(maxDays))),
            _ => DialogTexts.For(dc.Language).DateFormat,
        };
    }
}
