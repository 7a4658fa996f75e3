using ChatBot.Domain.Offices;
using ChatBot.Domain.Sla;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Bot.Tests.Domain.Sla;

/// <summary>Deadlines in working days skip weekends and the national holidays the office configured.</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Plain = new(new SlaOptions());

    // Christmas and the collective leave day before it; 17 August (Independence Day) 2026 is a Monday.
    private static readonly WorkingDayCalendar WithHolidays = new(new SlaOptions
    {
        Holidays = [new(2026, 12, 24), new(2026, 12, 25), new(2026, 8, 17)],
    });

    [Theory]
    [InlineData("2026-11-23", 3, "2026-11-26")] // Monday → Thursday
    [InlineData("2026-11-27", 3, "2026-12-02")] // Friday → Wednesday, over the weekend
    [InlineData("2026-11-28", 3, "2026-12-02")] // received on Saturday: Monday is the first working day
    [InlineData("2026-11-23", 14, "2026-12-11")] // two weeks and four days
    [InlineData("2026-11-23", 0, "2026-11-23")]
    public void Weekends_do_not_count(string start, int days, string due) =>
        Assert.Equal(DateOnly.Parse(due), Plain.AddWorkingDays(DateOnly.Parse(start), days));

    [Theory]
    [InlineData("2026-12-23", 3, "2026-12-30")] // Thu 24 and Fri 25 are holidays, then the weekend
    [InlineData("2026-12-22", 1, "2026-12-23")]
    [InlineData("2026-12-23", 1, "2026-12-28")]
    [InlineData("2026-08-14", 1, "2026-08-18")] // Friday before Independence Day Monday
    public void Configured_holidays_do_not_count(string start, int days, string due) =>
        Assert.Equal(DateOnly.Parse(due), WithHolidays.AddWorkingDays(DateOnly.Parse(start), days));

    [Fact]
    public void A_holiday_is_not_a_working_day_and_a_weekday_is()
    {
        Assert.False(WithHolidays.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.True(Plain.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.False(Plain.IsWorkingDay(new DateOnly(2026, 12, 26)));
        Assert.True(WithHolidays.IsWorkingDay(new DateOnly(2026, 12, 28)));
    }

    [Fact]
    public void Working_days_between_two_dates_count_the_end_and_skip_holidays()
    {
        Assert.Equal(3, WithHolidays.WorkingDaysBetween(new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 30)));
        Assert.Equal(5, Plain.WorkingDaysBetween(new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 30)));
        Assert.Equal(0, Plain.WorkingDaysBetween(new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 23)));
    }

    [Fact]
    public void Holidays_are_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sla:Holidays:0"] = "2026-12-25", ["Sla:Holidays:1"] = "2027-01-01" })
            .Build();
        var options = configuration.GetSection(SlaOptions.Section).Get<SlaOptions>()!;
        var calendar = new WorkingDayCalendar(options);
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
        Assert.Equal(new DateOnly(2026, 12, 28), calendar.AddWorkingDays(new DateOnly(2026, 12, 24), 1));
    }

    [Fact]
    public void An_office_holiday_is_not_a_working_day_for_that_office_only()
    {
        var office = new Office { Code = "UJI", Name = "Bapas Uji", Holidays = "2026-12-28\n2026-12-29" };
        Assert.False(WithHolidays.IsWorkingDay(new DateOnly(2026, 12, 28), office));
        Assert.True(WithHolidays.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.Equal(new DateOnly(2026, 12, 30), WithHolidays.AddWorkingDays(new DateOnly(2026, 12, 23), 1, office));
        Assert.Equal(1, WithHolidays.WorkingDaysBetween(new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 30), office));

        // A deadline in working days is stated on the office's calendar.
        var due = ServiceStandard.WorkingDays(1).DueDay(new DateTime(2026, 12, 23, 3, 0, 0, DateTimeKind.Utc), office, WithHolidays);
        Assert.Equal(new DateOnly(2026, 12, 30), due);
    }
}
