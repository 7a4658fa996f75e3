using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Outreach;

namespace ChatBot.Bot.Flows.Outreach;

/// <summary>What the outreach request flow (Bambang Solah) says, per language.</summary>
public sealed partial record OutreachTexts
{
    public required MenuLabel Menu { get; init; }

    public required string Intro { get; init; }

    /// <summary>The questions, by index (item = index + 1).</summary>
    public required IReadOnlyList<string> Questions { get; init; }

    /// <summary>Item 8 when the topic is one of the list: a detail is welcome but not needed.</summary>
    public required string TopicDetailOptional { get; init; }

    /// <summary>What a question means, for someone who asks back.</summary>
    public required IReadOnlyDictionary<int, string> QuestionHelps { get; init; }

    public string? QuestionHelp(int question) => QuestionHelps.GetValueOrDefault(question);

    public required IReadOnlyList<string> ItemLabels { get; init; }

    public required IReadOnlyDictionary<string, string> Institutions { get; init; }

    /// <summary>The choice of a topic of one's own ("lainnya").</summary>
    public required string OtherTopic { get; init; }

    public required string TopicOtherRequired { get; init; }

    public required string DatesFormat { get; init; }

    public required string DatesPast { get; init; }

    /// <summary>{0} the most dates.</summary>
    public required Func<int, string> DatesTooMany { get; init; }

    public required string AudienceHint { get; init; }

    public required string NoTopicDetail { get; init; }

    public required string NoEmail { get; init; }

    /// <summary>{0} the numbered items.</summary>
    public required Func<string, string> Summary { get; init; }

    public required string SummaryHint { get; init; }

    /// <summary>{0} code, {1} when, {2} the office's telephone (null: none).</summary>
    public required Func<string, string, string?, string> Submitted { get; init; }

    public required string LetterKept { get; init; }

    public required string NotSent { get; init; }

    /// <summary>{0} items filled, {1} items in all.</summary>
    public required Func<int, int, string> LeaveAsk { get; init; }

    public required Func<string, string> NotFound { get; init; }

    public required Func<string, string> Paused { get; init; }

    public required Func<string, string> Busy { get; init; }

    /// <summary>{0} code, {1} status label, {2} received at, {3} what happens next.</summary>
    public required Func<string, string, string, string, string> Status { get; init; }

    public required IReadOnlyDictionary<OutreachStatus, (string Label, string Next)> Statuses { get; init; }

    // What the requester is told at each step.

    public required Func<string, string> Registered { get; init; }

    public required Func<string, string> Disposed { get; init; }

    /// <summary>{0} code, {1} the head's reason.</summary>
    public required Func<string, string, string> Declined { get; init; }

    /// <summary>{0} code, {1} the team leader's name, {2} their telephone (null: none), {3} the office's telephone (null: none).</summary>
    public required Func<string, string, string?, string?, string> TeamAppointed { get; init; }

    /// <summary>{0} code, {1} the agreed date and time, {2} the team leader, {3} their telephone (null: none).</summary>
    public required Func<string, string, string, string?, string> Scheduled { get; init; }

    public required Func<string, string> Held { get; init; }

    /// <summary>{0} code, {1} attendance.</summary>
    public required Func<string, int, string> Reported { get; init; }

    public required string AskScore { get; init; }

    public required string AskComment { get; init; }

    public required string SurveyThanks { get; init; }

    /// <summary>{0} code.</summary>
    public required Func<string, string> SurveyLater { get; init; }

    public required Func<string, string> EmailSubject { get; init; }

    public required string NotSet { get; init; }

    public required string At { get; init; }

    public required CultureInfo Culture { get; init; }

    public static OutreachTexts For(string language) => language == "en" ? English : Indonesian;

    /// <summary><c>10 Desember 2026</c>.</summary>
    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary><c>Kamis, 10 Desember 2026</c>.</summary>
    public string Day(DateOnly date) => date.ToString("dddd, d MMMM yyyy", Culture);

    /// <summary><c>8 Maret 2026 pukul 09.00 WIB</c> in the office's time zone.</summary>
    public string When(Office office, DateTime utc)
    {
        var local = office.ToLocal(utc);
        return $"{local.ToString("dddd, d MMMM yyyy", Culture)} {At} {local:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";
    }

    /// <summary>The preferred dates as the person reads them ("Kamis, 10 Desember 2026; Sabtu, 12 Desember 2026").</summary>
    public string Dates(string? stored) => string.Join("; ", OutreachRules.ParseDates(stored).Select(Day));
}
