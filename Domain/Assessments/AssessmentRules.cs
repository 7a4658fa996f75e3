using ChatBot.Domain.Clients;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Assessments;

/// <summary>Why an assessment is due.</summary>
public enum DueReason
{
    /// <summary>The first one: 7 days after supervision starts.</summary>
    Initial,

    /// <summary>A year after the last one.</summary>
    Yearly,

    /// <summary>7 days after an officer marked new information about the client (earlier than the yearly one).</summary>
    NewInformation,
}

/// <summary>Where a due assessment stands today.</summary>
public enum DueState
{
    /// <summary>More than <see cref="AssessmentRules.DueSoonWorkingDays"/> working days away: not listed yet.</summary>
    Upcoming,

    /// <summary>Within <see cref="AssessmentRules.DueSoonWorkingDays"/> working days.</summary>
    DueSoon,

    DueToday,
    Overdue,
}

/// <summary>The next assessment a client needs: the day it is due, which kind it will be and why.</summary>
public sealed record AssessmentDue(DateOnly DueOn, AssessmentKind Kind, DueReason Reason);

/// <summary>
/// When a supervised client's risk and needs assessment is due (seed 002, "Asesmen Awal Bimbingan: 7 Hari;
/// Asesmen Lanjutan: setiap 1 (satu) tahun atau saat ada perubahan data/informasi baru yang valid"):
/// <list type="bullet">
/// <item>the initial one <see cref="InitialDays"/> <b>calendar</b> days after <see cref="Client.SupervisionStart"/>: the
/// SOP says "7 Hari" where its other standards say "hari kerja" when they mean working days, and the standard is a
/// limit for the assessor, so a weekend does not move it later;</item>
/// <item>then a year after the last assessment's date (29 February: 28 February the next year);</item>
/// <item>earlier, <see cref="NewInformationDays"/> days after <see cref="Client.NewInformationOn"/> when an officer
/// marked new information on or after the last assessment; recording a re-assessment on or after that day clears it;</item>
/// <item>never after <see cref="Client.SupervisionEnd"/>: a date past the end of supervision is no due date.</item>
/// </list>
/// A due date stays on the day the rule gives, weekend or holiday alike. Reminders to the PK go out
/// <see cref="ReminderWorkingDays"/> working days before it and on the day itself, or, when that day is not a
/// working day on the office calendar, on the last working day before it (so the PK hears it at work, never after
/// the limit has passed).
/// </summary>
public static class AssessmentRules
{
    public const int InitialDays = 7;

    public const int NewInformationDays = 7;

    /// <summary>A due date this many working days away or closer is "due soon".</summary>
    public const int DueSoonWorkingDays = 3;

    /// <summary>The first reminder goes this many working days before the due date.</summary>
    public const int ReminderWorkingDays = 3;

    /// <summary>Stage of the reminder <see cref="ReminderWorkingDays"/> working days before (<see cref="AssessmentReminder.Stage"/>).</summary>
    public const string BeforeStage = "before";

    /// <summary>Stage of the reminder on the due day.</summary>
    public const string DueStage = "due";

    /// <summary>
    /// The client's next due assessment, given the date of their last one (null when none was recorded);
    /// null when nothing falls due within the supervision period.
    /// </summary>
    public static AssessmentDue? NextDue(Client client, DateOnly? lastAssessedOn) =>
        NextDue(client.SupervisionStart, client.SupervisionEnd, client.NewInformationOn, lastAssessedOn);

    public static AssessmentDue? NextDue(DateOnly supervisionStart, DateOnly supervisionEnd, DateOnly? newInformationOn, DateOnly? lastAssessedOn)
    {
        var kind = lastAssessedOn is null ? AssessmentKind.Initial : AssessmentKind.Reassessment;
        var due = lastAssessedOn is { } last
            ? new AssessmentDue(last.AddYears(1), kind, DueReason.Yearly)
            : new AssessmentDue(supervisionStart.AddDays(InitialDays), kind, DueReason.Initial);
        if (newInformationOn is { } marked && (lastAssessedOn is not { } assessed || marked >= assessed)
            && marked.AddDays(NewInformationDays) < due.DueOn)
        {
            due = new AssessmentDue(marked.AddDays(NewInformationDays), kind, DueReason.NewInformation);
        }

        return due.DueOn > supervisionEnd ? null : due;
    }

    /// <summary>Whether recording an assessment on <paramref name="assessedOn"/> answers the new information marked on <paramref name="newInformationOn"/>.</summary>
    public static bool ClearsNewInformation(DateOnly? newInformationOn, DateOnly assessedOn) =>
        newInformationOn is { } marked && assessedOn >= marked;

    /// <summary>Where a due date stands on <paramref name="today"/> (office-local), on the office calendar.</summary>
    public static DueState State(DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar, Office? office = null) =>
        today > dueOn ? DueState.Overdue
        : today == dueOn ? DueState.DueToday
        : calendar.WorkingDaysBetween(today, dueOn, office) <= DueSoonWorkingDays ? DueState.DueSoon
        : DueState.Upcoming;

    /// <summary>The day the reminder of <paramref name="stage"/> about a due date goes out (see the class remarks).</summary>
    public static DateOnly ReminderDay(DateOnly dueOn, string stage, WorkingDayCalendar calendar, Office? office = null) => stage switch
    {
        BeforeStage => WorkingDayBefore(dueOn, ReminderWorkingDays, calendar, office),
        DueStage => calendar.IsWorkingDay(dueOn, office) ? dueOn : WorkingDayBefore(dueOn, 1, calendar, office),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "A reminder stage is 'before' or 'due'."),
    };

    /// <summary>
    /// The reminder due on <paramref name="today"/>, if any: the "before" one from its day until the day of the
    /// "due" one, and the "due" one from its day until the due date (a pass missed on its day catches up; none
    /// goes out once the date has passed: the console lists it as overdue).
    /// </summary>
    public static string? ReminderFor(DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar, Office? office = null)
    {
        if (today > dueOn)
        {
            return null;
        }

        var onTheDay = ReminderDay(dueOn, DueStage, calendar, office);
        if (today >= onTheDay)
        {
            return DueStage;
        }

        return today >= ReminderDay(dueOn, BeforeStage, calendar, office) ? BeforeStage : null;
    }

    /// <summary>The <paramref name="workingDays"/>-th working day before <paramref name="date"/> (the date itself never counts).</summary>
    private static DateOnly WorkingDayBefore(DateOnly date, int workingDays, WorkingDayCalendar calendar, Office? office)
    {
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date, office))
            {
                counted++;
            }
        }

        return date;
    }
}
