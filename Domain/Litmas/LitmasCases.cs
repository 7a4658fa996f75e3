using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Litmas;

/// <summary>What a person's turn reads and changes of litmas cases.</summary>
public static class LitmasCases
{
    /// <summary>The office's case whose number has the key <paramref name="numberKey"/> (<see cref="LitmasNumber.Key"/>), read only.</summary>
    public static Task<LitmasCase?> FindByNumberAsync(UnitOfWork work, int officeId, string numberKey) =>
        work.Db.LitmasCases.AsNoTracking().SingleOrDefaultAsync(c => c.OfficeId == officeId && c.NumberKey == numberKey, work.CancellationToken);

    /// <summary>The conversation is told of the case's next stages already (subscribed in the store or earlier in this work).</summary>
    public static async Task<bool> IsSubscribedAsync(UnitOfWork work, long caseId, long conversationId) =>
        work.Db.LitmasSubscriptions.Local.Any(s => s.CaseId == caseId && s.ConversationId == conversationId)
        || await work.Db.LitmasSubscriptions.AnyAsync(s => s.CaseId == caseId && s.ConversationId == conversationId, work.CancellationToken);

    /// <summary>Has the conversation told of the case's next stages; nothing changes when it already is.</summary>
    public static async Task SubscribeAsync(UnitOfWork work, long caseId, long conversationId)
    {
        if (!await IsSubscribedAsync(work, caseId, conversationId))
        {
            work.Db.LitmasSubscriptions.Add(new LitmasSubscription { CaseId = caseId, ConversationId = conversationId, CreatedAt = work.UtcNow });
        }
    }
}
