using System.Text.Json;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.OfficerConsole.Live;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>How an officer's step on a complaint ended.</summary>
public enum ComplaintActionResult
{
    Done,

    /// <summary>The complaint is no longer at the step the action needs (someone else acted first).</summary>
    Conflict,

    NotFound,

    /// <summary>The officer may not take this step (role, office, or not the responsible official).</summary>
    Forbidden,

    /// <summary>Something the step needs is missing or wrong (empty text, unknown official).</summary>
    Invalid,
}

/// <summary>
/// The officer side of the complaint SOP: the head of office reviews (direction + responsible
/// official), the responsible official follows up, an officer writes the official answer and closes.
/// Each step records who and when, is audited, tells the complainant through the channel the
/// complaint came from (queued in the outbox in the same transaction), and is shown live.
/// </summary>
public sealed class ComplaintService(
    ChatBotDbFactory factory,
    DialogEngine engine,
    OfficeDirectory offices,
    PipelineEvents pipeline,
    ConsoleEvents console,
    TimeProvider time)
{
    public const int MaxTextLength = 2000;

    public const int MaxAnswerLength = 4000;

    public const string StatusTopic = "complaint_status";

    public const string AnswerTopic = "complaint_answer";

    public static bool MayReview(Officer officer) => officer.Role == OfficerRole.Kepala;

    public static bool MayFollowUp(Officer officer, Domain.Complaints.Complaint complaint) =>
        officer.Role == OfficerRole.Kepala || officer.Id == complaint.ResponsibleOfficerId;

    public static bool MayAnswer(Officer officer, Domain.Complaints.Complaint complaint) =>
        officer.Role is OfficerRole.Kepala or OfficerRole.ServiceOfficer || officer.Id == complaint.ResponsibleOfficerId;

    /// <summary>The head of office's review: a direction and the official responsible for the follow-up.</summary>
    public Task<ComplaintActionResult> ReviewAsync(long complaintId, Officer officer, string direction, int responsibleOfficerId, CancellationToken cancellationToken) =>
        ActAsync(complaintId, officer, ComplaintStatus.Received, direction, MaxTextLength, "complaint.review", cancellationToken, async (db, complaint, text, now) =>
        {
            if (!MayReview(officer))
            {
                return ComplaintActionResult.Forbidden;
            }

            var responsible = await db.Officers.AnyAsync(o => o.Id == responsibleOfficerId && o.Active && o.OfficeId == complaint.OfficeId, cancellationToken);
            if (!responsible)
            {
                return ComplaintActionResult.Invalid;
            }

            complaint.Status = ComplaintStatus.Reviewed;
            complaint.ReviewedAt = now;
            complaint.ReviewedByOfficerId = officer.Id;
            complaint.Direction = text;
            complaint.ResponsibleOfficerId = responsibleOfficerId;
            var texts = ComplaintTexts.For(complaint.Conversation!.Language);
            Queue(db, complaint, texts.StatusChanged(complaint.Code, texts.Statuses[complaint.Status]), OutboundKind.Proactive, StatusTopic, now);
            return ComplaintActionResult.Done;
        });

    /// <summary>The responsible official's follow-up: what was fixed and/or clarified.</summary>
    public Task<ComplaintActionResult> FollowUpAsync(long complaintId, Officer officer, ComplaintFollowUpKind kind, string note, CancellationToken cancellationToken) =>
        ActAsync(complaintId, officer, ComplaintStatus.Reviewed, note, MaxTextLength, "complaint.follow-up", cancellationToken, (db, complaint, text, now) =>
        {
            if (!MayFollowUp(officer, complaint))
            {
                return Task.FromResult(ComplaintActionResult.Forbidden);
            }

            complaint.Status = ComplaintStatus.FollowedUp;
            complaint.FollowedUpAt = now;
            complaint.FollowedUpByOfficerId = officer.Id;
            complaint.FollowUpKind = kind;
            complaint.FollowUpNote = text;
            var texts = ComplaintTexts.For(complaint.Conversation!.Language);
            Queue(db, complaint, texts.StatusChanged(complaint.Code, texts.Statuses[complaint.Status]), OutboundKind.Proactive, StatusTopic, now);
            return Task.FromResult(ComplaintActionResult.Done);
        });

    /// <summary>
    /// The official answer: sent once to the complainant through the complaint's channel, and the
    /// complaint closes. When the person is not in the middle of something else the satisfaction
    /// survey starts at once; otherwise they are told how to rate later.
    /// </summary>
    public Task<ComplaintActionResult> AnswerAsync(long complaintId, Officer officer, string answer, CancellationToken cancellationToken) =>
        ActAsync(complaintId, officer, ComplaintStatus.FollowedUp, answer, MaxAnswerLength, "complaint.answer", cancellationToken, async (db, complaint, text, now) =>
        {
            if (!MayAnswer(officer, complaint))
            {
                return ComplaintActionResult.Forbidden;
            }

            complaint.Status = ComplaintStatus.Closed;
            complaint.ClosedAt = now;
            complaint.ClosedByOfficerId = officer.Id;
            complaint.Answer = text;
            var conversation = complaint.Conversation!;
            var texts = ComplaintTexts.For(conversation.Language);
            List<Reply> said = [texts.Answered(complaint.Code, text)];
            if (conversation.Mode == ConversationMode.Bot && Idle(conversation.DialogState))
            {
                said.AddRange(await engine.StartAsync(conversation, offices.Find(complaint.OfficeId)!, ComplaintSurveyDialog.DialogId,
                    complaint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), db, now, cancellationToken));
            }
            else
            {
                said.Add(texts.SurveyLater(complaint.Code));
            }

            Queue(db, complaint, ReplyRenderer.Render(said, conversation.Channel, conversation.Language), OutboundKind.Officer, AnswerTopic, now);
            return ComplaintActionResult.Done;
        });

    /// <summary>Whether the officer may see complaints of this office at all.</summary>
    public bool MaySee(Officer officer, int officeId) => OfficeAccess.MaySee(officer.Role, offices.Find(officer.OfficeId), officeId);

    /// <summary>Nothing but the main menu waits for the person: a survey may start without interrupting them.</summary>
    private static bool Idle(string? dialogState) =>
        DialogStack.TryDeserialize(dialogState) is not { } stack
        || stack.Instances.All(i => i.Id is WellKnownDialogs.MainMenu or ChoicePrompt.DefaultId);

    private delegate Task<ComplaintActionResult> Step(ChatBotDb db, Domain.Complaints.Complaint complaint, string text, DateTime now);

    private async Task<ComplaintActionResult> ActAsync(
        long complaintId,
        Officer officer,
        ComplaintStatus from,
        string text,
        int maxLength,
        string action,
        CancellationToken cancellationToken,
        Step step)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > maxLength)
        {
            return ComplaintActionResult.Invalid;
        }

        // A bot turn of the same conversation may commit in between (it bumps the conversation's
        // revision): then everything is read again and the step tried once more.
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = factory.CreateDbContext();
            var complaint = await db.Complaints.Include(c => c.Conversation).SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
            if (complaint is null)
            {
                return ComplaintActionResult.NotFound;
            }

            if (!MaySee(officer, complaint.OfficeId))
            {
                return ComplaintActionResult.Forbidden;
            }

            if (complaint.Status != from)
            {
                return ComplaintActionResult.Conflict;
            }

            await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
            var result = await step(db, complaint, text, now);
            if (result != ComplaintActionResult.Done)
            {
                return result;
            }

            complaint.Revision++;
            complaint.Conversation!.Revision++;
            db.AuditEntries.Add(new AuditEntry { At = now, Actor = officer.UserName, Action = action, Subject = $"Complaint/{complaint.Id}" });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await scope.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                if (attempt < 3)
                {
                    continue;
                }

                return ComplaintActionResult.Conflict;
            }

            pipeline.OutboxQueued.Set();
            console.Publish(new ConsoleEvent("complaint", complaint.OfficeId, $"complaint/{complaint.Id}"));
            return ComplaintActionResult.Done;
        }
    }

    private static void Queue(ChatBotDb db, Domain.Complaints.Complaint complaint, string body, OutboundKind kind, string topic, DateTime now)
    {
        var conversation = complaint.Conversation!;
        // The mail's subject names the complaint; WhatsApp templates may use the code.
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["subject"] = ComplaintTexts.For(conversation.Language).Subject(complaint.Code),
            ["code"] = complaint.Code,
        });
        db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, kind, now, topic, payload, DialogEngine.FlowOf(ComplaintDialog.DialogId)));
        conversation.LastActivityAt = now;
    }
}
