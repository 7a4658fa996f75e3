using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>What the out-of-town permit flow says, per language.</summary>
public sealed partial record PermitTexts
{
    /// <summary>The flow's entry on the main menu.</summary>
    public required MenuLabel Menu { get; init; }

    public required string Intro { get; init; }

    public required string NewRequest { get; init; }

    public required string AskStatus { get; init; }

    /// <summary>{0} retention in days. Why the data is needed, who sees it, how long it is kept; asks for consent.</summary>
    public required Func<int, string> Consent { get; init; }

    public required string NoConsent { get; init; }

    /// <summary>The question of each item 1–10 (item 3, the client, is asked by the client identification).</summary>
    public required IReadOnlyDictionary<int, string> Questions { get; init; }

    /// <summary>What each item means, for a person who asks back.</summary>
    public required IReadOnlyDictionary<int, string> Helps { get; init; }

    /// <summary>The summary's label of each item 1–10.</summary>
    public required IReadOnlyList<string> ItemLabels { get; init; }

    /// <summary><c>self</c>, <c>lawyer</c>, <c>family</c>.</summary>
    public required IReadOnlyDictionary<string, string> Relationships { get; init; }

    public required string DepartureInPast { get; init; }

    /// <summary>{0} the departure date.</summary>
    public required Func<string, string> ReturnNotAfterDeparture { get; init; }

    /// <summary>{0} the most days, {1} the latest return date.</summary>
    public required Func<int, string, string> TooLong { get; init; }

    /// <summary>{0} the numbered items.</summary>
    public required Func<string, string> Summary { get; init; }

    public required string SummaryHint { get; init; }

    /// <summary>{0} code, {1} the day the whole request is due by.</summary>
    public required Func<string, string, string> Submitted { get; init; }

    /// <summary>{0} items filled, {1} items in all.</summary>
    public required Func<int, int, string> LeaveAsk { get; init; }

    public required string ClientNotIdentified { get; init; }

    public required string AskCode { get; init; }

    /// <summary>{0} the code as typed.</summary>
    public required Func<string, string> CodeNotFound { get; init; }

    public required Func<string, string> Paused { get; init; }

    public required Func<string, string> Busy { get; init; }

    /// <summary>{0} code, {1} status label, {2} submitted on, {3} the trip, {4} what happens next.</summary>
    public required Func<string, string, string, string, string, string> Status { get; init; }

    public required IReadOnlyDictionary<TravelPermitStatus, (string Label, string Next)> Statuses { get; init; }

    /// <summary>{0} town, {1} from, {2} to.</summary>
    public required Func<string, string, string, string> Trip { get; init; }

    /// <summary>Notices by step: {0} the code.</summary>
    public required Func<string, string> ExaminedNotice { get; init; }

    public required Func<string, string> ApprovedNotice { get; init; }

    /// <summary>{0} code, {1} the TPP's reason.</summary>
    public required Func<string, string, string> RejectedNotice { get; init; }

    public required Func<string, string> DraftedNotice { get; init; }

    public required Func<string, string> SignedNotice { get; init; }

    /// <summary>{0} code, {1} letter number, {2} the trip, {3} the verification address.</summary>
    public required Func<string, string, string, string, string> DeliveredNotice { get; init; }

    /// <summary>{0} code, {1} letter number, {2} the reason.</summary>
    public required Func<string, string, string, string> RevokedNotice { get; init; }

    /// <summary>{0} code.</summary>
    public required Func<string, string> EmailSubject { get; init; }

    public required string NotSet { get; init; }

    public required CultureInfo Culture { get; init; }

    public static PermitTexts For(string language) => language == "en" ? English : Indonesian;

    /// <summary><c>5 Januari 2027</c>.</summary>
    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string Date(Office office, DateTime utc) => Date(office.LocalDate(utc));
}
