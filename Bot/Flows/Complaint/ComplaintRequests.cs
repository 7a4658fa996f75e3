using System.Text.Json;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>
/// The complaint SOP as a request type: the head of office reviews (a direction and the official
/// responsible), the official follows up, the answer is written and the complaint closes; the
/// complainant is told at each step through the channel the complaint came from.
/// </summary>
public static class ComplaintRequests
{
    public const string Kind = Domain.Lookups.LookupKinds.Complaint;

    public const string Prefix = "ADU";

    public const string StatusTopic = "complaint_status";

    public const string AnswerTopic = "complaint_answer";

    public const int MaxTextLength = 2000;

    public const int MaxAnswerLength = 4000;

    public static class Steps
    {
        public const string Review = "review";
        public const string FollowUp = "follow-up";
        public const string Answer = "answer";
    }

    /// <summary>The request type, with the service standards of <paramref name="options"/>.</summary>
    public static RequestType<Domain.Complaints.Complaint, ComplaintStatus> Create(ComplaintOptions options) => new()
    {
        Kind = Kind,
        Prefix = Prefix,
        Subject = "Complaint",
        Flow = ComplaintDialog.DialogId,
        ConsolePath = "/console/pengaduan",
        Label = "Pengaduan",
        Viewers = Enum.GetValues<OfficerRole>(),
        Visible = ComplaintRules.VisibleTo,
        NotFoundTexts = StatusTexts,
        StatusName = status => ComplaintTexts.Indonesian.Statuses[status],
        Query = db => db.Complaints.Include(c => c.Conversation),
        WithCode = (query, code) => query.Where(c => c.Code == code),
        // The mail's subject names the complaint; WhatsApp templates may use the code.
        Payload = (complaint, conversation) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["subject"] = ComplaintTexts.For(conversation.Language).Subject(complaint.Code),
            ["code"] = complaint.Code,
        }),
        Status = (complaint, office, language) =>
        {
            var texts = ComplaintTexts.For(language);
            var line = texts.StatusLine(complaint.Code, texts.Categories[complaint.Category], texts.Date(office.LocalDate(complaint.ReceivedAt)), texts.Statuses[complaint.Status]);
            return complaint is { Status: ComplaintStatus.Closed, Answer: { } answer } ? $"{line}\n\n{texts.AnswerWas(answer)}" : line;
        },
        Steps =
        [
            new()
            {
                Name = Steps.Review,
                Label = "Telaah Kepala",
                From = [ComplaintStatus.Received],
                To = ComplaintStatus.Reviewed,
                Roles = [OfficerRole.Kepala],
                Standard = ServiceStandard.WorkingDays(options.VerificationWorkingDays),
                TextRequired = true,
                MaxTextLength = MaxTextLength,
                Apply = async c =>
                {
                    var chosen = c.Input.Reference;
                    if (chosen is null || !await c.Db.Officers.AnyAsync(o => o.Id == chosen && o.Active && o.OfficeId == c.Request.OfficeId, c.CancellationToken))
                    {
                        return "Pilih pejabat yang bertanggung jawab dari kantor ini.";
                    }

                    c.Request.ReviewedAt = c.Now;
                    c.Request.Direction = c.Text;
                    c.Request.ResponsibleOfficerId = (int)chosen.Value;
                    return null;
                },
                Notice = StatusNotice,
            },
            new()
            {
                Name = Steps.FollowUp,
                Label = "Tindak lanjut",
                From = [ComplaintStatus.Reviewed],
                To = ComplaintStatus.FollowedUp,
                Roles = [OfficerRole.Kepala],
                AlsoAllowed = (complaint, officer) => officer.Id == complaint.ResponsibleOfficerId,
                TextRequired = true,
                MaxTextLength = MaxTextLength,
                Apply = c =>
                {
                    if (!Enum.TryParse<ComplaintFollowUpKind>(c.Input.Choice, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                    {
                        return Task.FromResult<string?>("Pilih bentuk tindak lanjut.");
                    }

                    c.Request.FollowedUpAt = c.Now;
                    c.Request.FollowUpKind = kind;
                    c.Request.FollowUpNote = c.Text;
                    return Task.FromResult<string?>(null);
                },
                Notice = StatusNotice,
            },
            new()
            {
                Name = Steps.Answer,
                Label = "Jawaban dan penutupan",
                From = [ComplaintStatus.FollowedUp],
                To = ComplaintStatus.Closed,
                Roles = [OfficerRole.Kepala, OfficerRole.ServiceOfficer],
                AlsoAllowed = (complaint, officer) => officer.Id == complaint.ResponsibleOfficerId,
                Standard = ServiceStandard.WorkingDays(options.AnswerWorkingDays),
                TextRequired = true,
                MaxTextLength = MaxAnswerLength,
                Apply = c =>
                {
                    c.Request.ClosedAt = c.Now;
                    c.Request.Answer = c.Text;
                    return Task.FromResult<string?>(null);
                },
                // The answer and the survey go out together, in the person's own turn (see ComplaintSurveyDialog).
                Notice = (complaint, language) => new RequestNotice(ComplaintTexts.For(language).Answered(complaint.Code, complaint.Answer ?? ""), AnswerTopic, Domain.Conversations.OutboundKind.Officer),
                Turn = complaint => new FollowUpTurn(ComplaintSurveyDialog.DialogId, complaint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            },
        ],
    };

    private static RequestStatusTexts StatusTexts(Domain.Offices.Office office, string language)
    {
        var texts = ComplaintTexts.For(language);
        return new RequestStatusTexts(texts.NotFound, texts.Paused, until => Dialogs.DialogTexts.For(language).WithContact(texts.Busy(until), office));
    }

    private static RequestNotice StatusNotice(Domain.Complaints.Complaint complaint, string language)
    {
        var texts = ComplaintTexts.For(language);
        return new RequestNotice(texts.StatusChanged(complaint.Code, texts.Statuses[complaint.Status]), StatusTopic);
    }
}
