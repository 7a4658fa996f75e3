using ChatBot.Domain.Offices;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Permits;

/// <summary>The SOP's service standards for an out-of-town permit, and the rules of its dates.</summary>
public static class PermitRules
{
    /// <summary>The PK examines the request: 5 minutes.</summary>
    public static readonly ServiceStandard ExamineStandard = ServiceStandard.Minutes(5);

    /// <summary>The TPP session deliberates: 15 minutes.</summary>
    public static readonly ServiceStandard DecideStandard = ServiceStandard.Minutes(15);

    /// <summary>The PK drafts the letter: 5 minutes.</summary>
    public static readonly ServiceStandard DraftStandard = ServiceStandard.Minutes(5);

    /// <summary>The head signs it: 5 minutes.</summary>
    public static readonly ServiceStandard SignStandard = ServiceStandard.Minutes(5);

    /// <summary>The letter reaches the client: 5 minutes.</summary>
    public static readonly ServiceStandard DeliverStandard = ServiceStandard.Minutes(5);

    /// <summary>The whole request, from receipt: at most 14 working days on the office calendar.</summary>
    public static readonly ServiceStandard WholeStandard = ServiceStandard.WorkingDays(14);

    /// <summary>Fewer working days left than this, and an open request is at risk.</summary>
    public const int AtRiskWorkingDays = 3;

    public const int DefaultMaxDays = 30;

    /// <summary>Personal data and files are kept this long after a request closed, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(90);

    public static readonly IReadOnlyList<TravelPermitStatus> Closed = [TravelPermitStatus.Rejected, TravelPermitStatus.Delivered, TravelPermitStatus.Revoked];

    public static bool IsClosed(TravelPermitStatus status) => Closed.Contains(status);

    /// <summary>When the whole request is due (end of the 14th working day after receipt, office time).</summary>
    public static DateTime DueUtc(TravelPermit permit, Office office, WorkingDayCalendar calendar) =>
        WholeStandard.DueUtc(permit.SubmittedAt, office, calendar);

    /// <summary>Where the whole request stands against its 14 working days; a closed one is judged by when it closed.</summary>
    public static Timeliness Timeliness(TravelPermit permit, Office office, WorkingDayCalendar calendar, DateTime nowUtc) =>
        WholeStandard.Measure(permit.SubmittedAt, IsClosed(permit.Status) ? permit.ClosedAt ?? nowUtc : null, nowUtc, office, calendar, AtRiskWorkingDays);

    /// <summary>Working days left before the whole request is due (0 on the last day or after it).</summary>
    public static int WorkingDaysLeft(TravelPermit permit, Office office, WorkingDayCalendar calendar, DateTime nowUtc) =>
        calendar.WorkingDaysBetween(office.LocalDate(nowUtc), WholeStandard.DueDay(permit.SubmittedAt, office, calendar), office);

    /// <summary>Why these travel dates cannot be asked for (null when they can), as a <see cref="DateProblem"/>.</summary>
    public static DateProblem? Check(DateOnly departOn, DateOnly returnOn, DateOnly today, int maxDays) =>
        departOn < today ? DateProblem.DepartureInPast
        : returnOn <= departOn ? DateProblem.ReturnNotAfterDeparture
        : returnOn.DayNumber - departOn.DayNumber > maxDays ? DateProblem.TooLong
        : null;
}

/// <summary>What is wrong with the dates of a trip.</summary>
public enum DateProblem
{
    DepartureInPast,
    ReturnNotAfterDeparture,
    TooLong,
}
