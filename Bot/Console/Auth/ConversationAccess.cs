using System.Security.Claims;
using System.Text.Json;
using ChatBot.Bot.Logging;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// A kind of case a conversation can take part in (a complaint, an integration request, a visit
/// booking, a litmas lookup), registered by the flow that serves it: whoever may not read that kind
/// of case may not read the messages of that flow either, finished or not.
/// </summary>
/// <param name="Label">How the console names the kind, in Indonesian ("pengaduan").</param>
/// <param name="Policy">The authorization policy of the officers who may read such a case's personal data.</param>
/// <param name="FlowId">The flow's dialog id: messages tagged with it or its own dialogs (<c>flow.part</c>) belong to the kind.</param>
/// <param name="ConversationIds">The conversations that filed a case of this kind.</param>
/// <param name="AnonymousConversationIds">
/// The conversations whose case of this kind was filed anonymously: nobody may see who they are, so
/// those who read the case see nothing else of the conversation, and nobody sees the address.
/// </param>
/// <param name="ConversationsKeptFrom">
/// Of the conversations of this kind, those a given officer (role, id) may not read although the
/// policy admits their role: a case shown to fewer people (an extortion complaint, for the head and
/// the official responsible only) keeps its conversation from everyone else too.
/// </param>
public sealed record ConversationCase(
    string Label,
    string Policy,
    string FlowId,
    Func<ChatBotDb, IQueryable<long>> ConversationIds,
    Func<ChatBotDb, IQueryable<long>>? AnonymousConversationIds = null,
    Func<ChatBotDb, Domain.Officers.OfficerRole, int, IQueryable<long>>? ConversationsKeptFrom = null);

/// <summary>What one officer may see of one conversation.</summary>
public sealed class ConversationView
{
    private readonly IReadOnlyList<string> _hiddenFlows;
    private readonly string? _onlyFlow;

    internal ConversationView(bool complete, bool anonymous, bool identity, IReadOnlyList<string> hiddenFlows, string? onlyFlow)
    {
        Complete = complete;
        Anonymous = anonymous;
        Identity = identity;
        _hiddenFlows = hiddenFlows;
        _onlyFlow = onlyFlow;
    }

    /// <summary>Nothing of the conversation is kept from this officer (every line is shown).</summary>
    public bool Complete { get; }

    /// <summary>The person filed a case anonymously (only told to those who read that case).</summary>
    public bool Anonymous { get; }

    /// <summary>NIKs may be shown unmasked.</summary>
    public bool Identity { get; }

    /// <summary>The person's name and full address may be shown.</summary>
    public bool Contact => Complete && !Anonymous;

    /// <summary>
    /// Whether a line tagged with <paramref name="flows"/> (<see cref="FlowTags"/>) may be shown: no
    /// flow of it is one this officer may not read. A line stored before lines were tagged is shown
    /// only when nothing of the conversation is kept from the officer.
    /// </summary>
    public bool MayRead(string? flows)
    {
        if (flows is null)
        {
            return Complete && _onlyFlow is null;
        }

        var ids = FlowTags.Parse(flows).ToList();
        if (_onlyFlow is not null && ids.Any(id => !FlowTags.BelongsTo(id, _onlyFlow)))
        {
            return false;
        }

        return !ids.Any(id => _hiddenFlows.Any(flow => FlowTags.BelongsTo(id, flow)));
    }

    /// <summary>A message body or collected value as this officer may read it.</summary>
    public string Show(string text) =>
        Anonymous ? PersonalDataMasker.Mask(text) : Identity ? text : PersonalDataMasker.MaskNik(text);
}

