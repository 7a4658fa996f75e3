using ChatBot.Domain.Offices;

namespace ChatBot.Domain.Sla;

/// <summary>Bound from <c>Sla</c>: what counts as a working day for service-standard deadlines.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>National holidays and collective leave days (<c>cuti bersama</c>), e.g. <c>2026-12-25</c>.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Days that are never working days.</summary>
    public List<DayOfWeek> Weekend { get; set; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];
}

/// <summary>
/// Working days for deadlines stated in working days (<c>hari kerja</c>): weekends, the configured
/// national holidays and, when an office is given, that office's own holidays do not count. Any
/// service's deadlines can use it; it knows nothing of complaints.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DayOfWeek> _weekend;

    public WorkingDayCalendar(SlaOptions options)
    {
        _holidays = [.. options.Holidays];
        _weekend = [.. options.Weekend];
        if (_weekend.Count >= 7)
        {
            throw new SettingsException("Sla:Weekend leaves no working day in the week.");
        }
    }

    public bool IsWorkingDay(DateOnly date, Office? office = null) =>
        !_weekend.Contains(date.DayOfWeek) && !_holidays.Contains(date) && office?.IsHoliday(date) != true;

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>: the start day
    /// itself never counts, so something received on Friday with 3 working days is due on Wednesday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays, Office? office = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, office))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to, Office? office = null)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date, office))
            {
                count++;
            }
        }

        return count;
    }
}
