using System.Security.Claims;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>What a refusal or a "not found" page tells the officer, and where it sends them.</summary>
/// <param name="Reason">Why, when the page that refused knows (who may open it).</param>
/// <param name="Back">The list the officer came from, when there is one they may open.</param>
/// <param name="Admins">Whom to ask for access: the active admins of the officer's office.</param>
public sealed record ConsoleRefusal(string? Reason, ConsoleNavItem? Back, IReadOnlyList<string> Admins)
{
    /// <summary>"Kembali ke daftar pengaduan": the button back to <see cref="Back"/>.</summary>
    public string? BackLabel => Back is null ? null
        : Back.Label == "daftar" ? "Kembali ke daftar"
        : "Kembali ke daftar " + Back.Label.ToLower(ConsoleText.Indonesian);
}

/// <summary>
/// The console's own 404 and 403 pages: a console URL that answers 404 or 403 without a body (an
/// unknown id, a page that does not exist, a file a role may not open) is answered by
/// <c>/console/galat/{code}</c> inside the console layout, with the same status. A page that
/// refuses can say why with <see cref="Refuse"/>. Other URLs, the console's files and its
/// background requests (live refreshes, the event stream) keep their bare status codes.
/// </summary>
public sealed class ConsoleErrors(
    ConsoleNavigation navigation,
    EndpointDataSource endpoints,
    IAuthorizationPolicyProvider policies,
    ChatBotDbFactory factory)
{
    public const string PagePath = "/console/galat";

    private const string ReasonKey = "console.refusal";

    private IReadOnlyList<(TemplateMatcher Matcher, int Parameters, Endpoint Endpoint)>? _pages;

    /// <summary>Answers 403 and 404 of console pages with the console's error page.</summary>
    public static void Use(IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ConsoleSetup.BasePath, StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments(ConsoleSetup.AssetsPath, StringComparison.OrdinalIgnoreCase)
                && !ConsoleSetup.IsBackground(context.Request),
            branch => branch.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = ReExecuteAsync }));

    /// <summary>Tells the error page why this request is refused (Indonesian, one sentence).</summary>
    public static void Refuse(HttpContext http, string reason) => http.Items[ReasonKey] = reason;

    /// <summary>What to tell <paramref name="user"/> about a refusal or a missing page at <paramref name="path"/>.</summary>
    public async Task<ConsoleRefusal> DescribeAsync(HttpContext http, ClaimsPrincipal user, string? path, Endpoint? refusedBy, CancellationToken cancellationToken)
    {
        var signedIn = user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == ConsoleClaims.Office);
        if (!signedIn)
        {
            return new(null, null, []);
        }

        var reason = http.Items[ReasonKey] as string;
        if (reason is null && (refusedBy ?? (path is null ? null : Find(path))) is { } endpoint && await RolesOfAsync(endpoint) is { } roles)
        {
            reason = $"Halaman ini hanya untuk {Roles(roles)}.";
        }

        return new(reason, path is null ? null : await BackAsync(user, path), await AdminsAsync(user, cancellationToken));
    }

    /// <summary>The roles a policy admits, or null when it admits every role (or none is named).</summary>
    public async Task<IReadOnlyList<OfficerRole>?> RolesAsync(string policy) =>
        await policies.GetPolicyAsync(policy) is { } found ? Admitted(found) : null;

    /// <summary>"Kepala kantor dan Petugas layanan".</summary>
    public static string Roles(IReadOnlyList<OfficerRole> roles)
    {
        var labels = roles.Select(ConsoleText.RoleLabel).ToList();
        return labels.Count <= 1 ? string.Concat(labels) : string.Join(", ", labels[..^1]) + " dan " + labels[^1];
    }

    /// <summary>The nearest list above <paramref name="path"/>: a page of the navigation the officer may open, else any page there.</summary>
    private async Task<ConsoleNavItem?> BackAsync(ClaimsPrincipal user, string path)
    {
        var links = await navigation.ForAsync(user);
        var trimmed = path.TrimEnd('/').ToLowerInvariant();
        var ancestors = new List<string>();
        for (var at = trimmed; at.Length > ConsoleSetup.BasePath.Length; at = at[..at.LastIndexOf('/')])
        {
            ancestors.Add(at);
        }

        foreach (var ancestor in ancestors)
        {
            if (links.FirstOrDefault(l => l.Href == ancestor && l.Href != ConsoleSetup.BasePath) is { } link)
            {
                return link;
            }
        }

        foreach (var ancestor in ancestors.Skip(1))
        {
            if (Find(ancestor) is not null)
            {
                return new ConsoleNavItem("daftar", ancestor, ancestor, 0);
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<string>> AdminsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var office = user.OfficeId();
        await using var db = factory.CreateDbContext();
        return await db.Officers.AsNoTracking()
            .Where(o => o.OfficeId == office && o.Active && o.Role == OfficerRole.Admin)
            .OrderBy(o => o.DisplayName)
            .Select(o => o.DisplayName)
            .Take(5)
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<OfficerRole>?> RolesOfAsync(Endpoint endpoint)
    {
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        return data.Count == 0 || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            ? null
            : await AuthorizationPolicy.CombineAsync(policies, data) is { } policy ? Admitted(policy) : null;
    }

    private static IReadOnlyList<OfficerRole>? Admitted(AuthorizationPolicy policy)
    {
        var every = Enum.GetValues<OfficerRole>();
        IEnumerable<OfficerRole> admitted = every;
        var named = false;
        foreach (var roles in policy.Requirements.OfType<RolesAuthorizationRequirement>())
        {
            named = true;
            var allowed = roles.AllowedRoles.Select(r => Enum.TryParse<OfficerRole>(r, out var role) ? role : (OfficerRole?)null).OfType<OfficerRole>().ToList();
            admitted = admitted.Intersect(allowed);
        }

        var list = admitted.ToList();
        return !named || list.Count == every.Length ? null : list;
    }

    /// <summary>The console page whose route matches <paramref name="path"/> (fewest parameters first), or null.</summary>
    private Endpoint? Find(string path)
    {
        _pages ??= [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.RawText is not null)
            .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary()), e.RoutePattern.Parameters.Count, (Endpoint)e))
            .OrderBy(p => p.Count)];
        foreach (var (matcher, _, endpoint) in _pages)
        {
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                return endpoint;
            }
        }

        return null;
    }

    /// <summary>Runs the rest of the pipeline again for the error page, as <c>UseStatusCodePagesWithReExecute</c> does.</summary>
    private static async Task ReExecuteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound))
        {
            return;
        }

        var request = http.Request;
        var originalPath = request.Path;
        var originalQuery = request.QueryString;
        var routeValues = http.Features.Get<Microsoft.AspNetCore.Http.Features.IRouteValuesFeature>();
        var endpoint = http.GetEndpoint();
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPathBase = request.PathBase.Value!,
            OriginalPath = originalPath.Value!,
            OriginalQueryString = originalQuery.HasValue ? originalQuery.Value : null,
            Endpoint = endpoint,
            RouteValues = routeValues?.RouteValues is { } values ? new RouteValueDictionary(values) : null,
        });
        http.SetEndpoint(null);
        if (routeValues is not null)
        {
            routeValues.RouteValues = [];
        }

        request.Path = $"{PagePath}/{status}";
        request.QueryString = QueryString.Empty;
        try
        {
            await context.Next(http);
        }
        finally
        {
            request.Path = originalPath;
            request.QueryString = originalQuery;
            http.Features.Set<IStatusCodeReExecuteFeature>(null);
        }
    }
}