/// <summary>
/// The one rule that decides what an officer may see of a conversation's personal data. Every
/// console page that shows a message body, a contact or a person's name asks it:
/// <list type="bullet">
/// <item>nothing of a conversation of an office the officer may not see;</item>
/// <item>a line only when the officer's role may read every flow it belongs to (the kinds of case
/// the flows register with <see cref="ConversationCase"/>), or while the officer holds the
/// conversation's handover;</item>
/// <item>the full address and the name only when nothing of the conversation is kept from the
/// officer, and never for someone who filed anonymously: those who read the anonymous case see
/// only that case, fully masked; others see the rest without learning there is such a case;</item>
/// <item>NIKs unmasked only for roles that may open a KTP (<see cref="ConsoleClaims.IdentityPolicy"/>).</item>
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

        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var hidden = new List<ConversationCase>();
        foreach (var kind in _cases)
        {
            if (!await AllowedAsync(user, kind.Policy, allowed))
            {
                hidden.Add(kind);
            }
        }

        var identity = await AllowedAsync(user, ConsoleClaims.IdentityPolicy, allowed);
        var officerId = user.OfficerId();
        await using var db = factory.CreateDbContext();
        var held = (await db.Handovers.AsNoTracking()
            .Where(h => ids.Contains(h.ConversationId) && h.Status == HandoverStatus.Active && h.TakenByOfficerId == officerId)
            .Select(h => h.ConversationId)
            .ToListAsync(cancellationToken)).ToHashSet();

        // Which flows each conversation has taken part in: what it filed, what its lines are tagged
        // with, and the flows on its dialog stack now or when it asked for an officer.
        var touched = ids.ToDictionary(id => id, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var kind in _cases)
        {
            foreach (var id in await kind.ConversationIds(db).Where(id => ids.Contains(id)).Distinct().ToListAsync(cancellationToken))
            {
                touched[id].Add(kind.FlowId);
            }
        }

        foreach (var (id, tag) in await TagsAsync(db, ids, cancellationToken))
        {
            touched[id].UnionWith(FlowTags.Parse(tag));
        }

        var stacks = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id) && c.DialogState != null)
            .Select(c => new { c.Id, State = c.DialogState! })
            .Concat(db.Handovers.AsNoTracking().Where(h => ids.Contains(h.ConversationId) && h.CollectedState != null)
                .Select(h => new { Id = h.ConversationId, State = h.CollectedState! }))
            .ToListAsync(cancellationToken);
        foreach (var stack in stacks)
        {
            touched[stack.Id].UnionWith(StackDialogIds(stack.State));
        }

        // Cases this officer's role may read in general but not this one: hidden for that conversation only.
        var keptFrom = ids.ToDictionary(id => id, _ => new List<ConversationCase>());
        foreach (var kind in _cases.Where(k => k.ConversationsKeptFrom is not null && !hidden.Contains(k)))
        {
            foreach (var id in await kind.ConversationsKeptFrom!(db, user.Role(), officerId).Where(id => ids.Contains(id)).Distinct().ToListAsync(cancellationToken))
            {
                keptFrom[id].Add(kind);
            }
        }

        var anonymous = new Dictionary<long, ConversationCase>();
        foreach (var kind in _cases.Where(k => k.AnonymousConversationIds is not null))
        {
            foreach (var id in await kind.AnonymousConversationIds!(db).Where(id => ids.Contains(id)).Distinct().ToListAsync(cancellationToken))
            {
                anonymous.TryAdd(id, kind);
            }
        }

        foreach (var id in ids)
        {
            var hiddenHere = held.Contains(id) ? [] : hidden.Concat(keptFrom[id]).ToList();
            var mayReadAll = !touched[id].Any(flow => hiddenHere.Any(kind => FlowTags.BelongsTo(flow, kind.FlowId)));
            var hiddenFlows = hiddenHere.Select(k => k.FlowId).ToList();
            if (anonymous.TryGetValue(id, out var anonymousCase) && !hiddenHere.Contains(anonymousCase))
            {
                // Reads the anonymous case: sees that case only, masked, and never who filed it.
                views[id] = new ConversationView(mayReadAll, anonymous: true, identity: false, hiddenFlows, onlyFlow: anonymousCase.FlowId);
            }
            else
            {
                // Someone who may not read an anonymous case is not told there is one.
                views[id] = new ConversationView(mayReadAll && !anonymous.ContainsKey(id), anonymous: false, identity, hiddenFlows, onlyFlow: null);
            }
        }

        return views;
    }

    private static async Task<List<(long Id, string Tag)>> TagsAsync(ChatBotDb db, List<long> ids, CancellationToken cancellationToken)
    {
        var inbound = await db.InboundMessages.AsNoTracking()
            .Where(m => m.ConversationId != null && ids.Contains(m.ConversationId.Value) && m.Flows != null && m.Flows != "")
            .Select(m => new { Id = m.ConversationId!.Value, Tag = m.Flows! })
            .Distinct()
            .ToListAsync(cancellationToken);
        var outbound = await db.OutboundMessages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Flows != null && m.Flows != "")
            .Select(m => new { Id = m.ConversationId, Tag = m.Flows! })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. inbound.Concat(outbound).Select(t => (t.Id, t.Tag))];
    }

    /// <summary>The dialog ids on a stored dialog stack (<c>{"stack":[{"id":…},…]}</c>); none when it cannot be read.</summary>
    private static IEnumerable<string> StackDialogIds(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("stack", out var stack) && stack.ValueKind == JsonValueKind.Array)
            {
                return [.. stack.EnumerateArray()
                    .Select(i => i.TryGetProperty("id", out var id) ? id.GetString() : null)
                    .OfType<string>()];
            }
        }
        catch (JsonException)
        {
            // Unreadable: the lines' own tags still decide.
        }

        return [];
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
