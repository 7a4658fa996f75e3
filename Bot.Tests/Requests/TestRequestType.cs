using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Requests;

/// <summary>
/// A request type that exists only in tests (<c>UJI-</c>): three steps taken by two roles, a deadline in
/// working days, a notice at each step. It is declared the way a real service declares itself and
/// keeps its rows in the complaint table, so nothing but the mechanism is shared with complaints.
/// </summary>
public static class TestRequestType
{
    public const string Kind = "uji";

    public const string Prefix = "UJI";

    public const string Topic = "uji_status";

    public static RequestType<Complaint, ComplaintStatus> Create() => new()
    {
        Kind = Kind,
        Prefix = Prefix,
        Subject = "Uji",
        Flow = TestFilingDialog.DialogId,
        Label = "Permohonan uji",
        Viewers = [OfficerRole.Kepala, OfficerRole.ServiceOfficer],
        NotFoundTexts = (_, _) => new RequestStatusTexts(code => $"Permohonan {code} tidak ditemukan.", until => $"Dijeda sampai {until}.", until => $"Sibuk sampai {until}."),
        StatusName = status => status.ToString(),
        Query = db => db.Complaints.Where(c => c.Code.StartsWith(Prefix + "-")),
        WithCode = (query, code) => query.Where(c => c.Code == code),
        Status = (request, _, _) => $"Permohonan {request.Code}: tahap {request.Status}.",
        Describe = request => [("Isi", request.Description)],
        Steps =
        [
            new()
            {
                Name = "periksa",
                Label = "Diperiksa petugas",
                From = [ComplaintStatus.Received],
                To = ComplaintStatus.Reviewed,
                Roles = [OfficerRole.ServiceOfficer],
                Standard = ServiceStandard.WorkingDays(2),
                Notice = (request, _) => new RequestNotice($"Permohonan {request.Code} sudah diperiksa.", Topic),
            },
            new()
            {
                Name = "setujui",
                Label = "Disetujui Kepala",
                From = [ComplaintStatus.Reviewed],
                To = ComplaintStatus.FollowedUp,
                Roles = [OfficerRole.Kepala],
                TextRequired = true,
                Choices = [("ya", "Setuju"), ("syarat", "Setuju dengan syarat")],
                Apply = c => Task.FromResult(c.Input.Choice is "ya" or "syarat" ? null : "Pilih keputusan."),
                Notice = (request, _) => new RequestNotice($"Permohonan {request.Code} disetujui Kepala.", Topic),
            },
            new()
            {
                Name = "selesaikan",
                Label = "Diselesaikan",
                From = [ComplaintStatus.FollowedUp],
                To = ComplaintStatus.Closed,
                Roles = [OfficerRole.ServiceOfficer],
                Standard = ServiceStandard.WorkingDays(5),
                Notice = (request, _) => new RequestNotice($"Permohonan {request.Code} selesai.", Topic),
            },
        ],
    };

    /// <summary>The one declaration the host registers and the filing dialog files with.</summary>
    public static readonly RequestType<Complaint, ComplaintStatus> Shared = Create();

    /// <summary>Registers the type beside the real ones (a test host's <c>services</c> hook).</summary>
    public static void Register(IServiceCollection services)
    {
        var type = Shared;
        services.AddSingleton<IRequestType>(type);
        services.AddKeyedSingleton(Kind, type);
    }
}

/// <summary>The citizen's side of the test type: menu entry 2 asks for one line and files it.</summary>
public sealed class TestFilingDialog(RequestType<Complaint, ComplaintStatus> type) : Dialog(TestFilingDialog.DialogId)
{
    /// <summary>Stands in for menu entry 2.</summary>
    public const string DialogId = "litmas-status";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        dc.Say("Tulis permohonan Anda dalam satu pesan.");
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        var request = new Complaint
        {
            Code = "",
            OfficeId = dc.Office.Id,
            ConversationId = dc.Conversation.Id,
            Channel = dc.Conversation.Channel,
            Category = ComplaintCategory.Other,
            Description = dc.Text,
            Status = ComplaintStatus.Received,
            ReceivedAt = dc.UtcNow,
            VerificationDue = dc.Today,
            AnswerDue = dc.Today,
        };
        await RequestDesk.FileAsync(dc.Work, type, request, code => request.Code = code);
        dc.Say($"Permohonan diterima dengan kode {request.Code}.");
        return await dc.EndDialogAsync();
    }
}
