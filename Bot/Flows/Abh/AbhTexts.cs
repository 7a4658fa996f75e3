using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>What the ABH accompaniment flow says, per language: to the requester, and in the alerts to officers.</summary>
public sealed partial record AbhTexts
{
    public required MenuLabel Menu { get; init; }

    /// <summary>{0} retention in days. What the service is, what is collected of the child and why, how long it is kept.</summary>
    public required Func<int, string> Intro { get; init; }

    /// <summary>The questions, by index (item = index + 1).</summary>
    public required IReadOnlyList<string> Questions { get; init; }

    /// <summary>What a question means, for someone who asks back.</summary>
    public required IReadOnlyDictionary<int, string> QuestionHelps { get; init; }

    public string? QuestionHelp(int question) => QuestionHelps.GetValueOrDefault(question);

    /// <summary>The summary's label of each item.</summary>
    public required IReadOnlyList<string> ItemLabels { get; init; }

    /// <summary>The institution kinds (<see cref="AbhInstitutions"/>), as offered.</summary>
    public required IReadOnlyDictionary<string, string> Institutions { get; init; }

    public required string InitialsNotName { get; init; }

    public required string InitialsFormat { get; init; }

    public required string AgeRetry { get; init; }

    public required string OffenceTooShort { get; init; }

    /// <summary>{0} the numbered items.</summary>
    public required Func<string, string> Summary { get; init; }

    public required string SummaryHint { get; init; }

    /// <summary>{0} code, {1} when, {2} the names of the officers on duty (null: none on the roster now), {3} the office's telephone (null: none).</summary>
    public required Func<string, string, string?, string?, string> Submitted { get; init; }

    /// <summary>The letter kept early (it came with an earlier answer).</summary>
    public required string LetterKept { get; init; }

    public required string NotSent { get; init; }

    /// <summary>{0} items filled, {1} items in all.</summary>
    public required Func<int, int, string> LeaveAsk { get; init; }

    /// <summary>{0} code as typed.</summary>
    public required Func<string, string> NotFound { get; init; }

    public required Func<string, string> Paused { get; init; }

    public required Func<string, string> Busy { get; init; }

    /// <summary>{0} code, {1} status label, {2} received at, {3} what happens next.</summary>
    public required Func<string, string, string, string, string> Status { get; init; }

    public required IReadOnlyDictionary<AbhRequestStatus, (string Label, string Next)> Statuses { get; init; }

    /// <summary>{0} code, {1} the PK's name, {2} the PK's telephone (null: none), {3} the office's telephone (null: none).</summary>
    public required Func<string, string, string?, string?, string> PkComing { get; init; }

    /// <summary>{0} code.</summary>
    public required Func<string, string> EmailSubject { get; init; }

    public required string NotSet { get; init; }

    public required string At { get; init; }

    public required CultureInfo Culture { get; init; }

    // What officers are told (alerts and escalations); officers read the Indonesian ones.

    /// <summary>{0} code, {1} institution and unit, {2} received at.</summary>
    public required Func<string, string, string, string> AlertNew { get; init; }

    /// <summary>{0} code, {1} the step waiting.</summary>
    public required Func<string, string, string> AlertWaiting { get; init; }

    /// <summary>{0} code, {1} the step waiting, {2} since when, {3} as whom the officer is told.</summary>
    public required Func<string, string, string, string, string> AlertEscalated { get; init; }

    public required string AsNextOnDuty { get; init; }

    public required string AsHead { get; init; }

    /// <summary>{0} the request's address in the console; null: where to find it.</summary>
    public required Func<string?, string> OpenConsole { get; init; }

    /// <summary>{0} code.</summary>
    public required Func<string, string> AlertSubject { get; init; }

    /// <summary>What a request in each waiting state waits for, as an alert names it.</summary>
    public required IReadOnlyDictionary<AbhRequestStatus, string> WaitingFor { get; init; }

    public static AbhTexts For(string language) => language == "en" ? English : Indonesian;

    /// <summary><c>8 Maret 2026 pukul 02.00 WIB</c> in the office's time zone.</summary>
    public string When(Office office, DateTime utc)
    {
        var local = office.ToLocal(utc);
        return $"{local.ToString("d MMMM yyyy", Culture)} {At} {local:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";
    }

    /// <summary>"Kepolisian (penyidik) — Polres Magelang, Unit PPA".</summary>
    public string Institution(AbhRequest request)
    {
        var kind = Institutions.GetValueOrDefault(request.InstitutionKind, request.InstitutionKind);
        var where = string.Join(", ", new[] { request.InstitutionName, request.InstitutionUnit }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return where.Length == 0 ? kind : $"{kind} — {where}";
    }
}
