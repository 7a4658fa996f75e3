using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>Which dates a date prompt accepts relative to today.</summary>
public enum DateDirection
{
    /// <summary>Any date.</summary>
    Any,

    /// <summary>Today or later, e.g. a visit date.</summary>
    FutureOrToday,

    /// <summary>Today or earlier, e.g. a birth date.</summary>
    PastOrToday,
}

/// <summary>
/// Recognizes a calendar date in Indonesian or English, written with digits, month names or relative words.
/// </summary>
/// <remarks>
/// <para>Accepted forms (text around them is ignored, "tanggal"/"tgl" before a day is optional):
/// <c>25-12-2026</c>, <c>25/12/2026</c>, <c>25.12.2026</c>, <c>2026-12-25</c>, <c>25-12-26</c>, <c>25/12</c>,
/// <c>25 Desember</c>, <c>25 Des 2026</c>, <c>25-Des-26</c>, <c>25 Des '26</c>, <c>December 25, 2026</c>,
/// <c>tanggal 25</c>, <c>3 hari lagi</c>, <c>2 minggu lagi</c>, <c>seminggu lagi</c>, <c>in 3 days</c>;
/// Indonesian and English month names and abbreviations including "Pebruari", "Nopember",
/// "Agt"/"Ags"/"Agu"; the relative words hari ini/sekarang/today, besok/besuk/tomorrow, lusa/besok lusa
/// (+2), kemarin/kemaren/yesterday, kemarin lusa (−2); weekday names with optional modifiers.</para>
/// <para>Rules the caller must know:</para>
/// <list type="bullet">
/// <item>Numeric dates are always day first (Indonesian order); <c>12/25/2026</c> is <c>invalid</c>.
/// A yearless <c>25/12</c> or <c>25-12</c> is read as a date too, so in a date prompt "3-4" is 3 April;
/// a dot is not accepted there because <c>10.30</c> is a time.</item>
/// <item>Two-digit years are 2000+yy, or 1900+yy when the direction is <see cref="DateDirection.PastOrToday"/>
/// and 2000+yy would be after today.</item>
/// <item>Day and month without a year: the next occurrence on or after today (FutureOrToday), the latest on or
/// before today (PastOrToday), the current year (Any). "tanggal 25" alone works the same way with months.</item>
/// <item>Weekdays: a bare weekday, "X depan" and "next X" are the next occurrence strictly after today (for
/// PastOrToday a bare weekday is the latest occurrence strictly before today); "X ini"/"this X" is on or after
/// today; "X lalu"/"X kemarin"/"last X" is strictly before today; "X minggu depan"/"X next week" is that day in
/// the next Monday-to-Sunday week and "X minggu lalu"/"X last week" in the previous one.</item>
/// <item>"minggu" means Sunday unless it reads as "week": "minggu depan/ini/lalu/lagi", "2 minggu", "setiap
/// minggu", "akhir minggu". "hari minggu" is always Sunday. A week on its own is not a date (<c>format</c>).</item>
/// <item>When a message names an explicit date and a weekday ("Senin, 28 Desember 2026"), the weekday only has to
/// agree with the date, otherwise the answer is <c>ambiguous</c>. Different dates are <c>ambiguous</c> too.
/// "hari ini"/"sekarang"/"today" are ignored when any other date is present ("sekarang saya mau tanggal 5"),
/// except that together with today's own weekday ("hari ini rabu" on a Wednesday) they mean today.</item>
/// </list>
/// Problems: <c>empty</c>, <c>format</c> (no date found), <c>invalid</c> (not a real calendar date),
/// <c>ambiguous</c>, <c>range</c> (against the direction).
/// </remarks>
public static partial class DateRecognizer
{
    private const string MonthNames =
        "januari|january|jan|februari|february|pebruari|feb|peb|maret|march|mar|april|apr|mei|may|juni|june|jun"
        + "|juli|july|jul|agustus|august|agus|agu|agt|ags|aug|september|sept|sep|oktober|october|okt|oct"
        + "|nopember|november|nov|nop|desember|december|des|dec";

