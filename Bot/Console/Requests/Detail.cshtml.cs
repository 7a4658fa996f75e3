using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Requests;

/// <summary>
/// <c>/console/permohonan/{kind}/{id}</c>: one request of any request type — what the type shows of
/// it, its steps with deadlines and history, and a form for each step the signed-in officer may take
/// now, run by the request desk. Every view is audited.
/// </summary>
public sealed class DetailModel(
    RequestPages pages,
    RequestDesk desk,
    OfficeScope scope,
    OfficeDirectory offices,
    ConsoleAuditLog audit,
    ChatBotDbFactory factory,
    WorkingDayCalendar calendar,
    TimeProvider time) : PageModel
{
    public IRequestType Type { get; private set; } = null!;

    public IServiceRequest Item { get; private set; } = null!;

    public RequestProgress Progress { get; private set; } = null!;

    public IReadOnlyList<RequestStepInfo> OpenSteps { get; private set; } = [];

    public IReadOnlyDictionary<int, string> OfficerNames { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty]
    public long Revision { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string kind, long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(kind, id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // A type with pages of its own takes its steps there (forms this page cannot show); its own page audits the view.
        if (Type.ConsolePath is { } own)
        {
            return Redirect($"{own}/{id}");
        }

        await audit.WriteAsync(User, $"{Type.Kind}.view", $"{Type.Subject}/{id}", null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(string kind, long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(kind, id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } officer)
        {
            return Forbid();
        }

        var result = await Type.ActAsync(desk, id, Step ?? "", officer, new StepInput(Text, Choice: Choice), Revision, cancellationToken);
        if (result.Status == RequestActionStatus.Forbidden)
        {
            return Forbid();
        }

        Notice = RequestNotices.Notice(result, "Tersimpan; pemohon sudah dikabari bila ada kabar untuknya.", "permohonan");
        return RedirectToPage(new { kind, id });
    }

    private async Task<IActionResult?> LoadAsync(string kind, long id, CancellationToken cancellationToken)
    {
        if (pages.Find(kind) is not { } type)
        {
            return NotFound();
        }

        if (!RequestPages.MayOpen(type, User))
        {
            return Forbid();
        }

        await using var db = factory.CreateDbContext();
        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } me
            || await type.FindAsync(db, id, me, cancellationToken) is not { } request || !scope.MaySee(User, request.OfficeId) || offices.Find(request.OfficeId) is not { } office)
        {
            return NotFound();
        }

        Type = type;
        Item = request;
        Progress = await type.ProgressAsync(db, request, office, calendar, time.GetUtcNow().UtcDateTime, cancellationToken);
        OpenSteps = type.OpenSteps(request, me);
        var ids = Progress.History.Select(h => h.OfficerId).OfType<int>().Distinct().ToList();
        OfficerNames = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        return null;
    }
}
