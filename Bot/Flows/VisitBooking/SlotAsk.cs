using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

public enum SlotAskKind
{
    /// <summary>One of the offered slots (<see cref="SlotAsk.SlotUtc"/>).</summary>
    Pick,

    /// <summary>"lainnya", "yang lain": the slots after the ones offered.</summary>
    More,

    /// <summary>A day and/or a time of day the family would like (<c>jumat</c>, <c>senin pagi</c>, <c>jam 10</c>).</summary>
    Find,
}

/// <summary>What a family answered when offered slots: one of them, more of them, or the slots of a day or time they name.</summary>
public sealed partial record SlotAsk(SlotAskKind Kind, DateTime? SlotUtc = null, DateOnly? Day = null, TimeOnly? From = null, TimeOnly? Until = null)
{
    /// <summary>The day and time range asked for, as a query for the free slots.</summary>
    public SlotQuery Query => new(Day: Day, From: From, Until: Until);

    /// <summary>
    /// Reads the answer to a list of <paramref name="offered"/> slots (shown as <paramref name="choices"/>, in
    /// order). A day named in any form the date recognizer knows ("hari jumat bisa?", "besok", "25 Desember")
    /// finds that day's slots, narrowed by a time of day ("pagi", "sore") or a time ("jam 10"); a day with a
    /// time that is on the list picks it. Otherwise a number or a label picks a slot. Problems:
    /// <c>range</c> (a day that has passed), <c>format</c>.
    /// </summary>
    public static Recognized<SlotAsk> Read(string text, DateOnly today, IReadOnlyList<FreeSlot> offered, IReadOnlyList<Choice> choices)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return Recognized<SlotAsk>.Fail(RecognizerProblems.Format);
        }

        var time = TimeOf(text);
        var part = PartOfDay(text);
        var date = DateRecognizer.Recognize(text, today, DateDirection.FutureOrToday);
        if (date.Ok)
        {
            var day = date.Value;
            if (time is { } at && offered.FirstOrDefault(s => DateOnly.FromDateTime(s.LocalStart) == day && TimeOnly.FromDateTime(s.LocalStart) == at) is { } listed)
            {
                return Recognized<SlotAsk>.Success(new SlotAsk(SlotAskKind.Pick, listed.StartUtc));
            }

            return Recognized<SlotAsk>.Success(new SlotAsk(SlotAskKind.Find, Day: day, From: time ?? part?.From, Until: time is null ? part?.Until : null));
        }

        if (date.Problem == RecognizerProblems.Range)
        {
            return Recognized<SlotAsk>.Fail(RecognizerProblems.Range);
        }

        if (MoreWord().IsMatch(text))
        {
            return Recognized<SlotAsk>.Success(new SlotAsk(SlotAskKind.More));
        }

        if (choices.Count > 0 && ChoiceRecognizer.Recognize(text, choices) is { Ok: true, Value: { } choice } && VisitSlots.SlotOf(choice) is { } picked)
        {
            return Recognized<SlotAsk>.Success(new SlotAsk(SlotAskKind.Pick, picked));
        }

        if (time is { } only)
        {
            var same = offered.Where(s => TimeOnly.FromDateTime(s.LocalStart) == only).ToList();
            return Recognized<SlotAsk>.Success(same.Count == 1 ? new SlotAsk(SlotAskKind.Pick, same[0].StartUtc) : new SlotAsk(SlotAskKind.Find, From: only));
        }

        return part is { } range
            ? Recognized<SlotAsk>.Success(new SlotAsk(SlotAskKind.Find, From: range.From, Until: range.Until))
            : Recognized<SlotAsk>.Fail(RecognizerProblems.Format);
    }

    /// <summary>"jam 10", "pukul 9.30", "10.15", "14:00".</summary>
    private static TimeOnly? TimeOf(string text)
    {
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>The local times a part of the day stands for.</summary>
    private static (TimeOnly From, TimeOnly? Until)? PartOfDay(string text)
    {
        var match = PartPattern().Match(text);
        return !match.Success ? null : match.Groups["p"].Value.ToLowerInvariant() switch
        {
            "pagi" or "morning" => (new TimeOnly(5, 0), new TimeOnly(11, 0)),
            "siang" or "noon" => (new TimeOnly(11, 0), new TimeOnly(15, 0)),
            "sore" or "afternoon" => (new TimeOnly(15, 0), new TimeOnly(18, 0)),
            _ => (new TimeOnly(18, 0), null),
        };
    }

    [GeneratedRegex(@"(?:\b(?:jam|pukul|pkl)\.?\s*(?<h>\d{1,2})(?:[.:](?<m>\d{2}))?(?![\d/-]))|(?:(?<![\d.:/-])(?<h>\d{1,2})[.:](?<m>\d{2})(?![\d.:/-]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(^|[^\p{L}])(?<p>pagi|siang|sore|malam|morning|noon|afternoon|evening|night)([^\p{L}]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"(^|[^\p{L}])(lain|lainnya|lainya|berikut|berikutnya|selanjutnya|next|more|other|others)([^\p{L}]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreWord();
}
