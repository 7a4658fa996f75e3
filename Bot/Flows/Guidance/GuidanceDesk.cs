using System.Globalization;
using System.Text.Json;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Events;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>The outcome of an officer's guidance action: done (with the record it made), or why not, in Indonesian.</summary>
public sealed record GuidanceResult(bool Ok, string? Problem = null, long? Id = null, int Count = 0)
{
    public static GuidanceResult Refused(string problem) => new(false, problem);
}

/// <summary>When and where a session is, as an officer set it up (office-local times).</summary>
public sealed record SessionPlan(string Topic, string Place, DateTime LocalStart, DateTime LocalEnd, string? Town = null);

/// <summary>
/// The officers' side of group guidance and BATAKO counters, end to end: a PK proposes their clients, the
/// Kasubsi collects waiting proposals into a session (the list), a PK opens a counter in a town (its clients
/// are the list), the invitations go out through the outbox exactly once per client, and attendance is recorded.
/// Every change is one transaction behind the write gate and tells the console after the commit.
/// </summary>
public sealed class GuidanceDesk(ChatBotDbFactory factory, OfficeDirectory offices, DomainEvents events, TimeProvider time)
{
    /// <summary>Outbox topic of invitations (<c>Channels:WhatsApp:Templates:guidance-invitation</c>).</summary>
    public const string InvitationTopic = "guidance-invitation";

    /// <summary>Outbox topic of the reminder the day before (<c>Channels:WhatsApp:Templates:guidance-reminder</c>).</summary>
    public const string ReminderTopic = "guidance-reminder";

    /// <summary>Outbox topic of the message to a PK about clients who did not answer (<c>…:guidance-no-answer</c>).</summary>
    public const string NoAnswerTopic = "guidance-no-answer";

    /// <summary>The flow tag of guidance messages.</summary>
    public static readonly string Flow = DialogEngine.FlowOf(WhichInvitationDialog.DialogId);

    public const int MaxTopicLength = 300;

    public const int MaxPlaceLength = 300;

    public const int MaxNoteLength = 500;

