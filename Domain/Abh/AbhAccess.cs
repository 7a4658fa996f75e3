using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Abh;

/// <summary>
/// Who may see a child's data (initials, age, where held, the alleged offence) and the request letter:
/// the roles that handle ABH (<see cref="AbhRules.HandlingRoles"/>: head, Kasubsi, PK) and the officer on
/// duty for the request, whatever their role. Everyone else sees the request masked.
/// </summary>
public static class AbhAccess
{
    /// <summary>
    /// The officer is on duty for <paramref name="request"/>: they were alerted about it, their shift covered
    /// its arrival, or, while it is still open, their shift covers <paramref name="nowUtc"/>.
    /// </summary>
    public static async Task<bool> IsOnDutyForAsync(ChatBotDb db, AbhRequest request, Officer officer, DateTime nowUtc, CancellationToken cancellationToken) =>
        officer.OfficeId == request.OfficeId
        && (await db.AbhAlerts.AnyAsync(a => a.AbhRequestId == request.Id && a.OfficerId == officer.Id, cancellationToken)
            || await DutyRoster.WasOnDutyAsync(db, request.OfficeId, officer.Id, request.ReceivedAt, cancellationToken)
            || (request.ClosedAt is null && await DutyRoster.WasOnDutyAsync(db, request.OfficeId, officer.Id, nowUtc, cancellationToken)));

    /// <summary>Whether <paramref name="officer"/> may see the child's data and the letter of <paramref name="request"/>.</summary>
    public static async Task<bool> MaySeeChildAsync(ChatBotDb db, AbhRequest request, Officer officer, DateTime nowUtc, CancellationToken cancellationToken) =>
        officer.OfficeId == request.OfficeId
        && (AbhRules.HandlesAbh(officer.Role) || await IsOnDutyForAsync(db, request, officer, nowUtc, cancellationToken));
}
