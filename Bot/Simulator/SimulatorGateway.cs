using System.Globalization;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Channels.Inbox;
using ChatBot.Channels.Pipeline;
using ChatBot.Channels.Simulator;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Simulator;

/// <summary>A simulated phone's message; the result of sending it.</summary>
public sealed record SimulatorSendResult(long InboundMessageId, bool Duplicate);

/// <summary>The bot's answer to one message, once sent; <see cref="TimedOut"/> when it did not come in time.</summary>
public sealed record TurnReplies(long InboundMessageId, IReadOnlyList<string> Replies, bool TimedOut);

/// <summary>A line of a simulated conversation's history.</summary>
public sealed record SimulatorLine(long Id, string Direction, string Body, DateTime At, string? Status);

/// <summary>
/// The local channel's way in: the simulator page and the chat command send through the same
/// inbox as WhatsApp and e-mail, and read the answers the outbox delivered.
/// </summary>
public sealed class SimulatorGateway(InboxWriter inbox, ChatBotDbFactory factory, PipelineEvents events, TimeProvider time)
{
    /// <summary>The longest number a client may type (the stored number is its E.164 form, far shorter).</summary>
    public const int MaxFromLength = 64;

    /// <summary>The longest client message id: with the session's id in front it stays within the store's provider id.</summary>
    public const int MaxClientIdLength = 100;

    /// <summary>An office is chosen by its code, and no office code is longer.</summary>
    public const int MaxOfficeLength = 32;

    /// <summary>The longest provider message id the store keeps.</summary>
    private const int MaxProviderIdLength = 200;

    /// <summary>
    /// What is wrong with a simulated phone's input, in words for the tester (Indonesian), or null
    /// when it may be stored. Checked before anything reaches the inbox: a value too long for its
    /// column would fail the store's whole batch, everyone else's messages with it.
    /// </summary>
    public static string? InputProblem(string? from, string? clientId, string? office) =>
        from is { Length: > MaxFromLength } ? $"Nomor telepon terlalu panjang (paling banyak {MaxFromLength} karakter)."
        : clientId?.Trim() is { Length: > MaxClientIdLength } ? $"clientId terlalu panjang (paling banyak {MaxClientIdLength} karakter)."
        : office?.Trim() is { Length: > MaxOfficeLength } ? $"Kode kantor terlalu panjang (paling banyak {MaxOfficeLength} karakter)."
        : null;

    /// <summary>
    /// Stores a message from the session's number. The client's message id counts only within the
    /// session: resending it is a duplicate, another session using the same id is not.
    /// </summary>
    public Task<SimulatorSendResult?> SendAsync(
        SimulatorSessionInfo session,
        string? text,
        string? clientId,
        string? office,
        CancellationToken cancellationToken,
        IReadOnlyList<StoredAttachment>? attachments = null,
        IReadOnlyList<string>? refused = null) =>
        SendAsync(
            session.Address,
            text,
            string.IsNullOrWhiteSpace(clientId) ? null : string.Create(CultureInfo.InvariantCulture, $"{session.Id}:{clientId.Trim()}"),
            office,
            cancellationToken,
            attachments,
            refused);

