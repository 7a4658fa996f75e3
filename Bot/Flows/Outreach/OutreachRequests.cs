using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatBot.Channels.Email;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Outreach;

/// <summary>
/// Outreach requests (Bambang Solah) as a request type, in the SOP's order: registered (30 minutes from
/// receipt), the head's disposition to a Kasubsi (10 minutes), the Kasubsi appoints a team (5 minutes; the
/// first officer leads it), the team agrees a date with the requester, the session is held, a short report
/// (attendance, text, photos) closes it and asks the requester to rate it. The head may decline it, with a
/// reason, until a team is appointed. The requester is told of every step through the channel they used,
/// with the team leader's name and phone once there is a team.
/// </summary>
public static class OutreachRequests
{
    public const string Kind = LookupKinds.Outreach;

    public const string Prefix = "SOS";

    public const string Subject = "OutreachRequest";

    /// <summary>Outbox topic of the notices (WhatsApp picks its template by it outside the 24-hour window).</summary>
    public const string NoticeTopic = "outreach-update";

    /// <summary>The agreed date and time as the console's date-time field sends it (office time).</summary>
    public const string ScheduleFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>How far ahead a session may be agreed.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(366);

    public static class Steps
    {
        public const string Register = "register";
        public const string Dispose = "dispose";
        public const string Decline = "decline";
        public const string Appoint = "appoint";
        public const string Schedule = "schedule";
        public const string Hold = "hold";
        public const string Report = "report";
    }

    /// <summary>The named fields of the step forms (<see cref="StepInput.Fields"/>).</summary>
    public static class Fields
    {
        /// <summary>Appoint: the team's officer ids, comma-separated, the leader first.</summary>
        public const string Team = "team";

        /// <summary>Report: how many attended.</summary>
        public const string Attendance = "attendance";

        /// <summary>Report: the photos already saved in private media storage, as JSON like message attachments.</summary>
        public const string Photos = "photos";
    }

    /// <summary>What a notice says of the team and the time, found by the step for its notice (notices see only the request).</summary>
    private sealed record NoticeFacts(string Leader, string? LeaderPhone, string? OfficePhone, Domain.Offices.Office? Office);

    private static readonly ConditionalWeakTable<OutreachRequest, NoticeFacts> Facts = [];

    private static readonly OfficerRole[] Handling = [OfficerRole.Kepala];

