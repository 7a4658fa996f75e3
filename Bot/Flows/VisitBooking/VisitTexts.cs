using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>What the video-call visit flow (and its notices) say, per language.</summary>
public sealed partial record VisitTexts
{
    /// <summary>The flow's entry on the main menu.</summary>
    public required MenuLabel Menu { get; init; }

    public required string AskInmate { get; init; }

    public required string AskSecondDetail { get; init; }

    /// <summary>The one neutral answer to any failed inmate lookup.</summary>
    public required string NotMatched { get; init; }

    /// <summary>{0} local time the person may try again.</summary>
    public required Func<string, string> Paused { get; init; }

    /// <summary>{0} local time to try again. The office had too many failed inmate (or other) lookups from everyone.</summary>
    public required Func<string, string> Busy { get; init; }

    /// <summary>{0} inmate's name as the roster has it.</summary>
    public required Func<string, string> Matched { get; init; }

    /// <summary>{0} the full name of the inmate found by part of the name.</summary>
    public required Func<string, string> ConfirmInmate { get; init; }

    /// <summary>Said when the person says the inmate found is not the one they mean.</summary>
    public required string NotThatInmate { get; init; }

    public required string NotAllowed { get; init; }

    /// <summary>{0} booking code.</summary>
    public required Func<string, string> AlreadyBooked { get; init; }

    public required string AskRequesterName { get; init; }

    public required string AskRelationship { get; init; }

    public required IReadOnlyDictionary<string, string> Relationships { get; init; }

    /// <summary>{0} the number the person writes from.</summary>
    public required Func<string, string> AskCallNumber { get; init; }

    public required string AskCallNumberNoDefault { get; init; }

    public required string CallNumberHint { get; init; }

    /// <summary>{0} time zone abbreviation.</summary>
    public required Func<string, string> ChooseSlot { get; init; }

    /// <summary>{0} time zone abbreviation: the slots after the ones offered.</summary>
    public required Func<string, string> MoreSlots { get; init; }

    /// <summary>{0} the day asked for ("Jumat, 11-12-2026"), {1} time zone abbreviation.</summary>
    public required Func<string, string, string> SlotsOn { get; init; }

    /// <summary>{0} time zone abbreviation: slots at the time of day asked for ("sore saja").</summary>
    public required Func<string, string> SlotsThen { get; init; }

    /// <summary>{0} the day asked for, {1} the nearest days that have free slots, {2} time zone abbreviation.</summary>
    public required Func<string, string, string, string> NoSlotsOn { get; init; }

    /// <summary>Nothing is free at the day or time asked for, nor on a day near it.</summary>
    public required string NoSlotsThen { get; init; }

    /// <summary>{0} days ahead: every free slot was offered; the list starts again.</summary>
    public required Func<int, string> NoMoreSlots { get; init; }

    /// <summary>{0} slots offered: how to answer the list of slots.</summary>
    public required Func<int, string> SlotHint { get; init; }

    public required string SlotDayPassed { get; init; }

    /// <summary>Joins two days (" dan ").</summary>
    public required string And { get; init; }

    /// <summary>{0} days ahead.</summary>
    public required Func<int, string> NoSlots { get; init; }

    public required string SlotTaken { get; init; }

    public required string WeeklyLimit { get; init; }

    public required string Booked { get; init; }

    public required string Rescheduled { get; init; }

    /// <summary>{0} code, {1} queue number, {2} when, {3} inmate, {4} number to be called.</summary>
    public required Func<string, int, string, string, string, string> BookingDetails { get; init; }

    public required string FreeOfCharge { get; init; }

    public required string HowToManage { get; init; }

    public required string YourBookings { get; init; }

    /// <summary>{0} code, {1} when, {2} queue number, {3} inmate, {4} status.</summary>
    public required Func<string, string, int, string, string, string> StatusLine { get; init; }

    public required IReadOnlyDictionary<Domain.Visits.VisitStatus, string> StatusNames { get; init; }

    public required string WhatNext { get; init; }

    public required Func<string, string> RescheduleChoice { get; init; }

    public required Func<string, string> CancelChoice { get; init; }

    public required string NewChoice { get; init; }

    public required string DoneChoice { get; init; }

    /// <summary>{0} code, {1} when.</summary>
    public required Func<string, string, string> ConfirmCancel { get; init; }

    public required Func<string, string> Cancelled { get; init; }

    public required string CannotChange { get; init; }

    public required string Kept { get; init; }

    public required string Done { get; init; }

    /// <summary>{0} code, {1} when, {2} queue number, {3} number to be called.</summary>
    public required Func<string, string, int, string, string> Reminder { get; init; }

    /// <summary>{0} code, {1} the number officers call from.</summary>
    public required Func<string, string, string> CallStarting { get; init; }

    /// <summary>{0} code, {1} office name: said instead of <see cref="CallStarting"/> when the office has set no number to call from.</summary>
    public required Func<string, string, string> CallStartingNoNumber { get; init; }

    public required Func<string, string> CancelledByOfficer { get; init; }

    public required string[] DayNames { get; init; }

    /// <summary>"Senin, 24-11-2026 pukul 09.15 WIB".</summary>
    public string When(DateTime local, string timeZoneAbbreviation) =>
        $"{DayNames[(int)local.DayOfWeek]}, {local:dd-MM-yyyy} {At} {local:HH\\.mm} {timeZoneAbbreviation}";

    public required string At { get; init; }

    /// <summary>"Jumat, 11-12-2026".</summary>
    public string DayLabel(DateOnly day) => $"{DayNames[(int)day.DayOfWeek]}, {day:dd-MM-yyyy}";

    public static VisitTexts For(string language) => language == "en" ? English : Indonesian;
}