    /// <summary>
    /// Stores a message from a simulated phone; <paramref name="providerId"/> (a new one when null)
    /// makes a resend a duplicate. Returns null when the number is not a phone number.
    /// </summary>
    public async Task<SimulatorSendResult?> SendAsync(
        string from,
        string? text,
        string? providerId,
        string? office,
        CancellationToken cancellationToken,
        IReadOnlyList<StoredAttachment>? attachments = null,
        IReadOnlyList<string>? refused = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(providerId?.Trim().Length ?? 0, MaxProviderIdLength, nameof(providerId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(office?.Trim().Length ?? 0, MaxOfficeLength, nameof(office));
        var phone = PhoneRecognizer.Recognize(from);
        if (!phone.Ok)
        {
            return null;
        }

        var envelope = new InboundEnvelope(
            ChannelKind.Simulator,
            string.IsNullOrWhiteSpace(providerId) ? Guid.NewGuid().ToString("N") : providerId.Trim(),
            phone.Value!,
            office?.Trim() ?? "",
            text ?? "",
            Attachments: attachments,
            MediaRefused: refused);
        var stored = await inbox.StoreAsync(envelope, cancellationToken);
        return new SimulatorSendResult(stored.InboundMessageId, stored.Duplicate);
    }

    /// <summary>Waits until the turn for <paramref name="inboundId"/> ran and its replies were sent.</summary>
    public async Task<TurnReplies> WaitForRepliesAsync(long inboundId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var changed = new Signal();
        void OnTurn(TurnCompleted e)
        {
            if (e.InboundMessageId == inboundId)
            {
                changed.Set();
            }
        }

        void OnSent(OutboundDispatched e)
        {
            if (e.InboundMessageId == inboundId)
            {
                changed.Set();
            }
        }

        events.TurnCompleted += OnTurn;
        events.OutboundDispatched += OnSent;
        try
        {
            var deadline = time.GetUtcNow() + timeout;
            while (true)
            {
                await using (var db = factory.CreateDbContext())
                {
                    var status = await db.InboundMessages.Where(m => m.Id == inboundId).Select(m => (InboundStatus?)m.Status).SingleOrDefaultAsync(cancellationToken);
                    if (status is null)
                    {
                        return new TurnReplies(inboundId, [], TimedOut: false);
                    }

                    if (status != InboundStatus.Pending)
                    {
                        var rows = await db.OutboundMessages.Where(o => o.InboundMessageId == inboundId).OrderBy(o => o.Id)
                            .Select(o => new { o.Body, o.Status }).ToListAsync(cancellationToken);
                        if (rows.All(r => r.Status != OutboundStatus.Queued))
                        {
                            return new TurnReplies(inboundId, rows.Select(r => r.Body).ToList(), TimedOut: false);
                        }
                    }
                }

                var remaining = deadline - time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    return new TurnReplies(inboundId, [], TimedOut: true);
                }

                await changed.WaitAsync(remaining < TimeSpan.FromMilliseconds(500) ? remaining : TimeSpan.FromMilliseconds(500), time, cancellationToken);
            }
        }
        finally
        {
            events.TurnCompleted -= OnTurn;
            events.OutboundDispatched -= OnSent;
        }
    }

    /// <summary>
    /// The latest lines of a simulated phone's conversations, oldest first; with
    /// <paramref name="since"/>, only what was written to and from the number from then on.
    /// </summary>
    public async Task<IReadOnlyList<SimulatorLine>> HistoryAsync(string from, int limit, CancellationToken cancellationToken, DateTime? since = null)
    {
        var phone = PhoneRecognizer.Recognize(from);
        if (!phone.Ok)
        {
            return [];
        }

        await using var db = factory.CreateDbContext();
        var inboundQuery = db.InboundMessages.AsNoTracking()
            .Where(m => m.Channel == ChannelKind.Simulator && m.From == phone.Value && !m.SystemTurn);
        // Only the conversation the number has now: one a previous holder left behind was detached
        // from the number when the next session claimed it, whatever address its rows still carry.
        var outboundQuery = db.OutboundMessages.AsNoTracking()
            .Where(m => m.Channel == ChannelKind.Simulator && m.To == phone.Value && m.Status != OutboundStatus.Queued
                && m.Conversation!.UserAddress == phone.Value);
        if (since is { } start)
        {
            inboundQuery = inboundQuery.Where(m => m.ReceivedAt >= start);
            // A reply belongs to the time of the message it answers: an answer to the previous
            // holder's last message, sent a moment after the number changed hands, stays theirs.
            outboundQuery = outboundQuery.Where(m => m.InboundMessageId == null
                ? m.CreatedAt >= start
                : db.InboundMessages.Any(i => i.Id == m.InboundMessageId && i.ReceivedAt >= start));
        }

        var inbound = await inboundQuery
            .OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new SimulatorLine(m.Id, "in", m.Body ?? "", m.ReceivedAt, null))
            .ToListAsync(cancellationToken);
        var outbound = await outboundQuery
            .OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new SimulatorLine(m.Id, "out", m.Body, m.SentAt ?? m.CreatedAt, m.Status.ToString()))
            .ToListAsync(cancellationToken);
        return inbound.Concat(outbound).OrderBy(l => l.At).ThenBy(l => l.Direction == "in" ? 0 : 1).TakeLast(limit).ToList();
    }

    /// <summary>
    /// Whether <paramref name="inboundId"/> is a simulator message the session's number sent while
    /// the session held it. Anything else (another number, WhatsApp, e-mail, an earlier holder,
    /// an unknown id) looks the same to the caller.
    /// </summary>
    public async Task<bool> IsOwnMessageAsync(SimulatorSessionInfo session, long inboundId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await IsOwnMessageAsync(db, session, inboundId, cancellationToken);
    }

    /// <summary>Whether the session may see a message the simulator channel just delivered.</summary>
    public async Task<bool> SeesAsync(SimulatorSessionInfo session, SimulatorDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.To != session.Address)
        {
            return false;
        }

        await using var db = factory.CreateDbContext();
        if (!await db.SimulatorSessions.AnyAsync(s => s.Id == session.Id, cancellationToken))
        {
            return false;
        }

        // Written for a conversation the number no longer has (a writer that read it before the
        // number changed hands): the previous holder's, never this session's.
        if (!await db.OutboundMessages.AnyAsync(o => o.Id == delivery.OutboundId && o.Conversation!.UserAddress == session.Address, cancellationToken))
        {
            return false;
        }

        return delivery.InboundMessageId is { } inboundId
            ? await IsOwnMessageAsync(db, session, inboundId, cancellationToken)
            : delivery.CreatedAt >= session.StartedAt;
    }

    private static Task<bool> IsOwnMessageAsync(ChatBotDb db, SimulatorSessionInfo session, long inboundId, CancellationToken cancellationToken) =>
        db.InboundMessages.AnyAsync(
            m => m.Id == inboundId && m.Channel == ChannelKind.Simulator && m.From == session.Address && m.ReceivedAt >= session.StartedAt,
            cancellationToken);
}
