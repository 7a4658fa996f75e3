using System.Security.Claims;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Complaints;

/// <summary>One row of the complaint list: never the complainant's name or address.</summary>
public sealed record ComplaintRow(
    long Id,
    string Code,
    int OfficeId,
    ComplaintCategory Category,
    ComplaintStatus Status,
    DateTime ReceivedAt,
    DateOnly VerificationDue,
    DateOnly AnswerDue,
    bool VerificationLate,
    bool AnswerLate,
    string? Responsible,
    bool DueToday = false)
{
    public bool Late => VerificationLate || AnswerLate;
}

/// <summary>
/// Satisfaction survey results (the office's IKM figure): how many answered, the average, how many gave each
/// score, over complaints and outreach sessions (<see cref="ComplaintResponses"/> and <see cref="OutreachResponses"/> of them).
/// </summary>
public sealed record SurveySummary(int Responses, double? Average, IReadOnlyList<int> PerScore, IReadOnlyList<(string Code, int Score, string Comment)> RecentComments, int ComplaintResponses = 0, int OutreachResponses = 0);

/// <summary>The complaint list: open complaints with their deadlines (late ones first), and the survey results.</summary>
public sealed class ComplaintQueries(ChatBotDbFactory factory, OfficeDirectory offices, TimeProvider time)
{
    public const int ClosedShown = 50;

    public async Task<IReadOnlyList<ComplaintRow>> ListAsync(IReadOnlyCollection<int> officeIds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var visible = db.Complaints.AsNoTracking().Where(ComplaintRules.VisibleTo(user.Role(), user.OfficerId()));
        var open = await visible
            .Where(c => officeIds.Contains(c.OfficeId) && c.Status != ComplaintStatus.Closed)
            .ToListAsync(cancellationToken);
        var closed = await visible
            .Where(c => officeIds.Contains(c.OfficeId) && c.Status == ComplaintStatus.Closed)
            .OrderByDescending(c => c.Id)
            .Take(ClosedShown)
            .ToListAsync(cancellationToken);
        var officerIds = open.Concat(closed).Select(c => c.ResponsibleOfficerId).OfType<int>().Distinct().ToList();
        var names = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return open.Concat(closed)
            .Select(c =>
            {
                var today = offices.Find(c.OfficeId)?.LocalDate(now) ?? DateOnly.FromDateTime(now);
                // Due today: the deadline of the step it waits for is today, and it is not late.
                var due = c.Status != ComplaintStatus.Closed && !c.IsLate(today)
                    && (c.Status == ComplaintStatus.Received ? c.VerificationDue : c.AnswerDue) == today;
                return new ComplaintRow(c.Id, c.Code, c.OfficeId, c.Category, c.Status, c.ReceivedAt, c.VerificationDue, c.AnswerDue,
                    c.VerificationLate(today), c.AnswerLate(today), c.ResponsibleOfficerId is { } r ? names.GetValueOrDefault(r) : null, due);
            })
            .OrderBy(r => r.Status == ComplaintStatus.Closed)
            .ThenByDescending(r => r.Late)
            .ThenBy(r => r.AnswerDue)
            .ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>
    /// The IKM figure: the ratings of complaints the officer may see and, for the roles that handle outreach
    /// requests (<see cref="Domain.Outreach.OutreachRules.Viewers"/>), of outreach sessions, together.
    /// </summary>
    public async Task<SurveySummary> SurveyAsync(IReadOnlyCollection<int> officeIds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var complaints = await db.Complaints.AsNoTracking().Where(ComplaintRules.VisibleTo(user.Role(), user.OfficerId()))
            .Where(c => officeIds.Contains(c.OfficeId) && c.SurveyScore != null)
            .Select(c => new { c.Code, Score = c.SurveyScore!.Value, c.SurveyComment, c.SurveyAt })
            .ToListAsync(cancellationToken);
        var outreach = Domain.Outreach.OutreachRules.MayView(user.Role())
            ? await db.OutreachRequests.AsNoTracking()
                .Where(r => officeIds.Contains(r.OfficeId) && r.SurveyScore != null)
                .Select(r => new { r.Code, Score = r.SurveyScore!.Value, r.SurveyComment, r.SurveyAt })
                .ToListAsync(cancellationToken)
            : [];
        var rated = complaints.Concat(outreach).ToList();
        var perScore = Enumerable.Range(1, 5).Select(score => rated.Count(r => r.Score == score)).ToList();
        var comments = rated.Where(r => !string.IsNullOrWhiteSpace(r.SurveyComment))
            .OrderByDescending(r => r.SurveyAt)
            .Take(5)
            .Select(r => (r.Code, r.Score, r.SurveyComment!))
            .ToList();
        return new SurveySummary(rated.Count, rated.Count == 0 ? null : rated.Average(r => r.Score), perScore, comments, complaints.Count, outreach.Count);
    }
}
