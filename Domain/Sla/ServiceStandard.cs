using ChatBot.Domain.Offices;

namespace ChatBot.Domain.Sla;

/// <summary>The unit a service standard is stated in.</summary>
public enum StandardUnit
{
    Minutes,
    Hours,

    /// <summary>Working days on the office calendar (weekends, <c>Sla:Holidays</c> and the office's own holidays do not count).</summary>
    WorkingDays,
}

/// <summary>Whether something is within its service standard.</summary>
public enum Timeliness
{
    /// <summary>No start time to measure from (an imported record).</summary>
    NotMeasured,
    OnTime,

    /// <summary>Still open with less than the warning margin left.</summary>
    AtRisk,
    Late,
}

/// <summary>
/// A service standard (<i>waktu penyelesaian</i>) of an SOP step: so many minutes, hours or working
/// days. Working days count on the office calendar: something received on a Friday with three
/// working days is due at the end of Wednesday, office time. Every service and the dashboard
/// measure themselves with it.
/// </summary>
public sealed record ServiceStandard(int Amount, StandardUnit Unit)
{
    public static ServiceStandard Minutes(int amount) => new(amount, StandardUnit.Minutes);

    public static ServiceStandard Hours(int amount) => new(amount, StandardUnit.Hours);

    public static ServiceStandard WorkingDays(int amount) => new(amount, StandardUnit.WorkingDays);

    /// <summary>The standard as a span of clock time (minutes and hours only; working days depend on the calendar).</summary>
    public TimeSpan Clock => Unit switch
    {
        StandardUnit.Minutes => TimeSpan.FromMinutes(Amount),
        StandardUnit.Hours => TimeSpan.FromHours(Amount),
        _ => throw new InvalidOperationException("A standard in working days has no fixed length; use DueUtc with the office calendar."),
    };

    /// <summary>The moment (UTC) something started at <paramref name="startUtc"/> is due.</summary>
    public DateTime DueUtc(DateTime startUtc, Office office, WorkingDayCalendar calendar) => Unit switch
    {
        StandardUnit.Minutes => startUtc.AddMinutes(Amount),
        StandardUnit.Hours => startUtc.AddHours(Amount),
        _ => EndOfLocalDayUtc(calendar.AddWorkingDays(office.LocalDate(startUtc), Amount, office), office),
    };

    /// <summary>The office-local day something is due on (for standards in working days; the due moment's day otherwise).</summary>
    public DateOnly DueDay(DateTime startUtc, Office office, WorkingDayCalendar calendar) =>
        Unit == StandardUnit.WorkingDays
            ? calendar.AddWorkingDays(office.LocalDate(startUtc), Amount, office)
            : office.LocalDate(DueUtc(startUtc, office, calendar));

    /// <summary>
    /// Timeliness of a step started at <paramref name="startUtc"/> and done at <paramref name="doneUtc"/>
    /// (null while waiting); a waiting step with less than <paramref name="atRiskWithin"/> working days (or a
    /// fifth of a short standard) left is at risk.
    /// </summary>
    public Timeliness Measure(DateTime? startUtc, DateTime? doneUtc, DateTime nowUtc, Office office, WorkingDayCalendar calendar, int atRiskWithin = 0)
    {
        if (startUtc is not { } start)
        {
            return Timeliness.NotMeasured;
        }

        var due = DueUtc(start, office, calendar);
        if ((doneUtc ?? nowUtc) > due)
        {
            return Timeliness.Late;
        }

        if (doneUtc is not null || atRiskWithin <= 0)
        {
            return Timeliness.OnTime;
        }

        var warnFrom = Unit == StandardUnit.WorkingDays
            ? EndOfLocalDayUtc(calendar.AddWorkingDays(office.LocalDate(start), Math.Max(0, Amount - atRiskWithin), office), office)
            : due - (due - start) / 5;
        return nowUtc > warnFrom ? Timeliness.AtRisk : Timeliness.OnTime;
    }

    /// <summary>Timeliness of something started at <paramref name="startUtc"/> and done at <paramref name="doneUtc"/>, for a standard in minutes or hours.</summary>
    public Timeliness Measure(DateTime? startUtc, DateTime doneUtc) =>
        startUtc is not { } start ? Timeliness.NotMeasured
        : doneUtc - start <= Clock ? Timeliness.OnTime
        : Timeliness.Late;

    /// <summary>"3 menit", "1 jam", "14 hari kerja" (Indonesian; English with <paramref name="english"/>).</summary>
    public string Describe(bool english = false) => (Unit, english) switch
    {
        (StandardUnit.Minutes, false) => $"{Amount} menit",
        (StandardUnit.Hours, false) => $"{Amount} jam",
        (_, false) => $"{Amount} hari kerja",
        (StandardUnit.Minutes, true) => Amount == 1 ? "1 minute" : $"{Amount} minutes",
        (StandardUnit.Hours, true) => Amount == 1 ? "1 hour" : $"{Amount} hours",
        _ => Amount == 1 ? "1 working day" : $"{Amount} working days",
    };

    public override string ToString() => Describe();

    private static DateTime EndOfLocalDayUtc(DateOnly day, Office office) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), office.TimeZone).AddTicks(-1);
}
