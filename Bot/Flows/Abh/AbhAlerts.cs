using System.Text.Json;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>
/// Alerts about ABH requests waiting for a step, and their escalations, at any hour. When a request
/// comes to a waiting state, whoever must take the step is alerted (level 0): for a new request the
/// officers first in rank among those on duty, then the head for the disposition, the Kasubsi chosen
/// for the appointment, the PK appointed for setting off. When the step is not taken within
/// <see cref="AbhOptions.EscalateAfterMinutes"/>, the next officers on duty by rank not alerted yet are
/// (level 1); <see cref="AbhOptions.HeadAfterMinutes"/> later, the head of office (level 2). Nobody at
/// a level: the next one at once. Every alert is an <see cref="AbhAlert"/> row and a message to the
/// officer's WhatsApp (a Content template by its topic when their 24-hour window is closed) and
/// e-mail; a step taken resolves its alerts (<see cref="AbhRequests"/>). Runs serially in a process.
/// </summary>
public sealed class AbhAlerts(
    ChatBotDbFactory factory,
    OfficeDirectory offices,
    AbhOptions options,
    DomainEvents events,
    TimeProvider time,
    ILogger<AbhAlerts> logger)
{
    /// <summary>Outbox topic of every alert (<c>Channels:WhatsApp:Templates:abh-alert</c>).</summary>
    public const string Topic = "abh-alert";

    /// <summary>The console event kind of a new alert (the layout's alarm listens for it).</summary>
    public const string EventKind = "abh-alert";

    /// <summary>The flow tag of alert messages: part of the ABH flow, so kept from those who may not read ABH cases.</summary>
    public const string Flow = AbhFormDialog.DialogId + ".alert";

    public const int HeadLevel = 2;

    private readonly SemaphoreSlim _serial = new(1, 1);

    /// <summary>Requests (and the step they wait for) already reported as having nobody to alert: said once, not on every pass.</summary>
    private readonly HashSet<(long RequestId, AbhRequestStatus Waiting)> _nobodyReported = [];

    /// <summary>Sends the alerts and escalations due now; returns how many alert rows it made.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        await _serial.WaitAsync(cancellationToken);
        try
        {
            return await PassAsync(cancellationToken);
        }
        finally
        {
            _serial.Release();
        }
    }

    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var waiting = AbhRules.Waiting.ToList();
        var requests = await db.AbhRequests.Where(r => waiting.Contains(r.Status) && r.ErasedAt == null).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (requests.Count == 0)
        {
            return 0;
        }

        var ids = requests.Select(r => r.Id).ToList();
        var alerts = await db.AbhAlerts.Where(a => ids.Contains(a.AbhRequestId)).ToListAsync(cancellationToken);
        var conversations = new Dictionary<(ChannelKind, string), Conversation>();
        var made = new List<(AbhRequest Request, AbhAlert Alert)>();
        foreach (var request in requests)
        {
            if (offices.Find(request.OfficeId) is not { } office)
            {
                continue;
            }

            var mine = alerts.Where(a => a.AbhRequestId == request.Id).ToList();
            // A step taken elsewhere without resolving (should not happen): its alerts are over now.
            foreach (var stale in mine.Where(a => a.Waiting != request.Status && a.ResolvedAt is null))
            {
                stale.ResolvedAt = now;
            }

            var current = mine.Where(a => a.Waiting == request.Status).ToList();
            if (NextLevel(current, now) is not { } level)
            {
                continue;
            }

            var alerted = current.Select(a => a.OfficerId).ToHashSet();
            for (; level <= HeadLevel; level++)
            {
                var recipients = await RecipientsAsync(db, request, level, alerted, now, cancellationToken);
                if (recipients.Count == 0)
                {
                    continue;
                }

                foreach (var officer in recipients)
                {
                    var alert = new AbhAlert { AbhRequestId = request.Id, Waiting = request.Status, OfficerId = officer.Id, Level = level, SentAt = now };
                    db.AbhAlerts.Add(alert);
                    made.Add((request, alert));
                    await QueueMessagesAsync(db, conversations, office, request, officer, level, current, now, cancellationToken);
                }

                break;
            }

            if (level > HeadLevel && current.Count == 0 && _nobodyReported.Add((request.Id, request.Status)))
            {
                logger.LogWarning("Nobody to alert about ABH request {RequestId} in office {OfficeId}: no one on duty and no head of office", request.Id, request.OfficeId);
            }
        }

        if (made.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            return 0;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
            {
                // A conversation was created by the officer's own message meanwhile: the next pass sends it.
                logger.LogInformation("ABH alerts postponed to the next pass (a conversation was created meanwhile)");
                return 0;
            }

            await scope.CommitAsync(cancellationToken);
        }

        if (made.Count > 0)
        {
            events.Publish(new MessagesQueued());
            foreach (var request in made.Select(m => m.Request).Distinct())
            {
                events.Publish(new RecordChanged(EventKind, request.OfficeId, $"abh/{request.Id}"));
            }

            logger.LogInformation("Sent {Count} ABH alert(s)", made.Count);
        }

        return made.Count;
    }

    /// <summary>The level to alert at now, or null when nothing is due (alerted recently, or the head was alerted already).</summary>
    private int? NextLevel(IReadOnlyList<AbhAlert> current, DateTime now)
    {
        if (current.Count == 0)
        {
            return 0;
        }

        if (current.Any(a => a.ResolvedAt is not null))
        {
            return null;
        }

        var last = current.Max(a => a.Level);
        if (last >= HeadLevel)
        {
            return null;
        }

        var sent = current.Where(a => a.Level == last).Max(a => a.SentAt);
        var wait = last == 0 ? options.EscalateAfter : options.HeadAfter;
        return now - sent >= wait ? last + 1 : null;
    }

    /// <summary>Who is alerted at <paramref name="level"/> about the step <paramref name="request"/> waits for (never anyone alerted about it already).</summary>
    private static async Task<List<Officer>> RecipientsAsync(ChatBotDb db, AbhRequest request, int level, HashSet<int> alerted, DateTime now, CancellationToken cancellationToken)
    {
        List<int> ids;
        if (level == 0)
        {
            ids = request.Status switch
            {
                AbhRequestStatus.Received => FirstRank(await DutyRoster.OnDutyAsync(db, request.OfficeId, now, cancellationToken), alerted),
                AbhRequestStatus.WithHead => await HeadsAsync(db, request.OfficeId, cancellationToken),
                AbhRequestStatus.Disposed => request.KasubsiOfficerId is { } kasubsi ? [kasubsi] : [],
                AbhRequestStatus.Appointed => request.PkOfficerId is { } pk ? [pk] : [],
                _ => [],
            };
        }
        else if (level == 1)
        {
            ids = FirstRank(await DutyRoster.OnDutyAsync(db, request.OfficeId, now, cancellationToken), alerted);
        }
        else
        {
            ids = await HeadsAsync(db, request.OfficeId, cancellationToken);
        }

        ids = [.. ids.Where(id => !alerted.Contains(id)).Distinct()];
        return ids.Count == 0
            ? []
            : await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Active && o.OfficeId == request.OfficeId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Of those on duty not alerted yet, the ones first in rank.</summary>
    private static List<int> FirstRank(List<OnDutyOfficer> onDuty, HashSet<int> alerted)
    {
        var left = onDuty.Where(o => !alerted.Contains(o.OfficerId)).ToList();
        return left.Count == 0 ? [] : [.. left.Where(o => o.Rank == left[0].Rank).Select(o => o.OfficerId)];
    }

    private static Task<List<int>> HeadsAsync(ChatBotDb db, int officeId, CancellationToken cancellationToken) =>
        db.Officers.AsNoTracking().Where(o => o.OfficeId == officeId && o.Active && o.Role == OfficerRole.Kepala).Select(o => o.Id).ToListAsync(cancellationToken);

    /// <summary>The alert to the officer's WhatsApp and e-mail, whichever they have (both when both), in Indonesian.</summary>
    private async Task QueueMessagesAsync(
        ChatBotDb db,
        Dictionary<(ChannelKind, string), Conversation> conversations,
        Office office,
        AbhRequest request,
        Officer officer,
        int level,
        IReadOnlyList<AbhAlert> earlier,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var texts = AbhTexts.Indonesian;
        var waitingFor = texts.WaitingFor[request.Status];
        var since = earlier.Count == 0 ? now : earlier.Min(a => a.SentAt);
        var body = level switch
        {
            0 when request.Status == AbhRequestStatus.Received => texts.AlertNew(request.Code, texts.Institution(request), texts.When(office, request.ReceivedAt)),
            0 => texts.AlertWaiting(request.Code, waitingFor),
            _ => texts.AlertEscalated(request.Code, waitingFor, texts.When(office, since), level == HeadLevel ? texts.AsHead : texts.AsNextOnDuty),
        };
        var link = string.IsNullOrWhiteSpace(options.ConsoleUrl) ? null : $"{options.ConsoleUrl.TrimEnd('/')}/console/abh/{request.Id}";
        body = $"{body}\n{texts.OpenConsole(link)}";
        // Template variables (WhatsApp outside the window) and the e-mail's subject; nothing of the child.
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["subject"] = texts.AlertSubject(request.Code),
            ["code"] = request.Code,
            ["waiting"] = waitingFor,
            ["level"] = level.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (officer.Phone is { Length: > 0 } phone)
        {
            var conversation = await ConversationAsync(db, conversations, office.Id, ChannelKind.WhatsApp, phone, officer, now, cancellationToken);
            db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, OutboundKind.Proactive, now, Topic, payload, Flow));
        }

        if (officer.Email is { Length: > 0 } email)
        {
            var conversation = await ConversationAsync(db, conversations, office.Id, ChannelKind.Email, email.Trim().ToLowerInvariant(), officer, now, cancellationToken);
            db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, OutboundKind.Proactive, now, Topic, payload, Flow));
        }
    }

    /// <summary>The conversation an officer is reached on by <paramref name="channel"/> (made when there is none yet); guidance notices to PKs use it too.</summary>
    internal static async Task<Conversation> ConversationAsync(
        ChatBotDb db,
        Dictionary<(ChannelKind, string), Conversation> made,
        int officeId,
        ChannelKind channel,
        string address,
        Officer officer,
        DateTime now,
        CancellationToken cancellationToken)
    {
        if (made.TryGetValue((channel, address), out var known))
        {
            return known;
        }

        var found = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.OfficeId == officeId && c.Channel == channel && c.UserAddress == address, cancellationToken);
        if (found is null)
        {
            found = new Conversation
            {
                OfficeId = officeId,
                Channel = channel,
                UserAddress = address,
                DisplayName = officer.DisplayName,
                Language = "id",
                CreatedAt = now,
                LastInboundAt = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
                LastActivityAt = now,
            };
            db.Conversations.Add(found);
        }

        made[(channel, address)] = found;
        return found;
    }
}
