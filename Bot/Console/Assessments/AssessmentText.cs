using ChatBot.Bot.OfficerConsole.Clients;
using ChatBot.Domain.Assessments;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>The Indonesian words of assessments: in the console and in the reminders to PKs.</summary>
public static class AssessmentText
{
    public static string Reason(DueReason reason) => reason switch
    {
        DueReason.Initial => "Asesmen awal",
        DueReason.Yearly => "Asesmen lanjutan (tahunan)",
        _ => "Asesmen lanjutan (informasi baru)",
    };

    public static string Kind(AssessmentKind kind) => kind == AssessmentKind.Initial ? "Asesmen awal" : "Asesmen lanjutan";

    public static string Risk(RiskLevel risk) => risk switch
    {
        RiskLevel.Rendah => "Rendah",
        RiskLevel.Sedang => "Sedang",
        _ => "Tinggi",
    };

    /// <summary>The badge class of a risk level.</summary>
    public static string RiskBadge(RiskLevel risk) => risk switch
    {
        RiskLevel.Rendah => "badge-ok",
        RiskLevel.Sedang => "badge-warn",
        _ => "badge-late",
    };

    /// <summary>The state's words, its badge class and its filter value (<c>?status=</c>).</summary>
    public static (string Label, string Badge, string Code) State(DueState state) => state switch
    {
        DueState.Overdue => ("Terlambat", "badge-late", "terlambat"),
        DueState.DueToday => ("Jatuh tempo hari ini", "badge-warn", "hari-ini"),
        DueState.DueSoon => ("Segera jatuh tempo", "badge-muted", "segera"),
        _ => ("Belum jatuh tempo", "badge-muted", "nanti"),
    };

    public static DueState? ParseState(string? code) =>
        Enum.GetValues<DueState>().Where(s => s != DueState.Upcoming).Cast<DueState?>().FirstOrDefault(s => State(s!.Value).Code == code?.Trim().ToLowerInvariant());

    public static string LongDay(DateOnly date) => date.ToString("dddd, d MMMM yyyy", ConsoleText.Indonesian);

    /// <summary>
    /// A reminder to the PK. It names the client by registration number and initials only (the message leaves
    /// through WhatsApp or e-mail; the full record is one click away in the console).
    /// </summary>
    public static string Reminder(string stage, AssessmentDue due, DateOnly today, string number, string initials, string? link)
    {
        var what = $"{Reason(due.Reason)} klien {initials} ({number})";
        var when = stage == AssessmentRules.BeforeStage
            ? $"jatuh tempo {LongDay(due.DueOn)}, {AssessmentRules.ReminderWorkingDays} hari kerja lagi."
            : due.DueOn == today
                ? $"jatuh tempo *hari ini*, {LongDay(due.DueOn)}."
                : $"jatuh tempo {LongDay(due.DueOn)}; hari ini hari kerja terakhir sebelum tanggal itu.";
        var open = link is null ? "Catat hasilnya di konsol petugas, menu Asesmen." : $"Catat hasilnya di konsol: {link}";
        return $"Pengingat asesmen risiko dan kebutuhan\n{what} {when}\n{open}";
    }

    public static string ReminderSubject(AssessmentDue due, string number) => $"[Asesmen] {number} jatuh tempo {ClientFields.Day(due.DueOn)}";
}