    public static RequestType<OutreachRequest, OutreachStatus> Create() => new()
    {
        Kind = Kind,
        Prefix = Prefix,
        Subject = Subject,
        Flow = OutreachFormDialog.DialogId,
        ConsolePath = "/console/penyuluhan",
        Label = "Penyuluhan (Bambang Solah)",
        Viewers = OutreachRules.Viewers,
        NotFoundTexts = StatusTexts,
        StatusName = status => OutreachTexts.Indonesian.Statuses[status].Label,
        Query = db => db.OutreachRequests,
        WithCode = (query, code) => query.Where(r => r.Code == code),
        Describe = request => [("Lembaga", $"{OutreachTexts.Indonesian.Institutions.GetValueOrDefault(request.InstitutionKind, request.InstitutionKind)} — {request.InstitutionName}")],
        Payload = (request, conversation) => conversation.Channel switch
        {
            ChannelKind.WhatsApp => JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = request.Code }),
            ChannelKind.Email => new EmailThreading(OutreachTexts.For(conversation.Language).EmailSubject(request.Code), null, null).ToJson(),
            _ => null,
        },
        Status = (request, office, language) =>
        {
            var texts = OutreachTexts.For(language);
            var (label, next) = texts.Statuses[request.Status];
            if (request.Status == OutreachStatus.Scheduled && request.ScheduledFor is { } at)
            {
                next = $"{next} ({texts.When(office, at)})";
            }
            else if (request.Status == OutreachStatus.Reported && request.SurveyScore is null)
            {
                next = $"{next} {texts.SurveyLater(request.Code)}";
            }
            else if (request.Status == OutreachStatus.Declined && request.DeclineReason is { } reason)
            {
                next = $"{reason}\n{next}";
            }

            return texts.Status(request.Code, label, texts.When(office, request.ReceivedAt), next);
        },
        Steps =
        [
            new()
            {
                Name = Steps.Register,
                Label = "Dicatat dan diteruskan ke Kepala",
                From = [OutreachStatus.Submitted],
                To = OutreachStatus.Received,
                Roles = [OfficerRole.ServiceOfficer, OfficerRole.Kepala, OfficerRole.Kasubsi],
                Standard = OutreachRules.RegisterStandard,
                AtRiskWithin = 1,
                MaxTextLength = 500,
                Apply = c =>
                {
                    c.Request.RegisteredAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Notice = (request, language) => new RequestNotice(OutreachTexts.For(language).Registered(request.Code), NoticeTopic),
            },
            new()
            {
                Name = Steps.Dispose,
                Label = "Disposisi Kepala kepada Kasubsi",
                From = [OutreachStatus.Received],
                To = OutreachStatus.Disposed,
                Roles = Handling,
                Standard = OutreachRules.DisposeStandard,
                Since = StandardSince.PreviousStep,
                AtRiskWithin = 1,
                MaxTextLength = 500,
                Apply = async c =>
                {
                    if (await ChosenAsync(c, OfficerRole.Kasubsi) is not { } kasubsi)
                    {
                        return "Pilih Kasubsi yang aktif di kantor ini.";
                    }

                    c.Request.DisposedAt = c.Now;
                    c.Request.KasubsiOfficerId = kasubsi;
                    return null;
                },
                Notice = (request, language) => new RequestNotice(OutreachTexts.For(language).Disposed(request.Code), NoticeTopic),
            },
            new()
            {
                Name = Steps.Decline,
                Label = "Ditolak Kepala",
                From = [OutreachStatus.Submitted, OutreachStatus.Received, OutreachStatus.Disposed],
                To = OutreachStatus.Declined,
                Roles = Handling,
                TextRequired = true,
                MaxTextLength = OutreachRules.MaxDeclineLength,
                Apply = c =>
                {
                    c.Request.DeclineReason = c.Text;
                    c.Request.ClosedAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Notice = (request, language) => new RequestNotice(OutreachTexts.For(language).Declined(request.Code, request.DeclineReason ?? ""), NoticeTopic, OutboundKind.Officer),
            },
            new()
            {
                Name = Steps.Appoint,
                Label = "Penunjukan tim oleh Kasubsi",
                From = [OutreachStatus.Disposed],
                To = OutreachStatus.TeamAppointed,
                Roles = Handling,
                AlsoAllowed = (request, officer) => officer.Id == request.KasubsiOfficerId,
                Standard = OutreachRules.AppointStandard,
                Since = StandardSince.PreviousStep,
                AtRiskWithin = 1,
                Apply = async c =>
                {
                    var ids = ReadIds(c.Input.Field(Fields.Team));
                    if (ids is null || ids.Count == 0)
                    {
                        return "Pilih ketua tim dan anggotanya.";
                    }

                    if (ids.Count > OutreachRules.MaxTeam)
                    {
                        return $"Satu tim paling banyak {OutreachRules.MaxTeam} petugas.";
                    }

                    var found = await c.Db.Officers.AsNoTracking()
                        .Where(o => ids.Contains(o.Id) && o.Active && o.OfficeId == c.Request.OfficeId)
                        .Select(o => new { o.Id, o.DisplayName, o.Phone })
                        .ToListAsync(c.CancellationToken);
                    if (found.Count != ids.Count)
                    {
                        return "Pilih petugas aktif dari kantor ini.";
                    }

                    var leader = found.Single(o => o.Id == ids[0]);
                    var officePhone = await c.Db.Offices.AsNoTracking().Where(o => o.Id == c.Request.OfficeId).Select(o => o.Phone).SingleOrDefaultAsync(c.CancellationToken);
                    Facts.AddOrUpdate(c.Request, new NoticeFacts(leader.DisplayName, leader.Phone, officePhone, null));
                    c.Request.TeamOfficerIds = OutreachRules.TeamIds(ids);
                    c.Request.TeamAppointedAt = c.Now;
                    return null;
                },
                Note = _ => null,
                Notice = (request, language) => Facts.TryGetValue(request, out var facts)
                    ? new RequestNotice(OutreachTexts.For(language).TeamAppointed(request.Code, facts.Leader, facts.LeaderPhone, facts.OfficePhone), NoticeTopic)
                    : null,
            },
            new()
            {
                Name = Steps.Schedule,
                Label = "Tanggal disepakati dengan pemohon",
                From = [OutreachStatus.TeamAppointed],
                To = OutreachStatus.Scheduled,
                Roles = Handling,
                AlsoAllowed = OnTeamOrKasubsi,
                MaxTextLength = 300,
                Apply = async c =>
                {
                    var office = await c.Db.Offices.AsNoTracking().SingleAsync(o => o.Id == c.Request.OfficeId, c.CancellationToken);
                    if (!DateTime.TryParseExact(c.Input.Choice, ScheduleFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    {
                        return "Isi tanggal dan jam penyuluhan yang disepakati.";
                    }

                    var at = DutyRoster.ToUtc(office, local);
                    if (at < c.Now || at > c.Now + MaxScheduleAhead)
                    {
                        return "Tanggal penyuluhan harus setelah sekarang dan dalam setahun ke depan.";
                    }

                    var leader = await LeaderAsync(c);
                    Facts.AddOrUpdate(c.Request, new NoticeFacts(leader?.DisplayName ?? "—", leader?.Phone, office.Phone, office));
                    c.Request.ScheduledFor = at;
                    c.Request.ScheduledAt = c.Now;
                    return null;
                },
                Notice = (request, language) => Facts.TryGetValue(request, out var facts) && facts.Office is { } office && request.ScheduledFor is { } at
                    ? new RequestNotice(OutreachTexts.For(language).Scheduled(request.Code, OutreachTexts.For(language).When(office, at), facts.Leader, facts.LeaderPhone), NoticeTopic)
                    : null,
            },
            new()
            {
                Name = Steps.Hold,
                Label = "Penyuluhan terlaksana",
                From = [OutreachStatus.Scheduled],
                To = OutreachStatus.Held,
                Roles = Handling,
                AlsoAllowed = OnTeamOrKasubsi,
                MaxTextLength = 300,
                Apply = c =>
                {
                    c.Request.HeldAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                Notice = (request, language) => new RequestNotice(OutreachTexts.For(language).Held(request.Code), NoticeTopic),
            },
            new()
            {
                Name = Steps.Report,
                Label = "Laporan singkat",
                From = [OutreachStatus.Held],
                To = OutreachStatus.Reported,
                Roles = Handling,
                AlsoAllowed = OnTeamOrKasubsi,
                TextRequired = true,
                MaxTextLength = OutreachRules.MaxReportLength,
                Apply = c =>
                {
                    if (!int.TryParse(c.Input.Field(Fields.Attendance), NumberStyles.None, CultureInfo.InvariantCulture, out var attendance)
                        || attendance > OutreachRules.MaxAudienceSize)
                    {
                        return Task.FromResult<string?>($"Isi jumlah peserta yang hadir (angka 0 sampai {OutreachRules.MaxAudienceSize}).");
                    }

                    var photos = c.Input.Field(Fields.Photos);
                    if (photos.Length > 0)
                    {
                        IReadOnlyList<StoredAttachment> files;
                        try
                        {
                            files = StoredAttachment.ListFromJson(photos);
                        }
                        catch (JsonException)
                        {
                            return Task.FromResult<string?>("Foto laporan tidak terbaca; unggah lagi.");
                        }

                        if (files.Count > OutreachRules.MaxPhotos)
                        {
                            return Task.FromResult<string?>($"Paling banyak {OutreachRules.MaxPhotos} foto.");
                        }

                        c.Request.ReportPhotos = files.Count == 0 ? null : JsonSerializer.Serialize(files);
                    }

                    c.Request.Attendance = attendance;
                    c.Request.ReportText = c.Text;
                    c.Request.ReportedAt = c.Now;
                    c.Request.ClosedAt = c.Now;
                    return Task.FromResult<string?>(null);
                },
                // The report text stays on the request; the history says only that it was written.
                Note = c => $"{c.Request.Attendance} peserta hadir",
                Notice = (request, language) => new RequestNotice(OutreachTexts.For(language).Reported(request.Code, request.Attendance ?? 0), NoticeTopic),
                // The notice and the satisfaction question go out together, in the requester's own turn.
                Turn = request => new FollowUpTurn(OutreachSurveyDialog.DialogId, request.Id.ToString(CultureInfo.InvariantCulture)),
            },
        ],
    };

    /// <summary>The team members, the Kasubsi it was dispositioned to (and the head, by role) take the later steps.</summary>
    private static bool OnTeamOrKasubsi(OutreachRequest request, Officer officer) =>
        officer.Id == request.KasubsiOfficerId || OutreachRules.OnTeam(request, officer.Id);

    /// <summary>Officer ids as the form sends them ("7,3,9"), each once in order; null when something is not an id.</summary>
    public static List<int>? ReadIds(string text)
    {
        var ids = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return null;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static async Task<int?> ChosenAsync(StepContext<OutreachRequest> c, OfficerRole role)
    {
        if (c.Input.Reference is not { } chosen || chosen > int.MaxValue)
        {
            return null;
        }

        var id = (int)chosen;
        return await c.Db.Officers.AnyAsync(o => o.Id == id && o.Active && o.OfficeId == c.Request.OfficeId && o.Role == role, c.CancellationToken) ? id : null;
    }

    private static async Task<Officer?> LeaderAsync(StepContext<OutreachRequest> c) =>
        OutreachRules.Team(c.Request) is [var leader, ..]
            ? await c.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == leader, c.CancellationToken)
            : null;

    private static RequestStatusTexts StatusTexts(Domain.Offices.Office office, string language)
    {
        var texts = OutreachTexts.For(language);
        return new RequestStatusTexts(texts.NotFound, texts.Paused, until => Dialogs.DialogTexts.For(language).WithContact(texts.Busy(until), office));
    }
}
