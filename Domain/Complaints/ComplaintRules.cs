using System.Linq.Expressions;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Complaints;

/// <summary>Bound from <c>Complaints</c>: the SOP's deadlines, in working days.</summary>
public sealed class ComplaintOptions : ISettingsRules
{
    public const string Section = "Complaints";

    /// <summary>The head of office reviews (verifies) a complaint within this many working days.</summary>
    public int VerificationWorkingDays { get; set; } = 3;

    /// <summary>The complainant gets the official answer within this many working days.</summary>
    public int AnswerWorkingDays { get; set; } = 14;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (VerificationWorkingDays is < 1 or > 60)
        {
            problems.Add("Complaints:VerificationWorkingDays must be between 1 and 60.");
        }

        if (AnswerWorkingDays < VerificationWorkingDays || AnswerWorkingDays > 120)
        {
            problems.Add("Complaints:AnswerWorkingDays must be at least the verification days and at most 120.");
        }

        return problems;
    }
}

/// <summary>The deadlines of complaints.</summary>
public static class ComplaintRules
{
    /// <summary>
    /// The complaints an officer may see at all: an extortion complaint goes to the head of office (and
    /// the administrators), and to the official the head makes responsible for it, never to the officers
    /// of the unit it may name; every other complaint to every officer of the office.
    /// </summary>
    public static Expression<Func<Complaint, bool>> VisibleTo(OfficerRole role, int officerId) =>
        role is OfficerRole.Kepala or OfficerRole.Admin
            ? c => true
            : c => c.Category != ComplaintCategory.Extortion || c.ResponsibleOfficerId == officerId;

    /// <summary>The complaints <see cref="VisibleTo(OfficerRole, int)"/> keeps from this officer (their conversations too).</summary>
    public static Expression<Func<Complaint, bool>> HiddenFrom(OfficerRole role, int officerId) =>
        role is OfficerRole.Kepala or OfficerRole.Admin
            ? c => false
            : c => c.Category == ComplaintCategory.Extortion && (c.ResponsibleOfficerId == null || c.ResponsibleOfficerId != officerId);

    /// <inheritdoc cref="VisibleTo(OfficerRole, int)"/>
    public static Expression<Func<Complaint, bool>> VisibleTo(Officer officer) => VisibleTo(officer.Role, officer.Id);

    /// <summary>Length of a complaint code (<c>ADU-7K3P9Q</c>).</summary>
    public const int CodeLength = 10;

    /// <summary>The review and answer deadlines of a complaint received on <paramref name="receivedLocalDate"/>.</summary>
    public static (DateOnly Verification, DateOnly Answer) Deadlines(WorkingDayCalendar calendar, ComplaintOptions options, DateOnly receivedLocalDate, Office office) =>
        (calendar.AddWorkingDays(receivedLocalDate, options.VerificationWorkingDays, office), calendar.AddWorkingDays(receivedLocalDate, options.AnswerWorkingDays, office));
}
