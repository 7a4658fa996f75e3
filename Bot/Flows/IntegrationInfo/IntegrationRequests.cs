using System.Text.Json;
using ChatBot.Channels.Email;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>
/// Integration information as a request type, as in the SOP: an officer verifies the request against
/// the roster (the SDP export) within 3 minutes — found, or "not in SDP", which answers and closes it —
/// then sends the information within 5 minutes. Answers go to the requester by WhatsApp (the phone
/// they gave) and by e-mail (the address they gave), once each, and in the simulator when the form
/// was filled there.
/// </summary>
public static class IntegrationRequests
{
    public const string Kind = LookupKinds.Integration;

    public const string Prefix = "INF";

    /// <summary>Outbox topic of the answer (WhatsApp picks its template by it outside the 24-hour window).</summary>
    public const string AnswerTopic = "integration-answer";

    public const int MaxAnswerLength = 4000;

    public static class Steps
    {
        public const string Verify = "verify";
        public const string NotInSdp = "not-in-sdp";
        public const string Answer = "answer";
    }

    private static readonly OfficerRole[] Desk = [OfficerRole.Admin, OfficerRole.Kepala, OfficerRole.ServiceOfficer];

    public static RequestType<IntegrationRequest, IntegrationRequestStatus> Create() => new()
    {
        Kind = Kind,
        Prefix = Prefix,
        Subject = "IntegrationRequest",
        Flow = Dialogs.WellKnownDialogs.IntegrationInfo,
        ConsolePath = "/console/integrasi",
        Label = "Informasi integrasi",
        Viewers = Desk,
        NotFoundTexts = StatusTexts,
        StatusName = status => IntegrationTexts.Indonesian.Statuses[status].Label,
        Query = db => db.IntegrationRequests,
        WithCode = (query, code) => query.Where(r => r.ReferenceCode == code),
        Recipients = RecipientsAsync,
        Payload = (request, conversation) => conversation.Channel switch
        {
            ChannelKind.WhatsApp => JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = request.ReferenceCode }),
            ChannelKind.Email => new EmailThreading(IntegrationTexts.For(request.Language).EmailSubject(request.ReferenceCode), null, null).ToJson(),
            _ => null,
        },
        Status = (request, office, language) =>
        {
            var texts = IntegrationTexts.For(language);
            var (label, next) = texts.Statuses[request.Status];
            return texts.Status(request.ReferenceCode, label, texts.When(office, request.SubmittedAt), next);
        },
        Steps =
        [
            new()
            {
                Name = Steps.Verify,
                Label = "Verifikasi SDP",
                From = [IntegrationRequestStatus.Submitted],
                To = IntegrationRequestStatus.Verified,
                Roles = Desk,
                Standard = IntegrationRules.VerifyStandard,
                Apply = async c =>
                {
                    var chosen = c.Input.Reference;
                    if (chosen is null || !await c.Db.Inmates.AnyAsync(i => i.Id == chosen && i.OfficeId == c.Request.OfficeId, c.CancellationToken))
                    {
                        return "Pilih data WBP yang cocok, atau \"Tidak ada di SDP\".";
                    }

                    c.Request.VerifiedAt = c.Now;
                    c.Request.MatchedInmateId = chosen;
                    return null;
                },
                Note = _ => null,
            },
            new()
            {
                Name = Steps.NotInSdp,
                Label = "Tidak ada di SDP",
                From = [IntegrationRequestStatus.Submitted],
                To = IntegrationRequestStatus.Closed,
                Roles = Desk,
                Standard = IntegrationRules.VerifyStandard,
                Apply = c =>
                {
                    var texts = IntegrationTexts.For(c.Request.Language);
                    c.Request.VerifiedAt = c.Now;
                    c.Request.MatchedInmateId = null;
                    Close(c.Request, IntegrationOutcome.NotInSdp, texts.AnswerNotInSdp(c.Request.ReferenceCode, texts.Programmes[c.Request.Programme], c.Request.InmateName ?? "-"), c.Now);
                    return Task.FromResult<string?>(null);
                },
                Note = _ => null,
                Notice = (request, _) => new RequestNotice(request.AnswerText!, AnswerTopic),
            },
            new()
            {
                Name = Steps.Answer,
                Label = "Informasi dikirim",
                From = [IntegrationRequestStatus.Verified],
                To = IntegrationRequestStatus.Closed,
                Roles = Desk,
                Standard = IntegrationRules.AnswerStandard,
                Since = StandardSince.PreviousStep,
                TextRequired = true,
                MaxTextLength = MaxAnswerLength,
                Apply = c =>
                {
                    Close(c.Request, IntegrationOutcome.Answered, c.Text, c.Now);
                    return Task.FromResult<string?>(null);
                },
                // The answer is erased with the request's personal data; the history keeps no copy.
                Note = _ => null,
                Notice = (request, _) =>
                {
                    var texts = IntegrationTexts.For(request.Language);
                    return new RequestNotice(texts.AnswerInformation(request.ReferenceCode, texts.Programmes[request.Programme], request.AnswerText!), AnswerTopic);
                },
            },
        ],
    };

    /// <summary>Roster entries whose name matches the inmate name the requester gave: the console proposes them.</summary>
    public static Task<List<Inmate>> ProposeAsync(ChatBotDb db, IntegrationRequest request, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.InmateName)
            ? Task.FromResult(new List<Inmate>())
            : Roster.CandidatesAsync(db, request.OfficeId, request.InmateName, cancellationToken);

    private static RequestStatusTexts StatusTexts(Domain.Offices.Office office, string language)
    {
        var texts = IntegrationTexts.For(language);
        return new RequestStatusTexts(texts.ReferenceNotFound, texts.Paused, until => Dialogs.DialogTexts.For(language).WithContact(texts.Busy(until), office));
    }

    private static void Close(IntegrationRequest request, IntegrationOutcome outcome, string answer, DateTime now)
    {
        request.Outcome = outcome;
        request.AnswerText = answer;
        request.ClosedAt = now;
    }

    /// <summary>The requester's WhatsApp and e-mail conversations (made when they do not exist yet), and the simulator one the form was filled in.</summary>
    private static async Task<IReadOnlyList<Conversation>> RecipientsAsync(ChatBotDb db, IntegrationRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var recipients = new List<Conversation>();
        if (request.Phone is { } phone)
        {
            recipients.Add(await ConversationAsync(db, request, ChannelKind.WhatsApp, phone, now, cancellationToken));
        }

        if (request.Email is { } email)
        {
            recipients.Add(await ConversationAsync(db, request, ChannelKind.Email, email.ToLowerInvariant(), now, cancellationToken));
        }

        if (request.ConversationId is { } origin
            && await db.Conversations.SingleOrDefaultAsync(c => c.Id == origin && c.Channel == ChannelKind.Simulator, cancellationToken) is { } simulator)
        {
            recipients.Add(simulator);
        }

        return recipients;
    }

    private static async Task<Conversation> ConversationAsync(ChatBotDb db, IntegrationRequest request, ChannelKind channel, string address, DateTime now, CancellationToken cancellationToken)
    {
        var found = await db.Conversations.SingleOrDefaultAsync(c => c.OfficeId == request.OfficeId && c.Channel == channel && c.UserAddress == address, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        var created = new Conversation
        {
            OfficeId = request.OfficeId,
            Channel = channel,
            UserAddress = address,
            Language = request.Language,
            CreatedAt = now,
            LastInboundAt = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
            LastActivityAt = now,
        };
        db.Conversations.Add(created);
        return created;
    }
}
