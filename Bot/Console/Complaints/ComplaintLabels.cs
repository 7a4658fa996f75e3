using ChatBot.Domain.Complaints;

namespace ChatBot.Bot.OfficerConsole.Complaints;

/// <summary>How the complaint pages name categories, steps and follow-ups (Indonesian).</summary>
public static class ComplaintLabels
{
    /// <summary>The same words the citizen chose from.</summary>
    public static string Category(ComplaintCategory category) => Flows.Complaint.ComplaintTexts.Indonesian.Categories[category];

    public static (string Label, string Badge) Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => ("Diterima, menunggu telaah Kepala", "badge-muted"),
        ComplaintStatus.Reviewed => ("Ditelaah, menunggu tindak lanjut", "badge-muted"),
        ComplaintStatus.FollowedUp => ("Ditindaklanjuti, menunggu jawaban", "badge-muted"),
        _ => ("Dijawab dan ditutup", "badge-ok"),
    };

    public static string FollowUp(ComplaintFollowUpKind? kind) => kind switch
    {
        ComplaintFollowUpKind.Fix => "Perbaikan",
        ComplaintFollowUpKind.Clarification => "Klarifikasi",
        ComplaintFollowUpKind.FixAndClarification => "Perbaikan dan klarifikasi",
        _ => "—",
    };

    /// <summary><c>Rab, 25-11-2026</c>: a deadline as officers read it.</summary>
    public static string Day(DateOnly date) => date.ToString("ddd, dd-MM-yyyy", ConsoleText.Indonesian);
}
