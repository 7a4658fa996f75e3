using System.Security.Claims;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.OfficerConsole.Requests;

/// <summary>Finds the request type a console URL names (<c>/console/permohonan/{kind}</c>) and who may open it.</summary>
public sealed class RequestPages(IEnumerable<IRequestType> types)
{
    private readonly IReadOnlyDictionary<string, IRequestType> _types = types.ToDictionary(t => t.Kind, StringComparer.OrdinalIgnoreCase);

    public IRequestType? Find(string kind) => _types.GetValueOrDefault(kind);

    public static bool MayOpen(IRequestType type, ClaimsPrincipal user) => type.Viewers.Contains(user.Role());
}
