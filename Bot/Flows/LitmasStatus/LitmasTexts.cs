using ChatBot.Bot.Dialogs;
using System.Globalization;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.LitmasStatus;

/// <summary>What the litmas-status flow says, per language.</summary>
public sealed partial record LitmasTexts
{
    /// <summary>The flow's entry on the main menu.</summary>
    public required MenuLabel Menu { get; init; }

    public required string AskNumber { get; init; }

    /// <summary>For a person who asks back at the number question ("nomornya dimana?", "kok gak ketemu?").</summary>
    public required string NumberHelp { get; init; }

    /// <summary>{0} the number as typed.</summary>
    public required Func<string, string> NotFound { get; init; }

    /// <summary>{0} local time the person may try again.</summary>
    public required Func<string, string> Paused { get; init; }

    /// <summary>{0} local time the person may try again. The office had too many unknown numbers from everyone.</summary>
    public required Func<string, string> Busy { get; init; }

    /// <summary>{0} number, {1} stage label, {2} last updated, {3} PK's name, {4} what happens next.</summary>
    public required Func<string, string, string, string, string, string> Status { get; init; }

    /// <summary>{0} number, {1} stage label, {2} when, {3} what happens next.</summary>
    public required Func<string, string, string, string, string> Changed { get; init; }

    public required string AskSubscribe { get; init; }

    public required string Subscribed { get; init; }

    public required string AlreadySubscribed { get; init; }

    public required string NotSubscribed { get; init; }

    /// <summary>The name and the next step of each stage, in plain words.</summary>
    public required IReadOnlyDictionary<LitmasStage, (string Label, string Next)> Stages { get; init; }

    /// <summary>What comes next for a received request that already names its PK (the head does not appoint one then).</summary>
    public required string NextWithPk { get; init; }

    /// <summary>"at" between date and time.</summary>
    public required string At { get; init; }

    public required CultureInfo Culture { get; init; }

    public static LitmasTexts For(string language) => language == "en" ? English : Indonesian;

    /// <summary><c>23 November 2026 pukul 09.15 WIB</c> in the office's time zone.</summary>
    public string When(Office office, DateTime utc)
    {
        var local = office.ToLocal(utc);
        return $"{local.ToString("d MMMM yyyy", Culture)} {At} {local:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";
    }

    /// <summary><c>09.15 WIB</c> in the office's time zone.</summary>
    public static string Time(Office office, DateTime utc) =>
        $"{office.ToLocal(utc):HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";

    public string StatusOf(LitmasCase c, Office office) =>
        Status(c.RegistrationNumber, Stages[c.Stage].Label, When(office, c.StageUpdatedAt), c.PkName, Next(c));

    public string ChangeOf(LitmasCase c, Office office) =>
        Changed(c.RegistrationNumber, Stages[c.Stage].Label, When(office, c.StageUpdatedAt), Next(c));

    private string Next(LitmasCase c) =>
        c.Stage == LitmasStage.Diterima && c.PkName.Trim() is { Length: > 1 } ? NextWithPk : Stages[c.Stage].Next;
}
