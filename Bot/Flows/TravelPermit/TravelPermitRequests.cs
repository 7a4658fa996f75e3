using System.Globalization;
using System.Text.Json;
using ChatBot.Channels.Email;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>
/// The POHON KETAN SOP as a request type: a PK examines the request (5 minutes), the TPP session
/// approves or rejects it with a reason (15 minutes), the PK drafts the letter (5 minutes), the head of
/// office signs it (5 minutes) and the letter is sent to the client (5 minutes); the head may revoke a
/// signed letter. The whole request is due in 14 working days (<see cref="PermitRules.WholeStandard"/>).
/// The client is told at each step in the conversation (and so the channel) the request came from.
/// </summary>
/// <remarks>
/// Who acts: any PK of the client's office examines, drafts and sends the letter (the SOP names the PK's
/// role, not one person; a client's own PK may be absent), a PK or the head records the TPP's decision,
/// and only the head (<see cref="OfficerRole.Kepala"/>) signs and revokes.
/// </remarks>
public static class TravelPermitRequests
{
    public const string Kind = LookupKinds.Permit;

    public const string Prefix = "IZN";

    /// <summary>Outbox topic of status notices (WhatsApp picks its template by it outside the 24-hour window).</summary>
    public const string StatusTopic = "permit-status";

    /// <summary>Outbox topic of the letter itself.</summary>
    public const string LetterTopic = "permit-letter";

    public const int MaxReasonLength = 1000;

    /// <summary>Form fields of the TPP decision.</summary>
    public const string DateField = "date";

    public const string MembersField = "members";

    public static class Steps
    {
        public const string Examine = "examine";
        public const string Approve = "approve";
        public const string Reject = "reject";
        public const string Draft = "draft";
        public const string Sign = "sign";
        public const string Deliver = "deliver";
        public const string Revoke = "revoke";
    }

    /// <summary>Roles that see permit requests in the console.</summary>
    public static readonly IReadOnlyList<OfficerRole> Viewers = [OfficerRole.Admin, OfficerRole.Kepala, OfficerRole.Pk, OfficerRole.Kasubsi];

