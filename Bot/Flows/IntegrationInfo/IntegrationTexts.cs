using ChatBot.Bot.Dialogs;
using System.Globalization;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>What the integration-information flow says, per language.</summary>
public sealed partial record IntegrationTexts
{
    /// <summary>The flow's entry on the main menu.</summary>
    public required MenuLabel Menu { get; init; }

    public required string Intro { get; init; }

    public required string NewRequest { get; init; }

    public required string AskStatus { get; init; }

    /// <summary>{0} retention in days. Why the data is needed, who sees it, how long it is kept; asks for consent.</summary>
    public required Func<int, string> Consent { get; init; }

    public required string NoConsent { get; init; }

    /// <summary>The questions, by question index (item 10 has two: the NIK and the KTP file).</summary>
    public required IReadOnlyList<string> Questions { get; init; }

    /// <summary>What a question means, by question index, for a person who asks back ("penjamin itu apa?").</summary>
    public required IReadOnlyDictionary<int, string> QuestionHelps { get; init; }

    public string? QuestionHelp(int question) => QuestionHelps.GetValueOrDefault(question);

    /// <summary>The summary's label of each item 1–13.</summary>
    public required IReadOnlyList<string> ItemLabels { get; init; }

    public required IReadOnlyDictionary<string, string> Relationships { get; init; }

    public required IReadOnlyDictionary<IntegrationProgramme, string> Programmes { get; init; }

    /// <summary>{0} the numbered items.</summary>
    public required Func<string, string> Summary { get; init; }

    public required string SummaryHint { get; init; }

    public required string Declaration { get; init; }

    /// <summary>{0} reference code, {1} declared at.</summary>
    /// <summary>{0} the code, {1} when, {2} whether the answer also goes to an e-mail address.</summary>
    public required Func<string, string, bool, string> Submitted { get; init; }

    /// <summary>The summary's e-mail item when the person has none.</summary>
    public required string NoEmail { get; init; }

    /// <summary>{0} items filled, {1} items in all.</summary>
    public required Func<int, int, string> ResumeAsk { get; init; }

    /// <summary>{0} items filled, {1} items in all: asked when the person types <c>menu</c> or <c>batal</c> in the form.</summary>
    public required Func<int, int, string> LeaveAsk { get; init; }

    public required string Resume { get; init; }

    public required string Discard { get; init; }

    public required string Resumed { get; init; }

    public required string Discarded { get; init; }

    public required string AskReference { get; init; }

    /// <summary>{0} the code as typed.</summary>
    public required Func<string, string> ReferenceNotFound { get; init; }

    /// <summary>{0} local time the person may try again (too many unknown codes from them).</summary>
    public required Func<string, string> Paused { get; init; }

    /// <summary>{0} local time to try again. The office had too many unknown lookups from everyone.</summary>
    public required Func<string, string> Busy { get; init; }

    /// <summary>{0} code, {1} status label, {2} submitted at, {3} what happens next.</summary>
    public required Func<string, string, string, string, string> Status { get; init; }

    public required IReadOnlyDictionary<IntegrationRequestStatus, (string Label, string Next)> Statuses { get; init; }

    /// <summary>{0} code, {1} programme, {2} inmate name as given.</summary>
    public required Func<string, string, string, string> AnswerNotInSdp { get; init; }

    /// <summary>{0} code, {1} programme, {2} the officer's text.</summary>
    public required Func<string, string, string, string> AnswerInformation { get; init; }

    /// <summary>{0} code.</summary>
    public required Func<string, string> EmailSubject { get; init; }

    public required string NotSet { get; init; }

    public required string At { get; init; }

    public required CultureInfo Culture { get; init; }

    public static IntegrationTexts For(string language) => language == "en" ? English : Indonesian;

    /// <summary><c>09.15 WIB</c> in the office's time zone.</summary>
    public static string Time(Office office, DateTime utc) =>
        $"{office.ToLocal(utc):HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";

    /// <summary><c>23 November 2026 pukul 09.15 WIB</c> in the office's time zone.</summary>
    public string When(Office office, DateTime utc)
    {
        var local = office.ToLocal(utc);
        return $"{local.ToString("d MMMM yyyy", Culture)} {At} {local:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";
    }
}
