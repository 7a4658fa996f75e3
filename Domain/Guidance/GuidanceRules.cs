using System.Linq.Expressions;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Guidance;

/// <summary>
/// The rules of group guidance (<i>bimbingan kelompok</i>) and BATAKO counters: who does what, the SOP's
/// standard from the list to the invitations, how counters match towns, and which invitations an answer
/// in a conversation can be for.
/// </summary>
public static class GuidanceRules
{
    /// <summary>SOP (seed 004): the invitations go out within one working day of the list.</summary>
    public static readonly ServiceStandard ListToInvitations = ServiceStandard.WorkingDays(1);

    /// <summary>The console event kind of a change to a session or its invitations.</summary>
    public const string EventKind = "bimbingan";

    /// <summary>PKs propose their own clients for group guidance.</summary>
    public static bool MayPropose(OfficerRole role) => role == OfficerRole.Pk;

    /// <summary>
    /// The Kasubsi (BKD/BKA, the existing role <see cref="OfficerRole.Kasubsi"/>) collects the proposals into a
    /// group session; no separate permission.
    /// </summary>
    public static bool MayCollect(OfficerRole role) => role == OfficerRole.Kasubsi;

    /// <summary>A PK opens a BATAKO counter; so may the Kasubsi who plans the PKs' work.</summary>
    public static bool MayOpenCounter(OfficerRole role) => role is OfficerRole.Pk or OfficerRole.Kasubsi;

    /// <summary>Who sees every client of a session (the others: their own clients' rows only).</summary>
    public static bool SeesEveryClient(OfficerRole role) => role is OfficerRole.Kepala or OfficerRole.Kasubsi or OfficerRole.Admin;

    /// <summary>Whether <paramref name="officer"/> may send a session's invitations: the Kasubsi and the head, or the officer who set it up.</summary>
    public static bool MaySend(Officer officer, GuidanceSession session) =>
        officer.Role is OfficerRole.Kasubsi or OfficerRole.Kepala || officer.Id == session.CreatedByOfficerId;

    /// <summary>Whether <paramref name="officer"/> may record the attendance of <paramref name="invitation"/>: the client's PK, the head and the Kasubsi.</summary>
    public static bool MayRecordAttendance(Officer officer, GuidanceInvitation invitation) =>
        officer.Role is OfficerRole.Kasubsi or OfficerRole.Kepala || (officer.Role == OfficerRole.Pk && invitation.PkOfficerId == officer.Id);

    /// <summary>Invitations of the sessions <paramref name="officer"/> may read about the client of (their own clients for a PK).</summary>
    public static Expression<Func<GuidanceInvitation, bool>> VisibleTo(Officer officer)
    {
        if (SeesEveryClient(officer.Role))
        {
            return i => true;
        }

        var id = officer.Id;
        return officer.Role == OfficerRole.Pk ? i => i.PkOfficerId == id : i => false;
    }

    /// <summary>A town as counters compare it: case and spacing do not count (<c>"  kab.  Magelang"</c> = <c>"Kab. magelang"</c>).</summary>
    public static string TownKey(string? town) =>
        string.Join(' ', (town ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>The SOP's timeliness of the list-to-invitations step of a session.</summary>
    public static Timeliness InvitationTimeliness(GuidanceSession session, Offices.Office office, WorkingDayCalendar calendar, DateTime nowUtc) =>
        ListToInvitations.Measure(session.ListedAt, session.InvitedAt, nowUtc, office, calendar, atRiskWithin: 1);

    /// <summary>When the invitations are due (end of the next working day after the list); null before the list.</summary>
    public static DateTime? InvitationsDue(GuidanceSession session, Offices.Office office, WorkingDayCalendar calendar) =>
        session.ListedAt is { } listed ? ListToInvitations.DueUtc(listed, office, calendar) : null;
}

/// <summary>An invitation waiting for its client's answer, as the chat lists it when there are several.</summary>
public sealed record PendingInvitation(long Id, long SessionId, GuidanceSessionKind Kind, string Topic, string Place, string? Town, DateTime StartsAt, DateTime EndsAt, InvitationAnswer Answer);

/// <summary>What the chat does with invitations inside a turn: what it reads and writes belongs to the turn's unit of work.</summary>
public static class GuidanceAnswers
{
    /// <summary>
    /// The invitations sent to <paramref name="conversationId"/> for sessions still to come that have no answer yet,
    /// soonest first (what a free-text answer may be for).
    /// </summary>
    public static Task<List<PendingInvitation>> PendingAsync(UnitOfWork work, long conversationId) =>
        Upcoming(work, conversationId, i => i.Answer == InvitationAnswer.None).ToListAsync(work.CancellationToken);

    /// <summary>
    /// The invitation <paramref name="invitationId"/> when it went to <paramref name="conversationId"/> and its session
    /// is still to come, answered or not (a quick reply names it, and may change an earlier answer); else null.
    /// </summary>
    public static Task<PendingInvitation?> NamedAsync(UnitOfWork work, long conversationId, long invitationId) =>
        Upcoming(work, conversationId, i => i.Id == invitationId).FirstOrDefaultAsync(work.CancellationToken);

    /// <summary>Records <paramref name="answer"/> on the invitation (in <paramref name="conversationId"/>, still upcoming); false when it is not one.</summary>
    public static async Task<PendingInvitation?> RecordAsync(UnitOfWork work, long conversationId, long invitationId, InvitationAnswer answer, string? text)
    {
        var db = work.Db;
        var found = await NamedAsync(work, conversationId, invitationId);
        if (found is null || answer == InvitationAnswer.None)
        {
            return null;
        }

        var invitation = await db.GuidanceInvitations.SingleAsync(i => i.Id == invitationId, work.CancellationToken);
        invitation.Answer = answer;
        invitation.AnsweredAt = work.UtcNow;
        invitation.AnswerText = string.IsNullOrWhiteSpace(text) ? null : Cap(text.Trim(), 500);
        invitation.Revision++;
        var officeId = await db.GuidanceSessions.Where(s => s.Id == invitation.SessionId).Select(s => s.OfficeId).SingleAsync(work.CancellationToken);
        work.Raise(new Events.RecordChanged(GuidanceRules.EventKind, officeId, $"GuidanceSession/{invitation.SessionId}"));
        return found;
    }

    private static IQueryable<PendingInvitation> Upcoming(UnitOfWork work, long conversationId, Expression<Func<GuidanceInvitation, bool>> which)
    {
        var now = work.UtcNow;
        return from i in work.Db.GuidanceInvitations.AsNoTracking().Where(which)
               join s in work.Db.GuidanceSessions.AsNoTracking() on i.SessionId equals s.Id
               where i.ConversationId == conversationId && i.SentAt != null && s.Status == GuidanceSessionStatus.Invited && s.StartsAt > now
               orderby s.StartsAt, i.Id
               select new PendingInvitation(i.Id, s.Id, s.Kind, s.Topic, s.Place, s.Town, s.StartsAt, s.EndsAt, i.Answer);
    }

    private static string Cap(string text, int length) => text.Length <= length ? text : text[..length];
}
