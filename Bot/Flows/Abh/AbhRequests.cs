using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>
/// ABH accompaniment as a request type, in the SOP's order: received and handed to the head (1 hour), the
/// head's disposition to a Kasubsi BKA (30 minutes), the Kasubsi appoints a PK (30 minutes), the PK
/// acknowledges and sets off within 1 hour of the disposition, then records where and when the
/// accompaniment started. Each step resolves the alerts about the step it took (<see cref="AbhAlerts"/>
/// sends the next ones). The requester is told once more after filing: which PK is coming, and their
/// number. History notes stay empty: what officers write about a child is not kept beyond its retention.
/// </summary>
public static class AbhRequests
{
    public const string Kind = LookupKinds.Abh;

    public const string Prefix = "ABH";

    /// <summary>Outbox topic of the notice to the requester (WhatsApp picks its template by it outside the 24-hour window).</summary>
    public const string NoticeTopic = "abh-update";

    public const string Subject = "AbhRequest";

    public static class Steps
    {
        public const string Hand = "hand";
        public const string Dispose = "dispose";
        public const string Appoint = "appoint";
        public const string Acknowledge = "acknowledge";
        public const string Accompany = "accompany";
    }

    /// <summary>The start of an accompaniment as the console's date-time field sends it (office time).</summary>
    public const string StartFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>Who the requester is told is coming, found by the acknowledge step for its notice.</summary>
    private sealed record PkContact(string Name, string? Phone, string? OfficePhone);

    private static readonly ConditionalWeakTable<AbhRequest, PkContact> Contacts = [];

