using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Sla;

namespace ChatBot.Bot.Tests.Domain.Permits;

/// <summary>The 14 working days of a permit on the office calendar, and the letter number pattern.</summary>
public sealed class PermitRulesTests
{
    private static readonly Office Magelang = new() { Code = "BAPAS-MGL", Name = "Bapas Magelang", TimeZoneId = "Asia/Jakarta", Holidays = "2026-12-31" };

    private static readonly WorkingDayCalendar Calendar = new(new SlaOptions { Holidays = [new(2026, 12, 24), new(2026, 12, 25), new(2027, 1, 1)] });

    /// <summary>Filed Friday 18 December 2026, 10.00 WIB.</summary>
    private static readonly TravelPermit Permit = new()
    {
        Code = "IZN-2345AB",
        ApplicantRelationship = "self",
        Status = TravelPermitStatus.Examined,
        SubmittedAt = new DateTime(2026, 12, 18, 3, 0, 0, DateTimeKind.Utc),
    };

    private static DateTime Wib(int year, int month, int day, int hour) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-7);

    [Fact]
    public void Fourteen_working_days_skip_weekends_national_holidays_and_the_office_s_own()
    {
        // Dec 21-23 (3), 24-25 national holidays, 28-30 (6), 31 the office's holiday, Jan 1 national,
        // Jan 4-8 (11), 11-13 (14): due at the end of Wednesday 13 January, office time.
        Assert.Equal(Wib(2027, 1, 14, 0).AddTicks(-1), PermitRules.DueUtc(Permit, Magelang, Calendar));
    }

    [Theory]
    [InlineData(2026, 12, 23, 9, Timeliness.OnTime, 11)]
    [InlineData(2027, 1, 8, 15, Timeliness.OnTime, 3)]
    [InlineData(2027, 1, 11, 9, Timeliness.AtRisk, 2)]
    [InlineData(2027, 1, 13, 23, Timeliness.AtRisk, 0)]
    [InlineData(2027, 1, 14, 8, Timeliness.Late, 0)]
    public void An_open_request_is_at_risk_with_fewer_than_three_working_days_left_and_late_after(int year, int month, int day, int hour, Timeliness expected, int left)
    {
        var now = Wib(year, month, day, hour);
        Assert.Equal(expected, PermitRules.Timeliness(Permit, Magelang, Calendar, now));
        Assert.Equal(left, PermitRules.WorkingDaysLeft(Permit, Magelang, Calendar, now));
    }

    [Fact]
    public void A_closed_request_is_judged_by_when_it_closed()
    {
        var delivered = new TravelPermit { Code = Permit.Code, ApplicantRelationship = "self", SubmittedAt = Permit.SubmittedAt, Status = TravelPermitStatus.Delivered, ClosedAt = Wib(2027, 1, 12, 10) };
        Assert.Equal(Timeliness.OnTime, PermitRules.Timeliness(delivered, Magelang, Calendar, Wib(2027, 2, 1, 10)));
    }

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(-1, 3, DateProblem.DepartureInPast)]
    [InlineData(2, 2, DateProblem.ReturnNotAfterDeparture)]
    [InlineData(2, 1, DateProblem.ReturnNotAfterDeparture)]
    [InlineData(2, 32, null)]
    [InlineData(2, 33, DateProblem.TooLong)]
    public void Travel_dates_are_not_past_return_after_departure_and_at_most_the_maximum(int departIn, int returnIn, DateProblem? expected)
    {
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal(expected, PermitRules.Check(today.AddDays(departIn), today.AddDays(returnIn), today, 30));
    }

    [Theory]
    [InlineData("W.{seq:000}/PK/{month:roman}/{year}", 7, "W.007/PK/V/2026")]
    [InlineData("{office}-PK.01.05-{seq:0000}/{year}", 42, "BAPAS-MGL-PK.01.05-0042/2026")]
    [InlineData("{seq}/{month:00}/{year:yy}", 1234, "1234/05/26")]
    [InlineData("{{{seq}}}-{month}", 3, "{3}-5")]
    public void A_letter_number_follows_its_pattern(string pattern, int sequence, string expected) =>
        Assert.Equal(expected, LetterNumberPattern.Parse(pattern).Format(sequence, new DateOnly(2026, 5, 20), "BAPAS-MGL"));

    [Theory]
    [InlineData("W/PK/{year}", "{seq}")]
    [InlineData("W.{seq}/{tahun}", "Unknown placeholder '{tahun}'")]
    [InlineData("W.{seq:00x}", "Unknown placeholder")]
    [InlineData("W.{seq", "no closing")]
    [InlineData("W.}{seq}", "lone")]
    public void A_pattern_that_cannot_number_letters_is_named_at_start(string pattern, string problem) =>
        Assert.Contains(problem, LetterNumberPattern.Problem(pattern));
}
