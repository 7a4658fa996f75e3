using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Outreach;

/// <summary>What the requester's turn reads and changes while rating an outreach session.</summary>
public static class OutreachSurvey
{
    /// <summary>The request, to rate, when <paramref name="conversationId"/> filed it (only the requester rates); null otherwise.</summary>
    public static async Task<OutreachRequest?> FindOwnAsync(UnitOfWork work, long requestId, long conversationId) =>
        await work.Db.OutreachRequests.FindAsync([requestId], work.CancellationToken) is { } request && request.ConversationId == conversationId
            ? request
            : null;

    /// <summary>The request with <paramref name="code"/> in the office, when <paramref name="conversationId"/> filed it; null otherwise.</summary>
    public static Task<OutreachRequest?> FindOwnAsync(UnitOfWork work, int officeId, string code, long conversationId) =>
        work.Db.OutreachRequests.SingleOrDefaultAsync(r => r.Code == code && r.OfficeId == officeId && r.ConversationId == conversationId, work.CancellationToken);
}
