using System.Globalization;

namespace ChatBot.Domain.Visits;

/// <summary>
/// An office's video-call visit schedule, set by officers in the console. An office without a row
/// uses <see cref="Default"/>.
/// </summary>
public sealed class VisitSchedule
{
    public int OfficeId { get; set; }

    /// <summary>Days with visits, as <see cref="DayOfWeek"/> flags (bit = 1 &lt;&lt; day).</summary>
    public int Days { get; set; } = Offices.Office.WeekdaysMask;

    /// <summary>First slot start (office local time).</summary>
    public TimeOnly OpensAt { get; set; } = new(9, 0);

    /// <summary>No slot ends after this (office local time).</summary>
    public TimeOnly ClosesAt { get; set; } = new(15, 0);

    public int SlotMinutes { get; set; } = 15;

    /// <summary>Video-call stations (computer, webcam, headset) used in parallel.</summary>
    public int Stations { get; set; } = 1;

    /// <summary>Calls an inmate may have per week (Monday to Sunday); 0 means no limit.</summary>
    public int WeeklyLimitPerInmate { get; set; } = 2;

    /// <summary>Closed dates, <c>yyyy-MM-dd</c>, separated by commas or new lines.</summary>
    public string Holidays { get; set; } = "";

    /// <summary>The number officers call from, told to the family when their call is about to start.</summary>
    public string? CallerNumber { get; set; }

    public const int MaxSlotMinutes = 120;

    public const int MaxStations = 50;

    public static VisitSchedule Default(int officeId) => new() { OfficeId = officeId };

    public bool IsVisitDay(DayOfWeek day) => (Days & (1 << (int)day)) != 0;

    public IReadOnlySet<DateOnly> HolidayDates() => Offices.HolidayList.Parse(Holidays);

    public bool IsOpenOn(DateOnly date) => IsVisitDay(date.DayOfWeek) && !HolidayDates().Contains(date);

    /// <summary>Slot start times of a day (office local time), whatever the day.</summary>
    public IEnumerable<TimeOnly> SlotTimes()
    {
        if (SlotMinutes <= 0)
        {
            yield break;
        }

        for (var start = OpensAt.ToTimeSpan(); start + TimeSpan.FromMinutes(SlotMinutes) <= ClosesAt.ToTimeSpan(); start += TimeSpan.FromMinutes(SlotMinutes))
        {
            yield return TimeOnly.FromTimeSpan(start);
        }
    }

    /// <summary>Problems with the settings, in Indonesian for the console; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Days == 0)
        {
            problems.Add("Pilih setidaknya satu hari kunjungan.");
        }

        if (SlotMinutes is < 5 or > MaxSlotMinutes)
        {
            problems.Add($"Lama sesi harus 5 sampai {MaxSlotMinutes} menit.");
        }

        if (Stations is < 1 or > MaxStations)
        {
            problems.Add($"Jumlah perangkat video call harus 1 sampai {MaxStations}.");
        }

        if (WeeklyLimitPerInmate < 0)
        {
            problems.Add("Batas kunjungan per minggu tidak boleh negatif (0 berarti tanpa batas).");
        }

        if (SlotMinutes is >= 5 and <= MaxSlotMinutes && !SlotTimes().Any())
        {
            problems.Add("Jam tutup harus setelah jam buka, cukup untuk setidaknya satu sesi.");
        }

        if (Offices.HolidayList.Unreadable(Holidays) is { Count: > 0 } bad)
        {
            problems.Add($"Tanggal libur tidak dikenali: {string.Join(", ", bad)} (tulis TTTT-BB-HH, mis. 2026-12-25).");
        }

        return problems;
    }
}