    /// <summary>A PK proposes their own clients (others are refused); a client already waiting in a proposal is not proposed twice.</summary>
    public async Task<GuidanceResult> ProposeAsync(Officer officer, IReadOnlyCollection<long> clientIds, string? note, CancellationToken cancellationToken)
    {
        if (!GuidanceRules.MayPropose(officer.Role))
        {
            return GuidanceResult.Refused("Hanya PK yang dapat mengusulkan klien.");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return GuidanceResult.Refused($"Catatan paling panjang {MaxNoteLength} karakter.");
        }

        if (clientIds.Count == 0)
        {
            return GuidanceResult.Refused("Pilih paling sedikit satu klien.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var own = await db.Clients.AsNoTracking()
            .Where(c => clientIds.Contains(c.Id) && c.OfficeId == officer.OfficeId && c.PkOfficerId == officer.Id)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        if (own.Count != clientIds.Distinct().Count())
        {
            return GuidanceResult.Refused("Hanya klien bimbingan Anda sendiri yang dapat diusulkan.");
        }

        var waiting = await db.GuidanceProposals.AsNoTracking().Where(p => own.Contains(p.ClientId) && p.SessionId == null).Select(p => p.ClientId).ToListAsync(cancellationToken);
        var fresh = own.Except(waiting).ToList();
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            db.GuidanceProposals.AddRange(fresh.Select(id => new GuidanceProposal
            {
                OfficeId = officer.OfficeId,
                ClientId = id,
                ProposedByOfficerId = officer.Id,
                ProposedAt = now,
                Note = note,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        events.Publish(new RecordChanged(GuidanceRules.EventKind, officer.OfficeId, "GuidanceProposal"));
        return new GuidanceResult(true, Count: fresh.Count);
    }

    /// <summary>The Kasubsi collects waiting proposals of their office into a group session: the list is final now.</summary>
    public async Task<GuidanceResult> CollectAsync(Officer officer, IReadOnlyCollection<long> proposalIds, SessionPlan plan, CancellationToken cancellationToken)
    {
        if (!GuidanceRules.MayCollect(officer.Role))
        {
            return GuidanceResult.Refused("Hanya Kasubsi yang dapat menyusun sesi bimbingan kelompok dari usulan PK.");
        }

        var office = offices.Find(officer.OfficeId);
        if (Check(plan, office, counter: false) is { } problem)
        {
            return GuidanceResult.Refused(problem);
        }

        if (proposalIds.Count == 0)
        {
            return GuidanceResult.Refused("Pilih paling sedikit satu usulan.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var proposals = await db.GuidanceProposals.Where(p => proposalIds.Contains(p.Id) && p.OfficeId == office!.Id && p.SessionId == null).ToListAsync(cancellationToken);
        if (proposals.Count == 0)
        {
            return GuidanceResult.Refused("Usulan yang dipilih sudah masuk sesi lain.");
        }

        var session = NewSession(office!, officer, GuidanceSessionKind.Group, plan, now);
        db.GuidanceSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        var clientIds = proposals.Select(p => p.ClientId).Distinct().ToList();
        var pks = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.PkOfficerId, cancellationToken);
        foreach (var proposal in proposals)
        {
            proposal.SessionId = session.Id;
        }

        db.GuidanceInvitations.AddRange(clientIds.Select(id => new GuidanceInvitation { SessionId = session.Id, ClientId = id, PkOfficerId = pks.GetValueOrDefault(id) }));
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        Changed(session);
        return new GuidanceResult(true, Id: session.Id, Count: clientIds.Count);
    }

    /// <summary>A PK (or the Kasubsi) opens a BATAKO counter: the office's clients whose register town matches are its list.</summary>
    public async Task<GuidanceResult> OpenCounterAsync(Officer officer, SessionPlan plan, CancellationToken cancellationToken)
    {
        if (!GuidanceRules.MayOpenCounter(officer.Role))
        {
            return GuidanceResult.Refused("Hanya PK atau Kasubsi yang dapat membuka pojok BATAKO.");
        }

        var office = offices.Find(officer.OfficeId);
        if (Check(plan, office, counter: true) is { } problem)
        {
            return GuidanceResult.Refused(problem);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var town = GuidanceRules.TownKey(plan.Town);
        await using var db = factory.CreateDbContext();
        var clients = (await db.Clients.AsNoTracking().Where(c => c.OfficeId == office!.Id).Select(c => new { c.Id, c.Town, c.PkOfficerId }).ToListAsync(cancellationToken))
            .Where(c => GuidanceRules.TownKey(c.Town) == town)
            .ToList();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var session = NewSession(office!, officer, GuidanceSessionKind.Counter, plan with { Town = string.Join(' ', plan.Town!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) }, now);
        db.GuidanceSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.GuidanceInvitations.AddRange(clients.Select(c => new GuidanceInvitation { SessionId = session.Id, ClientId = c.Id, PkOfficerId = c.PkOfficerId }));
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        Changed(session);
        return new GuidanceResult(true, Id: session.Id, Count: clients.Count);
    }

    /// <summary>
    /// Sends the session's invitations not sent yet: to each client's WhatsApp when the register has a phone,
    /// else their e-mail; a client with neither stays unsent (listed for their PK). Each invitation is claimed by a
    /// conditional update before its message is queued, in one transaction, so nothing is ever sent twice.
    /// </summary>
    public async Task<GuidanceResult> SendInvitationsAsync(Officer officer, long sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var session = await db.GuidanceSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.OfficeId == officer.OfficeId, cancellationToken);
        if (session is null || offices.Find(session.OfficeId) is not { } office)
        {
            return GuidanceResult.Refused("Sesi tidak ditemukan.");
        }

        if (!GuidanceRules.MaySend(officer, session))
        {
            return GuidanceResult.Refused("Undangan dikirim oleh Kasubsi, Kepala, atau petugas yang membuat sesi ini.");
        }

        if (session.Status is GuidanceSessionStatus.Held or GuidanceSessionStatus.Cancelled || session.StartsAt <= now)
        {
            return GuidanceResult.Refused("Sesi ini sudah lewat; undangan tidak dikirim lagi.");
        }

        var unsent = await (from i in db.GuidanceInvitations.AsNoTracking()
                            join c in db.Clients.AsNoTracking() on i.ClientId equals c.Id
                            where i.SessionId == session.Id && i.SentAt == null && i.OutboundMessageId == null
                            orderby i.Id
                            select new { Invitation = i, c.Phone, c.Email }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var row in unsent)
        {
            // No phone and no e-mail: the invitation stays unsent, and the session page lists the client for their PK.
            if (ContactOf(row.Phone, row.Email) is not var (channel, address))
            {
                continue;
            }

            var claimed = await db.GuidanceInvitations
                .Where(i => i.Id == row.Invitation.Id && i.SentAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.SentAt, now).SetProperty(i => i.Revision, i => i.Revision + 1), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            var conversation = await ClientConversationAsync(db, office.Id, channel, address, now, cancellationToken);
            var message = Notice(conversation, office, session, row.Invitation.Id, InvitationTopic, now, reminder: false);
            db.OutboundMessages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            await db.GuidanceInvitations.Where(i => i.Id == row.Invitation.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.ConversationId, conversation.Id).SetProperty(i => i.OutboundMessageId, message.Id), cancellationToken);
            sent++;
        }

        if (session.InvitedAt is null || session.Status == GuidanceSessionStatus.Planned)
        {
            session.Status = GuidanceSessionStatus.Invited;
            session.InvitedAt ??= now;
            session.Revision++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        Changed(session);
        if (sent > 0)
        {
            events.Publish(new MessagesQueued());
        }

        return new GuidanceResult(true, Id: session.Id, Count: sent);
    }

    /// <summary>The client's PK (their own clients), the Kasubsi or the head records whether the client attended, with a short note.</summary>
    public async Task<GuidanceResult> RecordAttendanceAsync(Officer officer, long invitationId, bool attended, string? note, CancellationToken cancellationToken)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > 1000)
        {
            return GuidanceResult.Refused("Catatan paling panjang 1000 karakter.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var invitation = await db.GuidanceInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        var session = invitation is null ? null : await db.GuidanceSessions.SingleOrDefaultAsync(s => s.Id == invitation.SessionId && s.OfficeId == officer.OfficeId, cancellationToken);
        if (invitation is null || session is null || !GuidanceRules.MayRecordAttendance(officer, invitation))
        {
            return GuidanceResult.Refused("Kehadiran klien ini dicatat oleh PK-nya, Kasubsi, atau Kepala.");
        }

        if (offices.Find(session.OfficeId) is not { } office || office.LocalDate(now) < office.LocalDate(session.StartsAt))
        {
            return GuidanceResult.Refused("Kehadiran dicatat pada hari sesi atau sesudahnya.");
        }

        invitation.Attended = attended;
        invitation.AttendanceNote = note;
        invitation.AttendanceRecordedAt = now;
        invitation.Revision++;
        if (session.Status != GuidanceSessionStatus.Held)
        {
            session.Status = GuidanceSessionStatus.Held;
            session.HeldAt ??= now;
            session.Revision++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        Changed(session);
        return new GuidanceResult(true, Id: session.Id);
    }

    /// <summary>An invitation or a reminder for the outbox: the text, its topic, and the template variables and e-mail subject.</summary>
    public static OutboundMessage Notice(Conversation conversation, Office office, GuidanceSession session, long invitationId, string topic, DateTime now, bool reminder)
    {
        var texts = GuidanceTexts.For(conversation.Language);
        var kind = texts.KindName(session.Kind, session.Town);
        var date = texts.Date(office, session.StartsAt);
        var hours = texts.Hours(office, session.StartsAt, session.EndsAt);
        var body = reminder
            ? texts.Reminder(kind, session.Topic, date, hours, session.Place)
            : texts.Invitation(kind, session.Topic, date, hours, session.Place);
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["subject"] = reminder ? texts.ReminderSubject(kind, date) : texts.InvitationSubject(kind, date),
            ["session_kind"] = kind,
            ["session_topic"] = session.Topic,
            ["session_date"] = date,
            ["session_time"] = hours,
            ["session_place"] = session.Place,
            ["invitation_id"] = invitationId.ToString(CultureInfo.InvariantCulture),
        });
        return OutboundMessage.Queued(conversation, body, OutboundKind.Proactive, now, topic, payload, Flow);
    }

    /// <summary>Where an invitation reaches a client: WhatsApp when the register has a phone, else e-mail; null with neither.</summary>
    public static (ChannelKind Channel, string Address)? ContactOf(string? phone, string? email) =>
        phone is { Length: > 0 } ? (ChannelKind.WhatsApp, phone)
        : email is { Length: > 0 } ? (ChannelKind.Email, email.Trim().ToLowerInvariant())
        : null;

    /// <summary>The client's conversation on a channel, made when the client never wrote on it.</summary>
    public static async Task<Conversation> ClientConversationAsync(ChatBotDb db, int officeId, ChannelKind channel, string address, DateTime now, CancellationToken cancellationToken)
    {
        var found = await db.Conversations.SingleOrDefaultAsync(c => c.OfficeId == officeId && c.Channel == channel && c.UserAddress == address, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        found = new Conversation
        {
            OfficeId = officeId,
            Channel = channel,
            UserAddress = address,
            Language = "id",
            CreatedAt = now,
            LastInboundAt = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
            LastActivityAt = now,
        };
        db.Conversations.Add(found);
        await db.SaveChangesAsync(cancellationToken);
        return found;
    }

    private void Changed(GuidanceSession session) =>
        events.Publish(new RecordChanged(GuidanceRules.EventKind, session.OfficeId, $"GuidanceSession/{session.Id}"));

    private static GuidanceSession NewSession(Office office, Officer officer, GuidanceSessionKind kind, SessionPlan plan, DateTime now) => new()
    {
        OfficeId = office.Id,
        Kind = kind,
        Status = GuidanceSessionStatus.Planned,
        Topic = plan.Topic.Trim(),
        Place = plan.Place.Trim(),
        Town = kind == GuidanceSessionKind.Counter ? plan.Town : null,
        StartsAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(plan.LocalStart, DateTimeKind.Unspecified), office.TimeZone),
        EndsAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(plan.LocalEnd, DateTimeKind.Unspecified), office.TimeZone),
        CreatedByOfficerId = officer.Id,
        CreatedAt = now,
        ListedAt = now,
    };

    /// <summary>What is wrong with a plan, in Indonesian; null when it can be used.</summary>
    private string? Check(SessionPlan plan, Office? office, bool counter)
    {
        if (office is null)
        {
            return "Kantor tidak ditemukan.";
        }

        if (string.IsNullOrWhiteSpace(plan.Topic) || plan.Topic.Trim().Length > MaxTopicLength)
        {
            return $"Isi topik (paling panjang {MaxTopicLength} karakter).";
        }

        if (string.IsNullOrWhiteSpace(plan.Place) || plan.Place.Trim().Length > MaxPlaceLength)
        {
            return $"Isi tempat (paling panjang {MaxPlaceLength} karakter).";
        }

        if (counter && (string.IsNullOrWhiteSpace(plan.Town) || plan.Town.Trim().Length > 100))
        {
            return "Isi kota/kabupaten pojok BATAKO (paling panjang 100 karakter).";
        }

        if (plan.LocalEnd <= plan.LocalStart)
        {
            return "Jam selesai harus sesudah jam mulai.";
        }

        var nowLocal = office.ToLocal(time.GetUtcNow().UtcDateTime);
        if (plan.LocalStart <= nowLocal)
        {
            return "Waktu sesi harus di masa depan.";
        }

        return plan.LocalStart > nowLocal.AddDays(366) ? "Waktu sesi paling lambat setahun dari sekarang." : null;
    }
}
