using System.Security.Claims;
using ChatBot.Bot.Logging;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// A kind of case a conversation can belong to (a complaint, an integration request, a visit
/// booking, a litmas subscription), registered by the flow that files it: whoever may not read
/// that kind of case may not read the transcript of a conversation that filed one either.
/// </summary>
/// <param name="Label">How the console names the kind, in Indonesian ("pengaduan").</param>
/// <param name="Policy">The authorization policy of the officers who may read such a case's personal data.</param>
/// <param name="ConversationIds">The conversations that filed a case of this kind.</param>
public sealed record ConversationCase(string Label, string Policy, Func<ChatBotDb, IQueryable<long>> ConversationIds);

/// <summary>What one officer may see of one conversation.</summary>
/// <param name="Transcript">The messages and what the bot collected may be shown.</param>
/// <param name="Contact">The person's full number or address and their name may be shown.</param>
/// <param name="Identity">NIK and KTP references may be shown unmasked.</param>
/// <param name="Anonymous">The person complained anonymously: nobody is shown who they are.</param>
/// <param name="RestrictedBy">The kinds of case that keep the transcript from this officer (empty when shown).</param>
public sealed record ConversationView(bool Transcript, bool Contact, bool Identity, bool Anonymous, IReadOnlyList<string> RestrictedBy)
{
    /// <summary>A message body or collected value as this officer may read it.</summary>
    public string Show(string text) => Identity ? text : PersonalDataMasker.MaskNik(text);
}

/// <summary>
/// The one rule that decides what an officer may see of a conversation's personal data. Every
/// console page that shows a message body, a contact or a person's name asks it:
/// <list type="bullet">
/// <item>nothing of a conversation of an office the officer may not see;</item>
/// <item>the transcript when the officer's role may read every case the conversation filed
/// (<see cref="ConversationCase"/>), or while the officer holds the conversation's handover;</item>
/// <item>the full address and the name under the same condition, and never for someone who complained anonymously;</item>
/// <item>NIK and KTP references unmasked only for roles that may open a KTP (<see cref="ConsoleClaims.IdentityPolicy"/>).</item>
/// </list>
/// </summary>
public sealed class ConversationAccess(
    IEnumerable<ConversationCase> cases,
    IAuthorizationService authorization,
    OfficeScope scope,
    ChatBotDbFactory factory)
{
    private readonly IReadOnlyList<ConversationCase> _cases = [.. cases];

    /// <summary>What <paramref name="user"/> may see of <paramref name="conversation"/>; null when its office is not theirs.</summary>
    public async Task<ConversationView?> DecideAsync(ClaimsPrincipal user, Conversation conversation, CancellationToken cancellationToken) =>
        (await DecideAsync(user, [(conversation.Id, conversation.OfficeId)], cancellationToken)).GetValueOrDefault(conversation.Id);

    /// <summary>
    /// What <paramref name="user"/> may see of each conversation (id and office); conversations of
    /// offices they may not see are left out of the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, ConversationView>> DecideAsync(
        ClaimsPrincipal user,
        IReadOnlyCollection<(long Id, int OfficeId)> conversations,
        CancellationToken cancellationToken)
    {
        var ids = conversations.Where(c => scope.MaySee(user, c.OfficeId)).Select(c => c.Id).Distinct().ToList();
        var views = new Dictionary<long, ConversationView>(ids.Count);
        if (ids.Count == 0)
        {
            return views;
        }

        var officerId = user.OfficerId();
        await using var db = factory.CreateDbContext();
        var held = (await db.Handovers.AsNoTracking()
            .Where(h => ids.Contains(h.ConversationId) && h.Status == HandoverStatus.Active && h.TakenByOfficerId == officerId)
            .Select(h => h.ConversationId)
            .ToListAsync(cancellationToken)).ToHashSet();
        // Someone who complained anonymously was promised that officers never see who they are.
        var anonymous = (await db.Complaints.AsNoTracking()
            .Where(c => ids.Contains(c.ConversationId) && c.Anonymous)
            .Select(c => c.ConversationId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var restricted = new Dictionary<long, List<string>>();
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var kind in _cases)
        {
            if (await AllowedAsync(user, kind.Policy, allowed))
            {
                continue;
            }

            var filed = await kind.ConversationIds(db).Where(id => ids.Contains(id)).Distinct().ToListAsync(cancellationToken);
            foreach (var id in filed)
            {
                if (!restricted.TryGetValue(id, out var labels))
                {
                    restricted[id] = labels = [];
                }

                labels.Add(kind.Label);
            }
        }

        var identity = await AllowedAsync(user, ConsoleClaims.IdentityPolicy, allowed);
        foreach (var id in ids)
        {
            var blockedBy = restricted.GetValueOrDefault(id) is { } labels && !held.Contains(id) ? labels : [];
            var transcript = blockedBy.Count == 0;
            var isAnonymous = anonymous.Contains(id);
            views[id] = new ConversationView(transcript, transcript && !isAnonymous, identity, isAnonymous, blockedBy);
        }

        return views;
    }

    private async Task<bool> AllowedAsync(ClaimsPrincipal user, string policy, Dictionary<string, bool> known)
    {
        if (!known.TryGetValue(policy, out var ok))
        {
            known[policy] = ok = (await authorization.AuthorizeAsync(user, policy)).Succeeded;
        }

        return ok;
    }
}