    private const string DatePatternText =
        """
        (?<![\p{L}\p{N}])
        (?:
            (?<iso> (?<iy>\d{4}) [-/.] (?<im>\d{1,2}) [-/.] (?<id>\d{1,2}) (?!\d) )
          | (?: (?:tanggal|tgl|tg) \.? \s* )?
            (?:
                (?<dmy> (?<nd>\d{1,2}) \s*[-/.]\s* (?<nm>\d{1,2}) \s*[-/.]\s* (?<ny>\d{4}|\d{2}) (?!\d) (?![.:]\d) )
              | (?<dtext> (?<td>\d{1,2}) (?:st|nd|rd|th)? \s*[-/.,]?\s* (?<tm>
        """ + MonthNames + """
        ) (?!\p{L}) \.?
                    (?:   \s*[-/.,]?\s* (?<ty>\d{4}) (?!\d)
                        | \s*[-/.]\s* (?<ty2>\d{2}) (?!\d) (?![.:]\d) (?!\s*(?:
        """ + MonthNames + """
        )(?!\p{L}))
                        | \s*['’] (?<ty2>\d{2}) (?!\d)
                    )? )
              | (?<dm> (?<sd>\d{1,2}) \s*[-/]\s* (?<sm>\d{1,2}) (?!\d) (?![.:]\d) (?!\s*[-/.]\s*\d) )
            )
          | (?<mtext> (?<em>
        """ + MonthNames + """
        ) (?!\p{L}) \.? \s* (?<ed>\d{1,2}) (?:st|nd|rd|th)? (?!\d) (?![.:]\d) (?: \s*,?\s* (?<ey>\d{4}) (?!\d) )? )
          | (?<later> (?: (?<count>\d{1,3}) \s* (?<unit>hari|minggu|pekan) | (?<unit>seminggu|sepekan) )
                      \s+ (?:lagi|ke\s*depan|dari\s+sekarang)
                    | in \s+ (?<count>\d{1,3}) \s+ (?<unit>days?|weeks?) )
          | (?<rel> kemarin\s+lusa | kemaren\s+lusa | besok\s+lusa | day\s+after\s+tomorrow | day\s+before\s+yesterday
                  | hari\s+ini | sekarang | today | besok | besuk | tomorrow | lusa | kemarin | kemaren | yesterday )
          | (?<wdp>
                (?: (?<pre>next|this|last|coming) \s+ )?
                (?: (?<hari>hari) \s+ )?
                (?<wd> senin|selasa|rabu|kamis|jum['’`]?at|sabtu|minggu|ahad
                     | monday|tuesday|wednesday|thursday|friday|saturday|sunday )
                (?: \s+ (?<mod> minggu\s+depan|pekan\s+depan|minggu\s+lalu|pekan\s+lalu|next\s+week|last\s+week
                              | depan|ini|lalu|kemarin|kemaren ) )?
            )
          | (?<donly> (?:tanggal|tgl|tg) \.? \s* (?<od>\d{1,2}) (?!\d) (?![.:]\d) )
        )
        (?![\p{L}\p{N}])
        """;

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Months =
        RecognizerText.SpanMap(new Dictionary<string, int>
        {
            ["jan"] = 1, ["januari"] = 1, ["january"] = 1,
            ["feb"] = 2, ["peb"] = 2, ["februari"] = 2, ["pebruari"] = 2, ["february"] = 2,
            ["mar"] = 3, ["maret"] = 3, ["march"] = 3,
            ["apr"] = 4, ["april"] = 4,
            ["mei"] = 5, ["may"] = 5,
            ["jun"] = 6, ["juni"] = 6, ["june"] = 6,
            ["jul"] = 7, ["juli"] = 7, ["july"] = 7,
            ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["agus"] = 8, ["agustus"] = 8, ["aug"] = 8, ["august"] = 8,
            ["sep"] = 9, ["sept"] = 9, ["september"] = 9,
            ["okt"] = 10, ["oct"] = 10, ["oktober"] = 10, ["october"] = 10,
            ["nov"] = 11, ["nop"] = 11, ["november"] = 11, ["nopember"] = 11,
            ["des"] = 12, ["dec"] = 12, ["desember"] = 12, ["december"] = 12,
        });

