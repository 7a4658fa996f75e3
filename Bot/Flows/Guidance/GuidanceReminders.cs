using ChatBot.Domain.Officers;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>
/// The day before a session (office time, from the office's opening hour), reminds once every client who
/// answered HADIR, and flags to their PK, once, the clients who have not answered by then: a console list
/// (the session page) and a message to the PK's WhatsApp and e-mail, as ABH alerts reach officers. Every
/// invitation is claimed by a conditional update before its message is queued, in the same transaction, so a
/// retried pass (or a second instance) never reminds or flags twice.
/// </summary>
public sealed class GuidanceReminders(
    ChatBotDbFactory factory,
    GuidanceOptions options,
    OfficeDirectory offices,
    DomainEvents events,
    TimeProvider time,
    ILogger<GuidanceReminders> logger) : PipelineWorker(new Signal(), options.CheckInterval, time, logger)
{
    public override async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        // Sessions still to come within two days: the day before is within that, in every time zone.
        var horizon = now.AddDays(2);
        var sessions = await db.GuidanceSessions.AsNoTracking()
            .Where(s => s.Status == GuidanceSessionStatus.Invited && s.StartsAt > now && s.StartsAt <= horizon)
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var session in sessions)
        {
            if (offices.Find(session.OfficeId) is { } office && DayBeforeHasCome(office, session, now))
            {
                handled += await RemindAsync(db, office, session, now, cancellationToken);
            }
        }

        if (handled > 0)
        {
            Logger.LogInformation("Queued {Count} guidance reminder(s) and non-responder flag(s)", handled);
            events.Publish(new MessagesQueued());
        }

        return handled;
    }

    /// <summary>Whether the office's day before the session has begun (from its opening hour) at <paramref name="nowUtc"/>.</summary>
    public static bool DayBeforeHasCome(Office office, GuidanceSession session, DateTime nowUtc)
    {
        var dayBefore = office.LocalDate(session.StartsAt).AddDays(-1);
        var from = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(dayBefore.ToDateTime(office.OpensAt), DateTimeKind.Unspecified), office.TimeZone);
        return nowUtc >= from && nowUtc < session.StartsAt;
    }

    private async Task<int> RemindAsync(ChatBotDb db, Office office, GuidanceSession session, DateTime now, CancellationToken cancellationToken)
    {
        var attending = await db.GuidanceInvitations.AsNoTracking()
            .Where(i => i.SessionId == session.Id && i.Answer == InvitationAnswer.Attending && i.RemindedAt == null && i.ConversationId != null)
            .ToListAsync(cancellationToken);
        var silent = await (from i in db.GuidanceInvitations.AsNoTracking()
                            join c in db.Clients.AsNoTracking() on i.ClientId equals c.Id
                            where i.SessionId == session.Id && i.Answer == InvitationAnswer.None && i.SentAt != null && i.NoAnswerFlaggedAt == null
                            select new { Invitation = i, c.FullName, c.RegistrationNumber }).ToListAsync(cancellationToken);
        if (attending.Count == 0 && silent.Count == 0 && session.RemindedAt is not null)
        {
            return 0;
        }

        var handled = 0;
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var conversationIds = attending.Select(i => i.ConversationId!.Value).ToList();
        var conversations = await db.Conversations.Where(c => conversationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var invitation in attending)
        {
            var claimed = await db.GuidanceInvitations
                .Where(i => i.Id == invitation.Id && i.RemindedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.RemindedAt, now).SetProperty(i => i.Revision, i => i.Revision + 1), cancellationToken);
            if (claimed == 1 && conversations.TryGetValue(invitation.ConversationId!.Value, out var conversation))
            {
                db.OutboundMessages.Add(GuidanceDesk.Notice(conversation, office, session, invitation.Id, GuidanceDesk.ReminderTopic, now, reminder: true));
                handled++;
            }
        }

        var flagged = new List<(int? Pk, string Client)>();
        foreach (var row in silent)
        {
            var claimed = await db.GuidanceInvitations
                .Where(i => i.Id == row.Invitation.Id && i.NoAnswerFlaggedAt == null && i.Answer == InvitationAnswer.None)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.NoAnswerFlaggedAt, now).SetProperty(i => i.Revision, i => i.Revision + 1), cancellationToken);
            if (claimed == 1)
            {
                flagged.Add((row.Invitation.PkOfficerId, $"- {ClientRegister.Initials(row.FullName)} ({row.RegistrationNumber})"));
                handled++;
            }
        }

        await TellPksAsync(db, office, session, flagged, now, cancellationToken);
        await db.GuidanceSessions.Where(s => s.Id == session.Id && s.RemindedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RemindedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        if (flagged.Count > 0)
        {
            events.Publish(new RecordChanged(GuidanceRules.EventKind, session.OfficeId, $"GuidanceSession/{session.Id}"));
        }

        return handled;
    }

    /// <summary>One message per PK listing their clients who did not answer (initials and registration number, nothing more).</summary>
    private static async Task TellPksAsync(ChatBotDb db, Office office, GuidanceSession session, List<(int? Pk, string Client)> flagged, DateTime now, CancellationToken cancellationToken)
    {
        var pkIds = flagged.Where(f => f.Pk is not null).Select(f => f.Pk!.Value).Distinct().ToList();
        if (pkIds.Count == 0)
        {
            return;
        }

        var pks = await db.Officers.AsNoTracking().Where(o => pkIds.Contains(o.Id) && o.Active).ToListAsync(cancellationToken);
        var texts = GuidanceTexts.Indonesian;
        var kind = texts.KindName(session.Kind, session.Town);
        var date = texts.Date(office, session.StartsAt);
        var outbox = new OfficerMessages(db, office.Id, now);
        foreach (var pk in pks)
        {
            var clients = flagged.Where(f => f.Pk == pk.Id).Select(f => f.Client).ToList();
            var body = texts.NoAnswer(kind, date, string.Join('\n', clients), clients.Count);
            var payload = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["subject"] = texts.NoAnswerSubject(kind, date),
                ["session_kind"] = kind,
                ["session_date"] = date,
                ["count"] = clients.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await outbox.QueueAsync(pk, body, GuidanceDesk.NoAnswerTopic, payload, GuidanceDesk.Flow, cancellationToken);
        }
    }
}
