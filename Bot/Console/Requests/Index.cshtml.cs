using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Requests;

/// <summary>
/// <c>/console/permohonan/{kind}</c>: the open requests of any request type, oldest first, with the
/// step each waits for. A type with pages of its own (complaints, integration) links there instead.
/// </summary>
public sealed class IndexModel(RequestPages pages, OfficeScope scope, OfficeDirectory offices, ChatBotDbFactory factory) : PageModel
{
    public const int Limit = 300;

    public IRequestType Type { get; private set; } = null!;

    public IReadOnlyList<IServiceRequest> Open { get; private set; } = [];

    public Office? OfficeOf(int id) => offices.Find(id);

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (pages.Find(kind) is not { } type)
        {
            return NotFound();
        }

        if (type.ConsolePath is { } own)
        {
            return Redirect(own);
        }

        if (!RequestPages.MayOpen(type, User))
        {
            return Forbid();
        }

        if (await OfficerLookup.CurrentAsync(factory, User, cancellationToken) is not { } me)
        {
            return Forbid();
        }

        Type = type;
        await using var db = factory.CreateDbContext();
        Open = await type.OpenAsync(db, [.. scope.Visible(User).Select(o => o.Id)], me, Limit, cancellationToken);
        return Page();
    }
}
