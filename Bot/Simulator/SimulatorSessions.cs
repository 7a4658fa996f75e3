using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Channels.Simulator;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Simulator;

/// <summary>A live simulator session: the number it holds and since when it sees that number's chat.</summary>
public sealed record SimulatorSessionInfo(long Id, string Address, DateTime StartedAt);

/// <summary>What claiming a simulated number gave.</summary>
public abstract record SimulatorClaim
{
    /// <summary>The number is this client's now; <see cref="Token"/> is shown once and never stored.</summary>
    public sealed record Claimed(string Token, string Address) : SimulatorClaim;

    /// <summary>Another tab or chat process holds the number and is still active.</summary>
    public sealed record InUse : SimulatorClaim;

    public sealed record InvalidNumber : SimulatorClaim;
}

/// <summary>
/// Who may use which simulated number. A client claims a number and receives an unguessable token
/// that it sends with every other simulator request; at most one client holds a number until it
/// ends the session or leaves it idle for <see cref="SimulatorOptions.SessionIdleTimeout"/>. Sessions
/// live in the store (only the token's SHA-256), so a restart or another instance knows them.
/// </summary>
public sealed class SimulatorSessions(ChatBotDbFactory factory, SimulatorOptions options, TimeProvider time)
{
    /// <summary>The request header that carries the token.</summary>
    public const string Header = "X-Simulator-Session";

    /// <summary>The query parameter that carries the token where a header cannot be set (EventSource).</summary>
    public const string QueryParameter = "session";

    /// <summary>Activity is written to the store at most this often per session.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private const int TokenBytes = 32;

    public async Task<SimulatorClaim> ClaimAsync(string? from, CancellationToken cancellationToken)
    {
        var phone = PhoneRecognizer.Recognize(from ?? "");
        if (!phone.Ok)
        {
            return new SimulatorClaim.InvalidNumber();
        }

        var address = phone.Value!;
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var write = await factory.BeginWriteAsync(db, cancellationToken);
        // Sessions idle too long are over (every number's, so tabs that never came back leave nothing
        // behind): their tokens stop working and their numbers are free.
        var expired = now - options.SessionIdleTimeout;
        await db.SimulatorSessions.Where(s => s.LastSeenAt <= expired).ExecuteDeleteAsync(cancellationToken);
        if (await db.SimulatorSessions.AnyAsync(s => s.Address == address, cancellationToken))
        {
            await write.CommitAsync(cancellationToken);
            return new SimulatorClaim.InUse();
        }

        var session = new SimulatorSession { TokenHash = Hash(token)!, Address = address, StartedAt = now, LastSeenAt = now };
        db.SimulatorSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Another instance claimed the number at the same moment.
            return new SimulatorClaim.InUse();
        }

        await DetachConversationsAsync(db, address, session.Id, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return new SimulatorClaim.Claimed(token, address);
    }

    /// <summary>
    /// A new holder starts a new conversation: the simulator conversations the number had (one per
    /// office) are moved to an address no phone has, <c>+62…#</c> and the claiming session's id
    /// (never reused, so unique for each office). They keep their records for officers, but the
    /// number no longer reaches them and they no longer reach the number: its next message opens a
    /// fresh conversation (language, dialog, handover, ownership of request codes all new), and
    /// what is written to the old ones (officer replies, reminders, answers) goes to the moved
    /// address, including rows already waiting in the outbox. The previous holder's messages not
    /// yet answered move with them, so their turns run in the old conversation. The session's
    /// own reloads keep its conversation: only a claim moves it.
    /// </summary>
    private static async Task DetachConversationsAsync(ChatBotDb db, string address, long sessionId, CancellationToken cancellationToken)
    {
        var detached = DetachedAddress(address, sessionId);
        var conversations = await db.Conversations
            .Where(c => c.Channel == ChannelKind.Simulator && c.UserAddress == address)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        if (conversations.Count > 0)
        {
            // A new revision: a writer that read a conversation before (and may still hold its old
            // address) fails its optimistic check and reads it again.
            await db.Conversations.Where(c => conversations.Contains(c.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.UserAddress, detached).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
            await db.OutboundMessages
                .Where(m => conversations.Contains(m.ConversationId) && (m.Status == OutboundStatus.Queued || m.Status == OutboundStatus.NeedsTemplate))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.To, detached), cancellationToken);
        }

        await db.InboundMessages
            .Where(m => m.Channel == ChannelKind.Simulator && m.From == address && m.Status == InboundStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.From, detached), cancellationToken);
    }

    /// <summary>The address a conversation a number had moves to when session <paramref name="sessionId"/> claims the number.</summary>
    public static string DetachedAddress(string address, long sessionId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{address}#{sessionId}");

    /// <summary>
    /// The live session this token belongs to, or null (unknown, ended or idle too long). Counts as
    /// activity: keeps the session alive.
    /// </summary>
    public async Task<SimulatorSessionInfo?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (Hash(token) is not { } hash)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var session = await db.SimulatorSessions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (session is null || !IsLive(session, now))
        {
            return null;
        }

        if (now - session.LastSeenAt >= TouchInterval)
        {
            using var gate = await factory.Gate.EnterAsync(cancellationToken);
            await db.SimulatorSessions.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        return new SimulatorSessionInfo(session.Id, session.Address, session.StartedAt);
    }

    /// <summary>Ends the session: its token stops working and its number is free. False when there was none.</summary>
    public async Task<bool> EndAsync(string? token, CancellationToken cancellationToken)
    {
        if (Hash(token) is not { } hash)
        {
            return false;
        }

        await using var db = factory.CreateDbContext();
        using var gate = await factory.Gate.EnterAsync(cancellationToken);
        return await db.SimulatorSessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Whether the session still exists (it was not ended and its number not taken over).</summary>
    public async Task<bool> ExistsAsync(SimulatorSessionInfo session, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.SimulatorSessions.AnyAsync(s => s.Id == session.Id, cancellationToken);
    }

    /// <summary>The token a request carries: the header, or (where allowed) the query parameter.</summary>
    public static string? TokenOf(HttpRequest request, bool allowQuery = false)
    {
        var header = request.Headers[Header].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        return allowQuery ? request.Query[QueryParameter].ToString() : null;
    }

    private bool IsLive(SimulatorSession session, DateTime now) => now - session.LastSeenAt < options.SessionIdleTimeout;

    private static string? Hash(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > 128
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
