using System.Globalization;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>What group guidance and BATAKO counters say to clients and to their PKs, per language.</summary>
public sealed partial record GuidanceTexts
{
    /// <summary>"Bimbingan Kelompok" / "Pojok BATAKO di {town}".</summary>
    public required Func<GuidanceSessionKind, string?, string> KindName { get; init; }

    /// <summary>{0} kind name, {1} topic, {2} date, {3} hours with zone, {4} place: the invitation.</summary>
    public required Func<string, string, string, string, string, string> Invitation { get; init; }

    /// <summary>The e-mail subject of an invitation: {0} kind name, {1} date.</summary>
    public required Func<string, string, string> InvitationSubject { get; init; }

    /// <summary>{0} kind name, {1} topic, {2} date, {3} hours, {4} place: the reminder the day before.</summary>
    public required Func<string, string, string, string, string, string> Reminder { get; init; }

    public required Func<string, string, string> ReminderSubject { get; init; }

    /// <summary>{0} kind name, {1} date: answered HADIR.</summary>
    public required Func<string, string, string> Attending { get; init; }

    public required Func<string, string, string> Declining { get; init; }

    public required Func<string, string, string> Reschedule { get; init; }

    /// <summary>Several invitations wait: which one the answer is for ({0} the answer in words).</summary>
    public required Func<string, string> WhichOne { get; init; }

    /// <summary>One choice of <see cref="WhichOne"/>: {0} date, {1} kind name, {2} topic.</summary>
    public required Func<string, string, string, string> WhichChoice { get; init; }

    public required IReadOnlyDictionary<InvitationAnswer, string> AnswerWords { get; init; }

    public required string AnythingElse { get; init; }

    /// <summary>To a PK: {0} kind name, {1} date, {2} the clients (initials and number), one per line, {3} how many.</summary>
    public required Func<string, string, string, int, string> NoAnswer { get; init; }

    public required Func<string, string, string> NoAnswerSubject { get; init; }

    public static GuidanceTexts For(string language) => language == "en" ? English : Indonesian;

    /// <summary>"Selasa, 12 Mei 2026" in the office's time.</summary>
    public string Date(Office office, DateTime utc) =>
        office.ToLocal(utc).ToString("dddd, d MMMM yyyy", Culture);

    /// <summary>"09.00–11.00 WIB" in the office's time.</summary>
    public string Hours(Office office, DateTime startUtc, DateTime endUtc) =>
        $"{office.ToLocal(startUtc):HH\\.mm}–{office.ToLocal(endUtc):HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";

    private CultureInfo Culture => ReferenceEquals(this, English) ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("id-ID");
}
