using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Outreach;

namespace ChatBot.Bot.Flows.Outreach;

/// <summary>
/// One to three preferred dates in one answer, in the forms the date recognizer reads ("10 Desember,
/// 12 Desember 2026", "10-12-2026 atau 12-12-2026", "Senin, 14 Desember"), none in the past; returned in
/// their stored form (<see cref="OutreachRules.FormatDates"/>), in order, each once.
/// </summary>
public sealed partial class OutreachDatesPrompt() : Prompt<string>(DefaultId, null)
{
    public const string DefaultId = "outreach.prompt.dates";

    private const string TooMany = "many";

    protected override Recognized<string> Recognize(DialogContext dc, PromptOptions options)
    {
        var dates = Read(dc.Text, dc.Today, out var problem);
        return dates is null ? Recognized<string>.Fail(problem!)
            : dates.Count > OutreachRules.MaxPreferredDates ? Recognized<string>.Fail(TooMany)
            : Recognized<string>.Success(OutreachRules.FormatDates(dates));
    }

    /// <summary>The dates in <paramref name="text"/>, or null with the problem (<c>format</c>, <c>range</c>, …).</summary>
    public static List<DateOnly>? Read(string text, DateOnly today, out string? problem)
    {
        problem = null;
        var whole = DateRecognizer.Recognize(text, today, DateDirection.FutureOrToday);
        if (whole.Ok)
        {
            return [whole.Value];
        }

        if (whole.Problem is RecognizerProblems.Range or RecognizerProblems.Empty)
        {
            problem = whole.Problem;
            return null;
        }

        var pieces = Separator().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var dates = new SortedSet<DateOnly>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            // "Senin, 14 Desember": a weekday alone before a date belongs to it.
            if (!piece.Any(char.IsDigit) && i + 1 < pieces.Count
                && DateRecognizer.Recognize($"{piece}, {pieces[i + 1]}", today, DateDirection.FutureOrToday) is { Ok: true } joined)
            {
                dates.Add(joined.Value);
                i++;
                continue;
            }

            var date = DateRecognizer.Recognize(piece, today, DateDirection.FutureOrToday);
            if (!date.Ok)
            {
                problem = date.Problem == RecognizerProblems.Range ? RecognizerProblems.Range : RecognizerProblems.Format;
                return null;
            }

            dates.Add(date.Value);
        }

        if (dates.Count == 0)
        {
            problem = RecognizerProblems.Format;
            return null;
        }

        return [.. dates];
    }

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<string> recognized)
    {
        var texts = OutreachTexts.For(dc.Language);
        return recognized.Problem switch
        {
            RecognizerProblems.Range => texts.DatesPast,
            TooMany => texts.DatesTooMany(OutreachRules.MaxPreferredDates),
            _ => texts.DatesFormat,
        };
    }

    [GeneratedRegex(@"\s*(?:[,;\n]|\s(?:dan|atau|serta|and|or|&)\s)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}

/// <summary>The prompts of the outreach form that are not the engine's own.</summary>
public static partial class OutreachPrompts
{
    public const string TopicOther = "outreach.prompt.topic-other";

    public const string Audience = "outreach.prompt.audience";

    public const int MinTopicLength = 5;

    /// <summary>A topic of one's own: a short sentence, not "tidak ada".</summary>
    public static TextPrompt TopicOtherPrompt() => new(TopicOther, (dc, text) =>
        text.Trim().Length < MinTopicLength || Utterances.DeclinesToAnswer(text) ? OutreachTexts.For(dc.Language).TopicOtherRequired : null);

    /// <summary>Who attends, with a number in it ("120 siswa kelas 8").</summary>
    public static TextPrompt AudiencePrompt() => new(Audience, (dc, text) =>
        AudienceSize(text) is null ? OutreachTexts.For(dc.Language).AudienceHint : null);

    /// <summary>The first number in an audience description ("120 siswa", "sekitar 1.200 warga"), when it is a plausible size.</summary>
    public static int? AudienceSize(string text)
    {
        var match = Number().Match(text);
        if (!match.Success
            || !int.TryParse(match.Value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return null;
        }

        return size is >= 1 and <= OutreachRules.MaxAudienceSize ? size : null;
    }

    [GeneratedRegex(@"\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