    public static RequestType<Domain.Permits.TravelPermit, TravelPermitStatus> Create(PermitLetters letters, PermitLinks links) => new()
    {
        Kind = Kind,
        Prefix = Prefix,
        Subject = "TravelPermit",
        Flow = TravelPermitDialog.DialogId,
        ConsolePath = "/console/izin",
        Label = "Izin ke luar kota",
        Viewers = Viewers,
        NotFoundTexts = StatusTexts,
        StatusName = status => PermitTexts.Indonesian.Statuses[status].Label,
        Query = db => db.TravelPermits,
        WithCode = (query, code) => query.Where(p => p.Code == code),
        Payload = (permit, conversation) => conversation.Channel switch
        {
            ChannelKind.WhatsApp => JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = permit.Code }),
            ChannelKind.Email => new EmailThreading(PermitTexts.For(conversation.Language).EmailSubject(permit.Code), null, null).ToJson(),
            _ => null,
        },
        Status = (permit, office, language) =>
        {
            var texts = PermitTexts.For(language);
            var (label, next) = texts.Statuses[permit.Status];
            return texts.Status(permit.Code, label, texts.Date(office, permit.SubmittedAt), Trip(texts, permit), next);
        },
        Steps =
        [
            new()
            {
                Name = Steps.Examine,
                Label = "Pemeriksaan PK",
                From = [TravelPermitStatus.Submitted],
                To = TravelPermitStatus.Examined,
                Roles = [OfficerRole.Pk],
                Standard = PermitRules.ExamineStandard,
                Apply = c =>
                {
                    c.Request.ExaminedByOfficerId = c.Officer.Id;
                    c.Request.ExaminedAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Notice = (permit, language) => Notice(PermitTexts.For(language).ExaminedNotice(permit.Code)),
            },
            new()
            {
                Name = Steps.Approve,
                Label = "Sidang TPP: disetujui",
                From = [TravelPermitStatus.Examined],
                To = TravelPermitStatus.Approved,
                Roles = [OfficerRole.Pk, OfficerRole.Kepala],
                Standard = PermitRules.DecideStandard,
                Since = StandardSince.PreviousStep,
                MaxTextLength = MaxReasonLength,
                Apply = c => Task.FromResult(RecordSession(c)),
                Note = SessionNote,
                Notice = (permit, language) => Notice(PermitTexts.For(language).ApprovedNotice(permit.Code)),
            },
            new()
            {
                Name = Steps.Reject,
                Label = "Sidang TPP: tidak disetujui",
                From = [TravelPermitStatus.Examined],
                To = TravelPermitStatus.Rejected,
                Roles = [OfficerRole.Pk, OfficerRole.Kepala],
                Standard = PermitRules.DecideStandard,
                Since = StandardSince.PreviousStep,
                TextRequired = true,
                MaxTextLength = MaxReasonLength,
                Apply = c =>
                {
                    if (RecordSession(c) is { } problem)
                    {
                        return Task.FromResult<string?>(problem);
                    }

                    c.Request.RejectionReason = c.Text;
                    c.Request.ClosedAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Note = SessionNote,
                Notice = (permit, language) => Notice(PermitTexts.For(language).RejectedNotice(permit.Code, permit.RejectionReason ?? "")),
            },
            new()
            {
                Name = Steps.Draft,
                Label = "Konsep surat izin",
                From = [TravelPermitStatus.Approved],
                To = TravelPermitStatus.Drafted,
                Roles = [OfficerRole.Pk],
                Standard = PermitRules.DraftStandard,
                Since = StandardSince.PreviousStep,
                Apply = c =>
                {
                    c.Request.DraftedAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Notice = (permit, language) => Notice(PermitTexts.For(language).DraftedNotice(permit.Code)),
            },
            new()
            {
                Name = Steps.Sign,
                Label = "Pengesahan Kepala",
                From = [TravelPermitStatus.Drafted],
                To = TravelPermitStatus.Signed,
                Roles = [OfficerRole.Kepala],
                Standard = PermitRules.SignStandard,
                Since = StandardSince.PreviousStep,
                Apply = letters.SignAsync,
                Note = c => $"Surat nomor {c.Request.LetterNumber}",
                Notice = (permit, language) => Notice(PermitTexts.For(language).SignedNotice(permit.Code)),
            },
            new()
            {
                Name = Steps.Deliver,
                Label = "Surat izin dikirim ke klien",
                From = [TravelPermitStatus.Signed],
                To = TravelPermitStatus.Delivered,
                Roles = [OfficerRole.Pk, OfficerRole.Kepala],
                Standard = PermitRules.DeliverStandard,
                Since = StandardSince.PreviousStep,
                Apply = c =>
                {
                    if (c.Request.LetterPath is not { } path || !File.Exists(path))
                    {
                        return Task.FromResult<string?>("Berkas surat izin tidak ditemukan.");
                    }

                    c.Request.DeliveredAt = c.Now;
                    c.Request.ClosedAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Notice = (permit, language) =>
                {
                    var texts = PermitTexts.For(language);
                    return new RequestNotice(
                        texts.DeliveredNotice(permit.Code, permit.LetterNumber ?? "", Trip(texts, permit), links.Verification(permit.VerificationCode ?? "")),
                        LetterTopic,
                        Attachment: new NoticeFile(permit.LetterPath!, PermitLetters.FileName(permit), PermitLetters.ContentType));
                },
            },
            new()
            {
                Name = Steps.Revoke,
                Label = "Pencabutan surat izin",
                From = [TravelPermitStatus.Signed, TravelPermitStatus.Delivered],
                To = TravelPermitStatus.Revoked,
                Roles = [OfficerRole.Kepala],
                TextRequired = true,
                MaxTextLength = MaxReasonLength,
                Apply = c =>
                {
                    c.Request.RevokedAt = c.Now;
                    c.Request.RevocationReason = c.Text;
                    c.Request.ClosedAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Notice = (permit, language) => Notice(PermitTexts.For(language).RevokedNotice(permit.Code, permit.LetterNumber ?? "", permit.RevocationReason ?? "")),
            },
        ],
    };

    /// <summary>
    /// The head's signature, taken again when it lost a race for the letter's number (another letter of
    /// the office took the same sequence at the same moment): the unique index refuses the second, the
    /// desk reports a conflict, and the permit is still waiting at the same revision.
    /// </summary>
    public static async Task<RequestActionResult> SignAsync(
        RequestDesk desk,
        RequestType<Domain.Permits.TravelPermit, TravelPermitStatus> type,
        Domain.Persistence.ChatBotDbFactory factory,
        long id,
        Officer officer,
        long? expectedRevision,
        CancellationToken cancellationToken)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var result = await desk.ActAsync(type, id, Steps.Sign, officer, new StepInput(), expectedRevision, cancellationToken);
            if (result.Status != RequestActionStatus.Conflict || attempt == attempts)
            {
                return result;
            }

            await using var db = factory.CreateDbContext();
            var now = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.TravelPermits.Where(p => p.Id == id).Select(p => new { p.Status, p.Revision }), cancellationToken);
            if (now is null || now.Status != TravelPermitStatus.Drafted || (expectedRevision is { } revision && revision != now.Revision))
            {
                return result;
            }
        }
    }

    /// <summary>"Klien", "Kota, 20 Januari 2027 s.d. 25 Januari 2027".</summary>
    public static string Trip(PermitTexts texts, Domain.Permits.TravelPermit permit) =>
        texts.Trip(permit.DestinationTown ?? texts.NotSet, texts.Date(permit.DepartOn), texts.Date(permit.ReturnOn));

    private static RequestNotice Notice(string body) => new(body, StatusTopic);

    /// <summary>The TPP session's date and members, checked: a real date, not in the future, not before the request.</summary>
    private static string? RecordSession(StepContext<Domain.Permits.TravelPermit> c)
    {
        if (!DateOnly.TryParseExact(c.Input.Field(DateField), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return "Isi tanggal sidang TPP.";
        }

        var submitted = DateOnly.FromDateTime(c.Request.SubmittedAt.AddDays(-1));
        if (date > DateOnly.FromDateTime(c.Now.AddDays(1)) || date < submitted)
        {
            return "Tanggal sidang TPP harus antara tanggal permohonan dan hari ini.";
        }

        var members = c.Input.Field(MembersField);
        if (members.Length is 0 or > 1000)
        {
            return "Tulis anggota TPP yang hadir (paling banyak 1000 karakter).";
        }

        c.Request.TppDate = date;
        c.Request.TppMembers = members;
        c.Request.DecidedAt = c.Now;
        return null;
    }

    private static string SessionNote(StepContext<Domain.Permits.TravelPermit> c) =>
        $"Sidang TPP {c.Request.TppDate?.ToString("d MMMM yyyy", PermitTexts.Indonesian.Culture)}; hadir: {c.Request.TppMembers}" + (c.Text.Length > 0 ? $". {c.Text}" : "");

    private static RequestStatusTexts StatusTexts(Domain.Offices.Office office, string language)
    {
        var texts = PermitTexts.For(language);
        return new RequestStatusTexts(texts.CodeNotFound, texts.Paused, until => Dialogs.DialogTexts.For(language).WithContact(texts.Busy(until), office));
    }
}
