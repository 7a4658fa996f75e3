using ChatBot.Domain.Assessments;
using ChatBot.Domain.Sla;

namespace ChatBot.Bot.Tests.Domain.Assessments;

/// <summary>When a client's assessment is due (seed 002): 7 days after supervision starts, yearly, earlier on new information, never after supervision ends.</summary>
public sealed class AssessmentRulesTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly DateOnly End = new(2028, 3, 1);

    /// <summary>Holidays on Thursday 19 and Friday 20 March 2026.</summary>
    private static readonly WorkingDayCalendar Calendar = new(new SlaOptions { Holidays = [new(2026, 3, 19), new(2026, 3, 20)] });

    [Fact]
    public void The_initial_assessment_is_due_seven_calendar_days_after_supervision_starts()
    {
        var due = AssessmentRules.NextDue(Start, End, null, null);
        Assert.Equal(new AssessmentDue(new DateOnly(2026, 3, 9), AssessmentKind.Initial, DueReason.Initial), due);

        // Starting on a Friday: due the next Friday, a weekend does not move it.
        Assert.Equal(new DateOnly(2026, 3, 13), AssessmentRules.NextDue(new DateOnly(2026, 3, 6), End, null, null)!.DueOn);
    }

    [Fact]
    public void A_reassessment_is_due_a_year_after_the_last_assessment()
    {
        var due = AssessmentRules.NextDue(Start, End, null, new DateOnly(2026, 3, 11));
        Assert.Equal(new AssessmentDue(new DateOnly(2027, 3, 11), AssessmentKind.Reassessment, DueReason.Yearly), due);
        Assert.Equal(new DateOnly(2029, 2, 28), AssessmentRules.NextDue(Start, new DateOnly(2030, 1, 1), null, new DateOnly(2028, 2, 29))!.DueOn);
    }

    [Fact]
    public void New_information_brings_the_reassessment_forward_to_seven_days_after_it()
    {
        var last = new DateOnly(2026, 3, 11);
        var due = AssessmentRules.NextDue(Start, End, new DateOnly(2026, 8, 3), last);
        Assert.Equal(new AssessmentDue(new DateOnly(2026, 8, 10), AssessmentKind.Reassessment, DueReason.NewInformation), due);

        // Before the initial assessment: whichever comes first, still the initial one.
        Assert.Equal(new AssessmentDue(new DateOnly(2026, 3, 9), AssessmentKind.Initial, DueReason.Initial), AssessmentRules.NextDue(Start, End, new DateOnly(2026, 3, 5), null));
        Assert.Equal(new AssessmentDue(new DateOnly(2026, 3, 8), AssessmentKind.Initial, DueReason.NewInformation), AssessmentRules.NextDue(Start, End, new DateOnly(2026, 3, 1), null));

        // Information older than the last assessment was answered by it.
        Assert.Equal(DueReason.Yearly, AssessmentRules.NextDue(Start, End, new DateOnly(2026, 3, 10), last)!.Reason);

        // Recording on or after the day it was marked clears it; a back-dated assessment does not.
        Assert.True(AssessmentRules.ClearsNewInformation(new DateOnly(2026, 8, 3), new DateOnly(2026, 8, 3)));
        Assert.False(AssessmentRules.ClearsNewInformation(new DateOnly(2026, 8, 3), new DateOnly(2026, 8, 2)));
        Assert.False(AssessmentRules.ClearsNewInformation(null, new DateOnly(2026, 8, 2)));
    }

    [Fact]
    public void Nothing_is_due_after_supervision_ends()
    {
        Assert.Null(AssessmentRules.NextDue(Start, new DateOnly(2026, 3, 8), null, null));
        Assert.NotNull(AssessmentRules.NextDue(Start, new DateOnly(2026, 3, 9), null, null));
        Assert.Null(AssessmentRules.NextDue(Start, new DateOnly(2027, 3, 10), null, new DateOnly(2026, 3, 11)));
        // New information inside the period still counts when the yearly one would fall after it.
        Assert.Equal(new DateOnly(2026, 9, 8), AssessmentRules.NextDue(Start, new DateOnly(2027, 1, 1), new DateOnly(2026, 9, 1), new DateOnly(2026, 3, 11))!.DueOn);
    }

    [Fact]
    public void Due_soon_counts_working_days_over_weekends_and_holidays()
    {
        var due = new DateOnly(2026, 3, 24); // Tuesday after the holidays and a weekend
        Assert.Equal(DueState.Upcoming, AssessmentRules.State(due, new DateOnly(2026, 3, 16), Calendar));
        Assert.Equal(DueState.DueSoon, AssessmentRules.State(due, new DateOnly(2026, 3, 17), Calendar)); // Wed, Mon, Tue
        Assert.Equal(DueState.DueSoon, AssessmentRules.State(due, new DateOnly(2026, 3, 23), Calendar));
        Assert.Equal(DueState.DueToday, AssessmentRules.State(due, due, Calendar));
        Assert.Equal(DueState.Overdue, AssessmentRules.State(due, due.AddDays(1), Calendar));
    }

    [Fact]
    public void Reminders_go_three_working_days_before_and_on_the_day_or_the_last_working_day_before_it()
    {
        var tuesday = new DateOnly(2026, 3, 24);
        Assert.Equal(new DateOnly(2026, 3, 17), AssessmentRules.ReminderDay(tuesday, AssessmentRules.BeforeStage, Calendar));
        Assert.Equal(tuesday, AssessmentRules.ReminderDay(tuesday, AssessmentRules.DueStage, Calendar));

        var sunday = new DateOnly(2026, 3, 29);
        Assert.Equal(new DateOnly(2026, 3, 25), AssessmentRules.ReminderDay(sunday, AssessmentRules.BeforeStage, Calendar));
        Assert.Equal(new DateOnly(2026, 3, 27), AssessmentRules.ReminderDay(sunday, AssessmentRules.DueStage, Calendar));

        var holiday = new DateOnly(2026, 3, 20);
        Assert.Equal(new DateOnly(2026, 3, 18), AssessmentRules.ReminderDay(holiday, AssessmentRules.DueStage, Calendar));

        Assert.Null(AssessmentRules.ReminderFor(tuesday, new DateOnly(2026, 3, 16), Calendar));
        Assert.Equal(AssessmentRules.BeforeStage, AssessmentRules.ReminderFor(tuesday, new DateOnly(2026, 3, 17), Calendar));
        Assert.Equal(AssessmentRules.BeforeStage, AssessmentRules.ReminderFor(tuesday, new DateOnly(2026, 3, 23), Calendar));
        Assert.Equal(AssessmentRules.DueStage, AssessmentRules.ReminderFor(tuesday, tuesday, Calendar));
        Assert.Null(AssessmentRules.ReminderFor(tuesday, tuesday.AddDays(1), Calendar));
    }
}
