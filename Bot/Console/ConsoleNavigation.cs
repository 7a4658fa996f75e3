using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// Puts a console page in the top navigation: <c>[ConsoleNav("Percakapan", Order = 20)]</c> on its
/// <see cref="PageModel"/>. The link is shown only to officers the page's policies admit (the
/// <c>[Authorize(Policy = ...)]</c> on the model and the folder's officer policy).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConsoleNavAttribute(string label) : Attribute
{
    /// <summary>The link's text (Indonesian).</summary>
    public string Label { get; } = label;

    /// <summary>Position from the left; Beranda is 0, Log audit 80, Petugas 90.</summary>
    public int Order { get; set; } = 50;
}

/// <summary>A link in the console's navigation.</summary>
public sealed record ConsoleNavItem(string Label, string Href, string PagePath, int Order);

/// <summary>
/// The console's navigation, found from the pages themselves (see <see cref="ConsoleNavAttribute"/>)
/// so a page added in any folder under <c>Bot/Console</c> appears without editing the layout.
/// </summary>
public sealed class ConsoleNavigation(
    IActionDescriptorCollectionProvider actions,
    PageLoader loader,
    IAuthorizationPolicyProvider policies,
    IAuthorizationService authorization)
{
    private Task<IReadOnlyList<(ConsoleNavItem Item, AuthorizationPolicy? Policy)>>? _entries;

    /// <summary>The links the user may follow, in order.</summary>
    public async Task<IReadOnlyList<ConsoleNavItem>> ForAsync(ClaimsPrincipal user)
    {
        var entries = await (_entries ??= LoadAsync());
        var visible = new List<ConsoleNavItem>();
        foreach (var (item, policy) in entries)
        {
            if (policy is null || (await authorization.AuthorizeAsync(user, null, policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return visible;
    }

    private async Task<IReadOnlyList<(ConsoleNavItem, AuthorizationPolicy?)>> LoadAsync()
    {
        var entries = new List<(ConsoleNavItem, AuthorizationPolicy?)>();
        // A page has one descriptor per route (an Index page two: /console/index and /console);
        // the shortest route is the link, and a page's own route (@page "/console/percakapan") wins.
        var pages = actions.ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Where(p => p.ViewEnginePath.StartsWith("/Console/", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => p.ViewEnginePath, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.MinBy(p => p.AttributeRouteInfo?.Template?.Length ?? int.MaxValue)!);
        foreach (var page in pages)
        {

            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            if (compiled.ModelTypeInfo?.GetCustomAttributes(typeof(ConsoleNavAttribute), false).FirstOrDefault() is not ConsoleNavAttribute nav)
            {
                continue;
            }

            var authorizeData = compiled.EndpointMetadata.OfType<IAuthorizeData>().ToList();
            var allowsAnonymous = compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            var policy = allowsAnonymous || authorizeData.Count == 0 ? null : await AuthorizationPolicy.CombineAsync(policies, authorizeData);
            entries.Add((new ConsoleNavItem(nav.Label, Href(page), page.ViewEnginePath, nav.Order), policy));
        }

        return [.. entries.OrderBy(e => e.Item1.Order).ThenBy(e => e.Item1.Label, StringComparer.Ordinal)];
    }

    /// <summary>The page's route as a link: <c>/console</c>, <c>/console/audit</c>, <c>/console/percakapan</c>.</summary>
    internal static string Href(PageActionDescriptor page)
    {
        if (page.AttributeRouteInfo?.Template is { } template)
        {
            return "/" + template.TrimStart('/').ToLowerInvariant();
        }

        var path = page.ViewEnginePath.EndsWith("/Index", StringComparison.Ordinal) ? page.ViewEnginePath[..^"/Index".Length] : page.ViewEnginePath;
        return path.ToLowerInvariant();
    }
}
