using System.Text.Json;
using ChatBot.Domain.Assessments;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Events;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>
/// Reminds each client's PK of a due assessment, by WhatsApp and e-mail (whichever the officer has, as ABH alerts
/// reach officers: <see cref="OfficerMessages"/>), three working days before the due date and on the day
/// (<see cref="AssessmentRules.ReminderFor"/>, on the office calendar: weekends, <c>Sla:Holidays</c>, the office's
/// own holidays), from <see cref="AssessmentOptions.RemindFrom"/> of the office's day. Each is an
/// <see cref="AssessmentReminder"/> row, unique per client, due date and stage, so a reminder goes once however
/// many passes (or instances) run. Runs serially in a process.
/// </summary>
public sealed class AssessmentReminders(
    ChatBotDbFactory factory,
    OfficeDirectory offices,
    WorkingDayCalendar calendar,
    AssessmentOptions options,
    DomainEvents events,
    TimeProvider time,
    ILogger<AssessmentReminders> logger)
{
    /// <summary>Outbox topic of every reminder (<c>Channels:WhatsApp:Templates:assessment-reminder</c>).</summary>
    public const string Topic = "assessment-reminder";

    /// <summary>The flow tag of reminder messages.</summary>
    public const string Flow = "assessment.reminder";

    private readonly SemaphoreSlim _serial = new(1, 1);

    /// <summary>Reminders that found no PK to reach, said once in the log, not on every pass.</summary>
    private readonly HashSet<(long ClientId, DateOnly DueOn, string Stage)> _unreachableReported = [];

    /// <summary>Sends the reminders due now; returns how many it sent.</summary>
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
        var floor = DateOnly.FromDateTime(now).AddDays(-2);
        await using var db = factory.CreateDbContext();
        var clients = await db.Clients.AsNoTracking().Where(c => c.PkOfficerId != null && c.SupervisionEnd >= floor).ToListAsync(cancellationToken);
        if (clients.Count == 0)
        {
            return 0;
        }

        var last = await AssessmentPages.LastAssessedAsync(db, [.. clients.Select(c => c.Id)], cancellationToken);
        var sent = (await db.AssessmentReminders.AsNoTracking().Where(r => r.DueOn >= floor).Select(r => new { r.ClientId, r.DueOn, r.Stage }).ToListAsync(cancellationToken))
            .Select(r => (r.ClientId, r.DueOn, r.Stage)).ToHashSet();
        var pkIds = clients.Select(c => c.PkOfficerId!.Value).Distinct().ToList();
        var pks = await db.Officers.AsNoTracking().Where(o => pkIds.Contains(o.Id) && o.Active).ToDictionaryAsync(o => o.Id, cancellationToken);
        var outboxes = new Dictionary<int, OfficerMessages>();
        var made = 0;
        foreach (var client in clients.OrderBy(c => c.Id))
        {
            if (offices.Find(client.OfficeId) is not { } office)
            {
                continue;
            }

            var local = office.ToLocal(now);
            var today = DateOnly.FromDateTime(local);
            if (local.TimeOfDay < options.RemindFrom || today > client.SupervisionEnd
                || AssessmentRules.NextDue(client, last.GetValueOrDefault(client.Id)) is not { } due
                || AssessmentRules.ReminderFor(due.DueOn, today, calendar, office) is not { } stage
                || sent.Contains((client.Id, due.DueOn, stage)))
            {
                continue;
            }

            var queued = pks.TryGetValue(client.PkOfficerId!.Value, out var pk)
                ? await QueueAsync(Outbox(outboxes, db, office.Id, now), client, pk, due, stage, today, cancellationToken)
                : 0;
            if (queued == 0)
            {
                if (_unreachableReported.Add((client.Id, due.DueOn, stage)))
                {
                    logger.LogWarning("Assessment reminder for client {ClientId} not sent: their PK is inactive or has neither telephone nor e-mail", client.Id);
                }

                continue;
            }

            db.AssessmentReminders.Add(new AssessmentReminder { ClientId = client.Id, DueOn = due.DueOn, Stage = stage, OfficerId = pk!.Id, SentAt = now });
            made++;
        }

        if (made == 0)
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
                // Another instance sent them, or an officer's conversation was created meanwhile: the next pass sees which.
                logger.LogInformation("Assessment reminders postponed to the next pass (written elsewhere meanwhile)");
                return 0;
            }

            await scope.CommitAsync(cancellationToken);
        }

        events.Publish(new MessagesQueued());
        logger.LogInformation("Sent {Count} assessment reminder(s)", made);
        return made;
    }

    private Task<int> QueueAsync(OfficerMessages outbox, Client client, Officer pk, AssessmentDue due, string stage, DateOnly today, CancellationToken cancellationToken)
    {
        var initials = ClientRegister.Initials(client.FullName);
        var link = string.IsNullOrWhiteSpace(options.ConsoleUrl) ? null : $"{options.ConsoleUrl.TrimEnd('/')}/console/klien/{client.Id}";
        var body = AssessmentText.Reminder(stage, due, today, client.RegistrationNumber, initials, link);
        // Template variables (WhatsApp outside the window) and the e-mail's subject: the number, never the name.
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["subject"] = AssessmentText.ReminderSubject(due, client.RegistrationNumber),
            ["number"] = client.RegistrationNumber,
            ["due"] = AssessmentText.LongDay(due.DueOn),
            ["kind"] = AssessmentText.Reason(due.Reason),
            ["stage"] = stage,
        });
        return outbox.QueueAsync(pk, body, Topic, payload, Flow, cancellationToken);
    }

    private static OfficerMessages Outbox(Dictionary<int, OfficerMessages> outboxes, ChatBotDb db, int officeId, DateTime now) =>
        outboxes.TryGetValue(officeId, out var outbox) ? outbox : outboxes[officeId] = new OfficerMessages(db, officeId, now);
}
