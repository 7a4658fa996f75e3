using ChatBot.Domain.Persistence;

namespace ChatBot.Domain.Complaints;

/// <summary>What the complainant's turn reads and changes while rating the answer.</summary>
public static class ComplaintSurvey
{
    /// <summary>The complaint, to rate, when <paramref name="conversationId"/> filed it (only the complainant rates); null otherwise.</summary>
    public static async Task<Complaint?> FindOwnAsync(UnitOfWork work, long complaintId, long conversationId) =>
        await work.Db.Complaints.FindAsync([complaintId], work.CancellationToken) is { } complaint && complaint.ConversationId == conversationId
            ? complaint
            : null;
}