    public static RequestType<AbhRequest, AbhRequestStatus> Create() => new()
    {
        Kind = Kind,
        Prefix = Prefix,
        Subject = Subject,
        Flow = AbhFormDialog.DialogId,
        ConsolePath = "/console/abh",
        Label = "Pendampingan ABH",
        // Anyone may open the list and a request; the child's data is shown only to those who handle it (AbhAccess).
        Viewers = Enum.GetValues<OfficerRole>(),
        NotFoundTexts = StatusTexts,
        StatusName = status => AbhTexts.Indonesian.Statuses[status].Label,
        Query = db => db.AbhRequests,
        WithCode = (query, code) => query.Where(r => r.Code == code),
        Describe = request => [("Instansi", AbhTexts.Indonesian.Institutions.GetValueOrDefault(request.InstitutionKind, request.InstitutionKind))],
        Payload = (request, conversation) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["subject"] = AbhTexts.For(conversation.Language).EmailSubject(request.Code),
            ["code"] = request.Code,
        }),
        Status = (request, office, language) =>
        {
            var texts = AbhTexts.For(language);
            var (label, next) = texts.Statuses[request.Status];
            return texts.Status(request.Code, label, texts.When(office, request.ReceivedAt), next);
        },
        Steps =
        [
            new()
            {
                Name = Steps.Hand,
                Label = "Diterima dan diserahkan ke Kepala",
                From = [AbhRequestStatus.Received],
                To = AbhRequestStatus.WithHead,
                Roles = [OfficerRole.Kepala, OfficerRole.Kasubsi],
                // The officer on duty for the request takes it too, whatever their role: checked against the roster in Apply.
                AlsoAllowed = (_, _) => true,
                Standard = AbhRules.HandStandard,
                Apply = async c =>
                {
                    if (c.Officer.Role is not (OfficerRole.Kepala or OfficerRole.Kasubsi)
                        && !await AbhAccess.IsOnDutyForAsync(c.Db, c.Request, c.Officer, c.Now, c.CancellationToken))
                    {
                        return "Tahap ini diambil oleh petugas piket, Kepala atau Kasubsi.";
                    }

                    c.Request.HandedAt = c.Now;
                    await ResolveAlertsAsync(c);
                    return null;
                },
                Note = _ => null,
            },
            new()
            {
                Name = Steps.Dispose,
                Label = "Disposisi kepada Kasubsi BKA",
                From = [AbhRequestStatus.WithHead],
                To = AbhRequestStatus.Disposed,
                Roles = [OfficerRole.Kepala],
                Standard = AbhRules.DisposeStandard,
                Since = StandardSince.PreviousStep,
                Apply = async c =>
                {
                    if (await ChosenAsync(c, OfficerRole.Kasubsi) is not { } kasubsi)
                    {
                        return "Pilih Kasubsi BKA yang aktif di kantor ini.";
                    }

                    c.Request.DisposedAt = c.Now;
                    c.Request.KasubsiOfficerId = kasubsi;
                    await ResolveAlertsAsync(c);
                    return null;
                },
                Note = _ => null,
            },
            new()
            {
                Name = Steps.Appoint,
                Label = "Penunjukan PK",
                From = [AbhRequestStatus.Disposed],
                To = AbhRequestStatus.Appointed,
                Roles = [OfficerRole.Kepala],
                AlsoAllowed = (request, officer) => officer.Id == request.KasubsiOfficerId,
                Standard = AbhRules.AppointStandard,
                Since = StandardSince.PreviousStep,
                Apply = async c =>
                {
                    if (await ChosenAsync(c, OfficerRole.Pk) is not { } pk)
                    {
                        return "Pilih Pembimbing Kemasyarakatan yang aktif di kantor ini.";
                    }

                    c.Request.AppointedAt = c.Now;
                    c.Request.PkOfficerId = pk;
                    await ResolveAlertsAsync(c);
                    return null;
                },
                Note = _ => null,
            },
            new()
            {
                Name = Steps.Acknowledge,
                Label = "PK berangkat",
                From = [AbhRequestStatus.Appointed],
                To = AbhRequestStatus.Acknowledged,
                AlsoAllowed = (request, officer) => officer.Id == request.PkOfficerId,
                Standard = AbhRules.StartStandard,
                SinceStep = Steps.Dispose,
                Apply = async c =>
                {
                    var pk = await c.Db.Officers.AsNoTracking().Where(o => o.Id == c.Request.PkOfficerId).Select(o => new { o.DisplayName, o.Phone }).SingleAsync(c.CancellationToken);
                    var officePhone = await c.Db.Offices.AsNoTracking().Where(o => o.Id == c.Request.OfficeId).Select(o => o.Phone).SingleOrDefaultAsync(c.CancellationToken);
                    Contacts.AddOrUpdate(c.Request, new PkContact(pk.DisplayName, pk.Phone, officePhone));
                    c.Request.AcknowledgedAt = c.Now;
                    await ResolveAlertsAsync(c);
                    return null;
                },
                Note = _ => null,
                Notice = (request, language) => Contacts.TryGetValue(request, out var pk)
                    ? new RequestNotice(AbhTexts.For(language).PkComing(request.Code, pk.Name, pk.Phone, pk.OfficePhone), NoticeTopic)
                    : null,
            },
            new()
            {
                Name = Steps.Accompany,
                Label = "Pendampingan dimulai",
                From = [AbhRequestStatus.Acknowledged],
                To = AbhRequestStatus.Accompanied,
                Roles = [OfficerRole.Kepala],
                AlsoAllowed = (request, officer) => officer.Id == request.PkOfficerId || officer.Id == request.KasubsiOfficerId,
                TextRequired = true,
                MaxTextLength = AbhRules.MaxPlaceLength,
                Apply = async c =>
                {
                    var office = await c.Db.Offices.AsNoTracking().SingleAsync(o => o.Id == c.Request.OfficeId, c.CancellationToken);
                    if (!DateTime.TryParseExact(c.Input.Choice, StartFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    {
                        return "Isi tanggal dan jam pendampingan dimulai.";
                    }

                    var started = DutyRoster.ToUtc(office, local);
                    if (started > c.Now.AddMinutes(5) || started < c.Request.ReceivedAt.AddMinutes(-5))
                    {
                        return "Waktu mulai harus antara permohonan diterima dan sekarang.";
                    }

                    c.Request.AccompanimentStartedAt = started;
                    c.Request.AccompanimentPlace = c.Text;
                    c.Request.ClosedAt = c.Now;
                    return null;
                },
                Note = _ => null,
            },
        ],
    };

    /// <summary>The officer the step's input chose, when they are active in the request's office with <paramref name="role"/>.</summary>
    private static async Task<int?> ChosenAsync(StepContext<AbhRequest> c, OfficerRole role)
    {
        if (c.Input.Reference is not { } chosen || chosen > int.MaxValue)
        {
            return null;
        }

        var id = (int)chosen;
        return await c.Db.Officers.AnyAsync(o => o.Id == id && o.Active && o.OfficeId == c.Request.OfficeId && o.Role == role, c.CancellationToken) ? id : null;
    }

    /// <summary>The step the alerts were about is taken: they are over, at this step's time.</summary>
    private static async Task ResolveAlertsAsync(StepContext<AbhRequest> c)
    {
        var open = await c.Db.AbhAlerts.Where(a => a.AbhRequestId == c.Request.Id && a.ResolvedAt == null).ToListAsync(c.CancellationToken);
        foreach (var alert in open)
        {
            alert.ResolvedAt = c.Now;
        }
    }

    private static RequestStatusTexts StatusTexts(Domain.Offices.Office office, string language)
    {
        var texts = AbhTexts.For(language);
        return new RequestStatusTexts(texts.NotFound, texts.Paused, until => Dialogs.DialogTexts.For(language).WithContact(texts.Busy(until), office));
    }
}