    private static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> Weekdays =
        RecognizerText.SpanMap(new Dictionary<string, DayOfWeek>
        {
            ["senin"] = DayOfWeek.Monday, ["selasa"] = DayOfWeek.Tuesday, ["rabu"] = DayOfWeek.Wednesday,
            ["kamis"] = DayOfWeek.Thursday, ["jumat"] = DayOfWeek.Friday, ["sabtu"] = DayOfWeek.Saturday,
            ["minggu"] = DayOfWeek.Sunday, ["ahad"] = DayOfWeek.Sunday,
            ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
            ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
            ["sunday"] = DayOfWeek.Sunday,
        });

    /// <summary>Words after "minggu" that make it "week" rather than "Sunday".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeekFollowers =
        RecognizerText.SpanSet("depan", "ini", "lalu", "lagi", "kemarin", "kemaren", "ke", "yang", "depannya", "berikutnya");

    /// <summary>Words before "minggu" that make it "week" rather than "Sunday".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeekLeaders = RecognizerText.SpanSet(
        "satu", "dua", "tiga", "empat", "lima", "enam", "beberapa", "tiap", "setiap", "per", "akhir", "awal", "pertengahan");

    private enum WeekdayRule
    {
        StrictlyAfter,
        OnOrAfter,
        StrictlyBefore,
        NextWeek,
        LastWeek,
    }

    [GeneratedRegex(
        DatePatternText,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace
        | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    public static Recognized<DateOnly> Recognize(string text, DateOnly today, DateDirection direction = DateDirection.Any)
    {
        string prepared = RecognizerText.Prepare(text);
        if (prepared.Length == 0)
        {
            return Recognized<DateOnly>.Fail(RecognizerProblems.Empty);
        }

        // The pattern is written in lower case; invariant lower-casing keeps every index and length.
        string lower = prepared.ToLowerInvariant();
        var explicitDates = new Agreement();
        var weekdayDates = new Agreement();
        int weekdayMask = 0;
        bool mentionsToday = false;

        for (Match match = DatePattern().Match(lower); match.Success; match = match.NextMatch())
        {
            GroupCollection groups = match.Groups;
            if (groups["wdp"].Success)
            {
                if (IsWeekRatherThanSunday(lower, match))
                {
                    continue;
                }

                if (!TryWeekday(groups["wd"].ValueSpan, out DayOfWeek day))
                {
                    continue;
                }

                weekdayMask |= 1 << (int)day;
                weekdayDates.Add(ResolveWeekday(day, ReadWeekdayRule(groups, direction), today));
            }
            else if (groups["later"].Success)
            {
                explicitDates.Add(AddDays(today, LaterOffset(groups)));
            }
            else if (groups["rel"].Success)
            {
                int offset = RelativeOffset(groups["rel"].ValueSpan, out bool isToday);
                if (isToday)
                {
                    mentionsToday = true;
                }
                else
                {
                    explicitDates.Add(AddDays(today, offset));
                }
            }
            else
            {
                explicitDates.Add(ResolveExplicit(groups, today, direction));
            }
        }

        DateOnly result;
        if (explicitDates.Count > 0)
        {
            if (explicitDates.Conflict)
            {
                return Recognized<DateOnly>.Fail(RecognizerProblems.Ambiguous);
            }

            if (explicitDates.Problem is { } problem)
            {
                return Recognized<DateOnly>.Fail(problem);
            }

            result = explicitDates.Date;
            if (weekdayMask != 0 && weekdayMask != 1 << (int)result.DayOfWeek)
            {
                return Recognized<DateOnly>.Fail(RecognizerProblems.Ambiguous);
            }
        }
        else if (mentionsToday && weekdayMask == 1 << (int)today.DayOfWeek)
        {
            result = today; // "hari ini rabu" on a Wednesday
        }
        else if (weekdayDates.Count > 0)
        {
            if (weekdayDates.Conflict)
            {
                return Recognized<DateOnly>.Fail(RecognizerProblems.Ambiguous);
            }

            if (weekdayDates.Problem is { } problem)
            {
                return Recognized<DateOnly>.Fail(problem);
            }

            result = weekdayDates.Date;
        }
        else if (mentionsToday)
        {
            result = today;
        }
        else
        {
            return Recognized<DateOnly>.Fail(RecognizerProblems.Format);
        }

        bool againstDirection = direction switch
        {
            DateDirection.FutureOrToday => result < today,
            DateDirection.PastOrToday => result > today,
            _ => false,
        };
        return againstDirection
            ? Recognized<DateOnly>.Fail(RecognizerProblems.Range)
            : Recognized<DateOnly>.Success(result);
    }

    private static Resolution ResolveExplicit(GroupCollection groups, DateOnly today, DateDirection direction)
    {
        if (groups["iso"].Success)
        {
            return FullDate(Number(groups["iy"]), Number(groups["im"]), Number(groups["id"]));
        }

        if (groups["dmy"].Success)
        {
            Group year = groups["ny"];
            int day = Number(groups["nd"]);
            int month = Number(groups["nm"]);
            return year.Length == 4
                ? FullDate(Number(year), month, day)
                : TwoDigitYear(Number(year), month, day, today, direction);
        }

        if (groups["dtext"].Success)
        {
            int day = Number(groups["td"]);
            int month = MonthNumber(groups["tm"].ValueSpan);
            if (groups["ty"].Success)
            {
                return FullDate(Number(groups["ty"]), month, day);
            }

            return groups["ty2"].Success
                ? TwoDigitYear(Number(groups["ty2"]), month, day, today, direction)
                : Yearless(month, day, today, direction);
        }

        if (groups["dm"].Success)
        {
            return Yearless(Number(groups["sm"]), Number(groups["sd"]), today, direction);
        }

        if (groups["mtext"].Success)
        {
            int month = MonthNumber(groups["em"].ValueSpan);
            int day = Number(groups["ed"]);
            return groups["ey"].Success
                ? FullDate(Number(groups["ey"]), month, day)
                : Yearless(month, day, today, direction);
        }

        return DayOnly(Number(groups["od"]), today, direction);
    }

    private static int Number(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Unknown names cannot come from the pattern; 0 makes the date invalid instead of throwing.</summary>
    private static int MonthNumber(ReadOnlySpan<char> name) => Months.TryGetValue(name, out int month) ? month : 0;

    private static bool TryWeekday(ReadOnlySpan<char> name, out DayOfWeek day)
    {
        Span<char> key = stackalloc char[16];
        int length = 0;
        foreach (char c in name)
        {
            if (c is not ('\'' or '’' or '`') && length < key.Length)
            {
                key[length++] = c;
            }
        }

        return Weekdays.TryGetValue(key[..length], out day);
    }

    private static int RelativeOffset(ReadOnlySpan<char> phrase, out bool isToday)
    {
        int firstBreak = phrase.IndexOfAny(' ', '\n');
        ReadOnlySpan<char> first = firstBreak < 0 ? phrase : phrase[..firstBreak];
        ReadOnlySpan<char> last = phrase[(phrase.LastIndexOfAny(' ', '\n') + 1)..];
        isToday = first is "hari" or "sekarang" or "today";
        if (last is "lusa")
        {
            // "kemarin lusa" is the day before yesterday; "lusa" and "besok lusa" the day after tomorrow.
            return first is "kemarin" or "kemaren" ? -2 : 2;
        }

        if (first is "day")
        {
            return last is "tomorrow" ? 2 : -2;
        }

        return first switch
        {
            "besok" or "besuk" or "tomorrow" => 1,
            "kemarin" or "kemaren" or "yesterday" => -1,
            _ => 0,
        };
    }

    /// <summary>"3 hari lagi", "2 minggu lagi", "seminggu lagi", "in 3 days".</summary>
    private static int LaterOffset(GroupCollection groups)
    {
        ReadOnlySpan<char> unit = groups["unit"].ValueSpan;
        int count = groups["count"].Success ? Number(groups["count"]) : 1;
        bool weeks = unit.StartsWith("w") || unit.EndsWith("minggu") || unit.EndsWith("pekan");
        return weeks ? count * 7 : count;
    }

    private static WeekdayRule ReadWeekdayRule(GroupCollection groups, DateDirection direction)
    {
        Group modifier = groups["mod"];
        if (modifier.Success)
        {
            ReadOnlySpan<char> mod = modifier.ValueSpan;
            if (mod.EndsWith("week", StringComparison.Ordinal)
                || mod.StartsWith("minggu", StringComparison.Ordinal)
                || mod.StartsWith("pekan", StringComparison.Ordinal))
            {
                return mod.StartsWith("next", StringComparison.Ordinal)
                       || mod.EndsWith("depan", StringComparison.Ordinal)
                    ? WeekdayRule.NextWeek
                    : WeekdayRule.LastWeek;
            }

            if (mod.Equals("depan", StringComparison.Ordinal))
            {
                return WeekdayRule.StrictlyAfter;
            }

            return mod.Equals("ini", StringComparison.Ordinal)
                ? WeekdayRule.OnOrAfter
                : WeekdayRule.StrictlyBefore;
        }

        Group prefix = groups["pre"];
        if (prefix.Success)
        {
            ReadOnlySpan<char> pre = prefix.ValueSpan;
            if (pre.Equals("this", StringComparison.Ordinal))
            {
                return WeekdayRule.OnOrAfter;
            }

            return pre.Equals("last", StringComparison.Ordinal)
                ? WeekdayRule.StrictlyBefore
                : WeekdayRule.StrictlyAfter;
        }

        return direction == DateDirection.PastOrToday ? WeekdayRule.StrictlyBefore : WeekdayRule.StrictlyAfter;
    }

    private static Resolution ResolveWeekday(DayOfWeek day, WeekdayRule rule, DateOnly today)
    {
        int target = (int)day;
        int current = (int)today.DayOfWeek;
        int mondayOffset = ((current + 6) % 7) * -1; // days from today back to this week's Monday
        int targetFromMonday = (target + 6) % 7;
        int offset = rule switch
        {
            WeekdayRule.OnOrAfter => (target - current + 7) % 7,
            WeekdayRule.StrictlyAfter => ((target - current + 6) % 7) + 1,
            WeekdayRule.StrictlyBefore => -(((current - target + 6) % 7) + 1),
            WeekdayRule.NextWeek => mondayOffset + 7 + targetFromMonday,
            _ => mondayOffset - 7 + targetFromMonday,
        };
        return AddDays(today, offset);
    }

    /// <summary>
    /// "minggu" is both "Sunday" and "week". It is a week when followed by depan/ini/lalu/lagi/... or preceded by a
    /// count or a word like "setiap", unless written as "hari minggu" or with an English prefix.
    /// </summary>
    private static bool IsWeekRatherThanSunday(string text, Match match)
    {
        GroupCollection groups = match.Groups;
        if (!groups["wd"].ValueSpan.SequenceEqual("minggu")
            || groups["hari"].Success || groups["pre"].Success)
        {
            return false;
        }

        Group modifier = groups["mod"];
        if (modifier.Success)
        {
            // "minggu minggu depan" is Sunday next week; "minggu depan" alone is next week.
            return !modifier.ValueSpan.StartsWith("minggu", StringComparison.Ordinal)
                   && !modifier.ValueSpan.StartsWith("pekan", StringComparison.Ordinal)
                   && !modifier.ValueSpan.EndsWith("week", StringComparison.Ordinal);
        }

        ReadOnlySpan<char> next = WordAt(text, match.Index + match.Length, forward: true);
        if (WeekFollowers.Contains(next))
        {
            return true;
        }

        ReadOnlySpan<char> previous = WordAt(text, match.Index, forward: false);
        return WeekLeaders.Contains(previous) || RecognizerText.IsAsciiDigits(previous);
    }

    /// <summary>The word after (or before) <paramref name="position"/>, skipping spaces and dashes.</summary>
    private static ReadOnlySpan<char> WordAt(string text, int position, bool forward)
    {
        int i = position;
        if (forward)
        {
            while (i < text.Length && text[i] is ' ' or '-' or '\n')
            {
                i++;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            return text.AsSpan(start, i - start);
        }

        while (i > 0 && text[i - 1] is ' ' or '-' or '\n')
        {
            i--;
        }

        int end = i;
        while (i > 0 && char.IsLetterOrDigit(text[i - 1]))
        {
            i--;
        }

        return text.AsSpan(i, end - i);
    }

    private static Resolution FullDate(int year, int month, int day) =>
        TryCreate(year, month, day, out DateOnly date) ? date : Resolution.Invalid;

    private static Resolution TwoDigitYear(int twoDigits, int month, int day, DateOnly today, DateDirection direction)
    {
        if (!TryCreate(2000 + twoDigits, month, day, out DateOnly date))
        {
            return Resolution.Invalid; // 19yy has a 29 February only when 20yy has one too
        }

        if (direction == DateDirection.PastOrToday && date > today
                                                   && TryCreate(1900 + twoDigits, month, day, out DateOnly older))
        {
            return older;
        }

        return date;
    }

    private static Resolution Yearless(int month, int day, DateOnly today, DateDirection direction)
    {
        if (!TryCreate(2000, month, day, out _))
        {
            return Resolution.Invalid; // not valid in any year (2000 is a leap year)
        }

        if (direction == DateDirection.Any)
        {
            return FullDate(today.Year, month, day);
        }

        // 29 February may need up to eight years to come around again.
        for (int step = 0; step <= 8; step++)
        {
            int year = direction == DateDirection.FutureOrToday ? today.Year + step : today.Year - step;
            if (TryCreate(year, month, day, out DateOnly date)
                && (direction == DateDirection.FutureOrToday ? date >= today : date <= today))
            {
                return date;
            }
        }

        return Resolution.OutOfRange;
    }

    private static Resolution DayOnly(int day, DateOnly today, DateDirection direction)
    {
        if (day is < 1 or > 31)
        {
            return Resolution.Invalid;
        }

        if (direction == DateDirection.Any)
        {
            return FullDate(today.Year, today.Month, day);
        }

        int thisMonth = (today.Year * 12) + today.Month - 1;
        for (int step = 0; step <= 12; step++)
        {
            int absolute = direction == DateDirection.FutureOrToday ? thisMonth + step : thisMonth - step;
            if (TryCreate(absolute / 12, (absolute % 12) + 1, day, out DateOnly date)
                && (direction == DateDirection.FutureOrToday ? date >= today : date <= today))
            {
                return date;
            }
        }

        return Resolution.OutOfRange;
    }

    private static Resolution AddDays(DateOnly date, int days)
    {
        int dayNumber = date.DayNumber + days;
        return dayNumber >= DateOnly.MinValue.DayNumber && dayNumber <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber(dayNumber)
            : Resolution.OutOfRange;
    }

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            date = default;
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A resolved date or the problem that prevented it.</summary>
    private readonly record struct Resolution(DateOnly Date, string? Problem)
    {
        public static readonly Resolution Invalid = new(default, RecognizerProblems.Invalid);
        public static readonly Resolution OutOfRange = new(default, RecognizerProblems.Range);

        public static implicit operator Resolution(DateOnly date) => new(date, null);
    }

    /// <summary>Collects the dates a message names and whether they agree.</summary>
    private struct Agreement
    {
        public int Count;
        public DateOnly Date;
        public bool HasDate;
        public bool Conflict;
        public string? Problem;

        public void Add(Resolution resolution)
        {
            Count++;
            if (resolution.Problem is not null)
            {
                Problem ??= resolution.Problem;
                return;
            }

            if (!HasDate)
            {
                Date = resolution.Date;
                HasDate = true;
            }
            else if (Date != resolution.Date)
            {
                Conflict = true;
            }
        }
    }
}
