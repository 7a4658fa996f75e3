using System.Security.Claims;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Clients;
using ChatBot.Domain.Assessments;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>A client with an assessment due: when, why, and where it stands today.</summary>
public sealed record DueRow(Client Client, AssessmentDue Due, DueState State, DateOnly? LastAssessedOn);

/// <summary>A recorded assessment as the pages show it.</summary>
public sealed record AssessmentRow(Assessment Assessment, string Assessor, string? LitmasNumber);

/// <summary>The assessments part of a client's page.</summary>
public sealed record ClientAssessments(Client Client, IReadOnlyList<AssessmentRow> Recorded, AssessmentDue? Next, DueState? State);

/// <summary>The assessments attached to a litmas case: those the viewer may see, and how many they may not.</summary>
public sealed record LitmasAssessments(IReadOnlyList<AssessmentRow> Shown, int Hidden);

/// <summary>The new-information form: what was typed, what is wrong with it, and today (its latest date).</summary>
public sealed record NewInformationForm(string? Date, string? Reason, string? DateProblem, string? ReasonProblem, DateOnly Today);

/// <summary>An officer the form offers as assessor.</summary>
public sealed record AssessorChoice(int Id, string Name);

/// <summary>
/// What the assessment pages read. Who may see a client's assessments, due dates and document, and record one, is
/// the client register's rule (<see cref="ClientPages.Visible"/>: the client's PK, and the Kasubsi, head and admins
/// of the client's office): a client outside it is a missing page.
/// </summary>
public sealed class AssessmentPages(ChatBotDbFactory factory, ClientPages clients, OfficeDirectory offices, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The roles an assessor may have (besides the signed-in officer, who is always offered).</summary>
    public static readonly IReadOnlyList<OfficerRole> AssessorRoles = [OfficerRole.Pk, OfficerRole.Kasubsi, OfficerRole.Kepala];

    /// <summary>Today in the client's office.</summary>
    public DateOnly Today(int officeId) => ClientPages.Today(offices.Find(officeId), time);

    /// <summary>The visible clients in supervision whose assessment is due soon, today or overdue, most urgent first.</summary>
    public async Task<IReadOnlyList<DueRow>> DueAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var floor = Today(user.OfficeId()).AddDays(-2); // time zones differ by a day at most; the exact end is checked per office
        var visible = await clients.Visible(db, user).Where(c => c.SupervisionEnd >= floor).ToListAsync(cancellationToken);
        var last = await LastAssessedAsync(db, [.. visible.Select(c => c.Id)], cancellationToken);
        var rows = new List<DueRow>();
        foreach (var client in visible)
        {
            var office = offices.Find(client.OfficeId);
            var today = ClientPages.Today(office, time);
            if (today > client.SupervisionEnd || AssessmentRules.NextDue(client, last.GetValueOrDefault(client.Id)) is not { } due)
            {
                continue;
            }

            var state = AssessmentRules.State(due.DueOn, today, calendar, office);
            if (state != DueState.Upcoming)
            {
                rows.Add(new DueRow(client, due, state, last.GetValueOrDefault(client.Id)));
            }
        }

        return [.. rows.OrderBy(r => r.Due.DueOn).ThenBy(r => r.Client.FullName, StringComparer.Ordinal)];
    }

    /// <summary>The client's assessments and next due date, when <paramref name="user"/> may see the client.</summary>
    public async Task<ClientAssessments?> ForClientAsync(ClaimsPrincipal user, long clientId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var client = await clients.Visible(db, user).SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var recorded = await RowsAsync(db, db.Assessments.Where(a => a.ClientId == clientId), cancellationToken);
        var today = Today(client.OfficeId);
        var next = today > client.SupervisionEnd ? null : AssessmentRules.NextDue(client, recorded.FirstOrDefault()?.Assessment.AssessedOn);
        return new ClientAssessments(client, recorded, next, next is null ? null : AssessmentRules.State(next.DueOn, today, calendar, offices.Find(client.OfficeId)));
    }

    /// <summary>The assessments attached to the litmas case; those of clients <paramref name="user"/> may not see are only counted.</summary>
    public async Task<LitmasAssessments> ForLitmasAsync(ClaimsPrincipal user, long caseId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var attached = db.Assessments.Where(a => a.LitmasCaseId == caseId);
        var visibleIds = clients.Visible(db, user).Select(c => c.Id);
        var shown = await RowsAsync(db, attached.Where(a => visibleIds.Contains(a.ClientId)), cancellationToken);
        var total = await attached.CountAsync(cancellationToken);
        return new LitmasAssessments(shown, total - shown.Count);
    }

    /// <summary>The assessment, when <paramref name="user"/> may see its client.</summary>
    public async Task<Assessment?> FindAsync(ClaimsPrincipal user, long assessmentId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var visibleIds = clients.Visible(db, user).Select(c => c.Id);
        return await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && visibleIds.Contains(a.ClientId), cancellationToken);
    }

    /// <summary>Who the form offers as assessor for a client of <paramref name="officeId"/>: its active PKs, Kasubsi and heads, and the signed-in officer.</summary>
    public async Task<IReadOnlyList<AssessorChoice>> AssessorsAsync(ClaimsPrincipal user, int officeId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var me = user.OfficerId();
        var roles = AssessorRoles.ToList();
        return await db.Officers.AsNoTracking()
            .Where(o => o.Active && ((o.OfficeId == officeId && roles.Contains(o.Role)) || o.Id == me))
            .OrderBy(o => o.DisplayName).ThenBy(o => o.UserName)
            .Select(o => new AssessorChoice(o.Id, o.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The date of each client's last assessment (clients with none are absent).</summary>
    public static async Task<Dictionary<long, DateOnly?>> LastAssessedAsync(ChatBotDb db, IReadOnlyCollection<long> clientIds, CancellationToken cancellationToken)
    {
        var dates = await db.Assessments.AsNoTracking().Where(a => clientIds.Contains(a.ClientId))
            .Select(a => new { a.ClientId, a.AssessedOn }).ToListAsync(cancellationToken);
        return dates.GroupBy(d => d.ClientId).ToDictionary(g => g.Key, g => (DateOnly?)g.Max(d => d.AssessedOn));
    }

    private static async Task<IReadOnlyList<AssessmentRow>> RowsAsync(ChatBotDb db, IQueryable<Assessment> assessments, CancellationToken cancellationToken)
    {
        var list = await assessments.AsNoTracking().ToListAsync(cancellationToken);
        var officerIds = list.Select(a => a.AssessorOfficerId).Distinct().ToList();
        var caseIds = list.Where(a => a.LitmasCaseId is not null).Select(a => a.LitmasCaseId!.Value).Distinct().ToList();
        var names = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        var cases = await db.LitmasCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.RegistrationNumber, cancellationToken);
        return [.. list.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .Select(a => new AssessmentRow(a, names.GetValueOrDefault(a.AssessorOfficerId, "-"), a.LitmasCaseId is { } id ? cases.GetValueOrDefault(id) : null))];
    }
}
