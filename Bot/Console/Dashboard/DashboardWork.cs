using System.Security.Claims;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Complaints;
using ChatBot.Bot.OfficerConsole.Visits;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Sla;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Dashboard;

/// <summary>
/// The work waiting for the officer today, per service they may open; a service they may not open is
/// null. Each figure counts exactly what the list it links to shows.
/// </summary>
/// <param name="Visits">Today's video-call visits (the officer's office's date) by state.</param>
/// <param name="ComplaintsDueToday">Open complaints whose current step is due today and not late yet.</param>
/// <param name="ComplaintsLate">Open complaints past a deadline.</param>
/// <param name="IntegrationWaiting">Integration-information requests not answered yet.</param>
/// <param name="LitmasLate">Litmas cases not finished whose status was published later than the SOP's hour.</param>
/// <param name="LeftMessages">Messages people left when nobody answered in time (the queue's open tickets).</param>
/// <param name="PermitsOpen">Out-of-town permit requests not closed yet.</param>
/// <param name="PermitsLate">Of those, the ones past their 14 working days.</param>
/// <param name="AbhOpen">ABH accompaniment requests not accompanied yet (every officer sees the ABH alarm, so every officer sees this).</param>
public sealed record WorkFigures(
    IReadOnlyList<(VisitStatus Status, int Count)>? Visits,
    int? ComplaintsDueToday,
    int? ComplaintsLate,
    int? IntegrationWaiting,
    int? LitmasLate,
    int? LeftMessages,
    int? PermitsOpen,
    int? PermitsLate,
    int AbhOpen);

/// <summary>Counts the dashboard's work figures with the same rules as the lists they link to.</summary>
public sealed class DashboardWork(
    ChatBotDbFactory factory,
    VisitDesk visits,
    ComplaintQueries complaints,
    OfficeScope scope,
    IAuthorizationService authorization,
    OfficeDirectory directory,
    WorkingDayCalendar calendar,
    TimeProvider time)
{
    public async Task<WorkFigures> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var offices = scope.Visible(user);
        var ids = offices.Select(o => o.Id).ToList();
        await using var db = factory.CreateDbContext();

        IReadOnlyList<(VisitStatus, int)>? visitCounts = null;
        if (await MayAsync(user, ConsoleClaims.VisitsPolicy))
        {
            // The visit queue's own day: the officer's office's date.
            var today = (scope.OwnOffice(user) ?? offices.FirstOrDefault())?.LocalDate(now) ?? DateOnly.FromDateTime(now);
            var day = await visits.DayAsync(offices, today, cancellationToken);
            visitCounts = [.. Enum.GetValues<VisitStatus>().Select(s => (s, day.Count(v => v.Status == s)))];
        }

        int? due = null, late = null;
        if (await MayAsync(user, ComplaintPolicies.Complaints))
        {
            var open = (await complaints.ListAsync(ids, user, cancellationToken)).Where(r => r.Status != Domain.Complaints.ComplaintStatus.Closed).ToList();
            due = open.Count(r => r.DueToday);
            late = open.Count(r => r.Late);
        }

        int? integration = null;
        if (await MayAsync(user, ConsoleClaims.IntegrationPolicy))
        {
            integration = await db.IntegrationRequests.CountAsync(r => ids.Contains(r.OfficeId) && r.Status != IntegrationRequestStatus.Closed, cancellationToken);
        }

        int? litmas = null;
        if (await MayAsync(user, ConsoleClaims.LitmasPolicy))
        {
            var measured = await db.LitmasCases.AsNoTracking()
                .Where(c => ids.Contains(c.OfficeId) && c.Stage != LitmasStage.Selesai && c.LetterReceivedAt != null)
                .Select(c => new { c.LetterReceivedAt, c.PublishedAt })
                .ToListAsync(cancellationToken);
            litmas = measured.Count(c => LitmasStandard.LetterToPublished.Measure(c.LetterReceivedAt, c.PublishedAt) == Domain.Sla.Timeliness.Late);
        }

        int? left = null;
        if (await MayAsync(user, ConsoleClaims.HandoverPolicy))
        {
            left = await db.Handovers.Where(Handovers.IsOpenTicket).CountAsync(h => ids.Contains(h.OfficeId), cancellationToken);
        }

        int? permitsOpen = null, permitsLate = null;
        if (await MayAsync(user, ConsoleClaims.PermitPolicy))
        {
            var open = await db.TravelPermits.AsNoTracking()
                .Where(p => ids.Contains(p.OfficeId) && !PermitRules.Closed.Contains(p.Status))
                .ToListAsync(cancellationToken);
            permitsOpen = open.Count;
            permitsLate = open.Count(p => directory.Find(p.OfficeId) is { } office && PermitRules.Timeliness(p, office, calendar, now) == Domain.Sla.Timeliness.Late);
        }

        var abh = await db.AbhRequests.CountAsync(r => ids.Contains(r.OfficeId) && r.Status != AbhRequestStatus.Accompanied, cancellationToken);
        return new WorkFigures(visitCounts, due, late, integration, litmas, left, permitsOpen, permitsLate, abh);
    }

    private async Task<bool> MayAsync(ClaimsPrincipal user, string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
