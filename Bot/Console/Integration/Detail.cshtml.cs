using ChatBot.Bot.Flows.IntegrationInfo;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Visits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Integration;

/// <summary>
/// <c>/console/integrasi/{id}</c>: one request — the 13 items, the roster entries proposed for the inmate
/// named (the SDP export), the verify form ("found: this one" or "not in SDP") and, once verified, the
/// answer form. Answers go to the requester through every channel they gave that the service has on
/// (<see cref="AnswerChannels"/>). Every view is audited.
/// </summary>
[Authorize(Policy = ConsoleClaims.IntegrationPolicy)]
public sealed class DetailModel(
    RequestDesk desk,
    RequestType<IntegrationRequest, IntegrationRequestStatus> requests,
    ChatBotDbFactory factory,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    IAuthorizationService authorization,
    ChatBot.Channels.WhatsApp.TwilioOptions whatsApp,
    ChatBot.Channels.Email.EmailOptions email,
    TimeProvider time) : PageModel
{
    /// <summary>Where the answer goes, in words ("WhatsApp dan email"): the requester's number and address, where those channels are on.</summary>
    public string AnswerChannels => string.Join(" dan ", new[]
    {
        Item.Phone is not null && whatsApp.Enabled ? "WhatsApp" : null,
        Item.Email is not null && email.Enabled ? "email" : null,
        FiledInSimulator ? "simulator" : null,
    }.OfType<string>()) is { Length: > 0 } channels ? channels : "tidak ada saluran yang aktif";

    /// <summary>Posted by the verify form for "not in SDP".</summary>
    public const string NotInSdp = "tidak-ada";

    public IntegrationRequest Item { get; private set; } = null!;

    public IReadOnlyList<Inmate> Proposed { get; private set; } = [];

    public Inmate? Matched { get; private set; }

    public bool MayViewKtp { get; private set; }

    /// <summary>The NIK, like the KTP it comes from, only for the roles allowed to see the KTP.</summary>
    public bool MayViewIdentity { get; private set; }

    public string ShownNik => Item.Nik is not { Length: > 4 } nik ? "" : MayViewIdentity ? nik : new string('•', nik.Length - 4) + nik[^4..];

    public DateTime Now { get; private set; }

    /// <summary>The form was filled in the simulator, which hears the answer too.</summary>
    public bool FiledInSimulator { get; private set; }

    public Office? Office => offices.Find(Item.OfficeId);

    [BindProperty]
    public string? Inmate { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public long Revision { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.WriteAsync(User, "integration.view", $"IntegrationRequest/{id}", null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        long? inmateId = Inmate == NotInSdp ? null : long.TryParse(Inmate, out var chosen) ? chosen : -1;
        if (inmateId == -1)
        {
            Notice = "Pilih data WBP yang cocok, atau \"Tidak ada di SDP\".";
            return RedirectToPage(new { id });
        }

        var result = await ActAsync(
            id,
            inmateId is null ? IntegrationRequests.Steps.NotInSdp : IntegrationRequests.Steps.Verify,
            new StepInput(Reference: inmateId),
            cancellationToken);
        Notice = Describe(result, inmateId is null
            ? "Pemohon diberi tahu lewat WhatsApp dan email bahwa data WBP tidak ada di SDP. Permohonan selesai."
            : "Data WBP terverifikasi. Tulis informasinya di bawah.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await ActAsync(id, IntegrationRequests.Steps.Answer, new StepInput(Answer), cancellationToken);
        Notice = Describe(result, "Informasi dikirim ke pemohon lewat WhatsApp dan email. Permohonan selesai.");
        return RedirectToPage(new { id });
    }

    private async Task<RequestActionResult> ActAsync(long id, string step, StepInput input, CancellationToken cancellationToken) =>
        await Conversations.OfficerLookup.CurrentAsync(factory, User, cancellationToken) is { } officer
            ? await desk.ActAsync(requests, id, step, officer, input, Revision, cancellationToken)
            : new RequestActionResult(RequestActionStatus.Forbidden);

    private static string Describe(RequestActionResult result, string done) => result.Status switch
    {
        RequestActionStatus.Done => done,
        RequestActionStatus.Conflict => "Tidak disimpan: permohonan sudah diproses petugas lain. Periksa lalu coba lagi.",
        RequestActionStatus.Invalid when result.Message is { } message && !message.StartsWith("Isian", StringComparison.Ordinal) => message,
        RequestActionStatus.Invalid => $"Tulis informasinya (paling banyak {IntegrationRequests.MaxAnswerLength} karakter).",
        RequestActionStatus.Forbidden => "Anda tidak berwenang mengambil tahap ini.",
        _ => "Data tidak ditemukan.",
    };

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var request = await db.IntegrationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !scope.MaySee(User, request.OfficeId))
        {
            return false;
        }

        Item = request;
        Now = time.GetUtcNow().UtcDateTime;
        FiledInSimulator = await db.Conversations.AnyAsync(c => c.Id == request.ConversationId && c.Channel == ChatBot.Domain.Conversations.ChannelKind.Simulator, cancellationToken);
        MayViewIdentity = (await authorization.AuthorizeAsync(User, ConsoleClaims.IdentityPolicy)).Succeeded;
        MayViewKtp = request.KtpPath is not null && MayViewIdentity;
        if (request.Status == IntegrationRequestStatus.Submitted)
        {
            Proposed = await IntegrationRequests.ProposeAsync(db, request, cancellationToken);
        }

        if (request.MatchedInmateId is { } matched)
        {
            Matched = await db.Inmates.AsNoTracking().SingleOrDefaultAsync(i => i.Id == matched, cancellationToken);
        }

        return true;
    }
}
