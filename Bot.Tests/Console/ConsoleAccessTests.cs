using System.Net;
using ChatBot.Domain.Officers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// Who may open what in the console. The anonymous check walks every endpoint the service has under
/// /console, so a page added later is covered without touching this test.
/// </summary>
public sealed class ConsoleAccessTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    /// <summary>Sign-in, the refusal and the error page (its route walked with code 1, shown as "not found").</summary>
    private static readonly string[] OpenToAnyone = ["/console/masuk", "/console/ditolak", "/console/galat/1"];

    [Fact]
    public async Task Every_console_endpoint_sends_an_anonymous_visitor_to_sign_in()
    {
        var endpoints = ConsoleEndpoints().ToList();
        var paths = endpoints.Select(e => e.Path.ToLowerInvariant()).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "/console", "/console/masuk", "/console/ditolak", "/console/keluar", "/console/audit", "/console/petugas", "/console/events", "/console/api/session" },
            paths);

        using var client = ConsoleClient.For(service.Host);
        var problems = new List<string>();
        foreach (var (path, method) in endpoints)
        {
            var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var lower = path.ToLowerInvariant();
            var status = (int)response.StatusCode;
            if (OpenToAnyone.Contains(lower))
            {
                if (status is not (200 or 403 or 404))
                {
                    problems.Add($"{method} {path}: {status}, expected the page itself");
                }
            }
            else if (lower.StartsWith("/console/events", StringComparison.Ordinal) || lower.StartsWith("/console/api/", StringComparison.Ordinal))
            {
                if (status != 401)
                {
                    problems.Add($"{method} {path}: {status}, expected 401");
                }
            }
            else if (status != 302 || response.Headers.Location is null || !IsSignInPage(response))
            {
                problems.Add($"{method} {path}: {status} {response.Headers.Location}, expected a redirect to /console/masuk");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(OfficerRole.Admin)]
    [InlineData(OfficerRole.Kepala)]
    [InlineData(OfficerRole.Pk)]
    [InlineData(OfficerRole.VisitOfficer)]
    [InlineData(OfficerRole.ServiceOfficer)]
    public async Task Every_link_in_the_navigation_opens_a_page_the_officer_may_see(OfficerRole role)
    {
        using var officer = await ConsoleClient.SignedInAsync(service.Host, role);
        var home = await ConsoleClient.TextAsync(await officer.Http.GetAsync("/console"));
        var nav = home[home.IndexOf("<nav", StringComparison.Ordinal)..home.IndexOf("</nav>", StringComparison.Ordinal)];
        var links = System.Text.RegularExpressions.Regex.Matches(nav, "href=\"(/console[^\"]*)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(links);

        foreach (var link in links)
        {
            var response = await officer.Http.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_probation_officer_is_refused_the_officer_list_and_the_audit_log()
    {
        using var pk = await ConsoleClient.SignedInAsync(service.Host, OfficerRole.Pk);
        foreach (var path in new[] { "/console/petugas", "/console/audit" })
        {
            var response = await pk.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/console/ditolak", TargetPath(response));
        }

        var denied = await pk.Http.GetAsync("/console/ditolak");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Akses ditolak", await ConsoleClient.TextAsync(denied));

        // A background refresh (the page's script) gets the status, not a redirect.
        var background = new HttpRequestMessage(HttpMethod.Get, "/console/audit");
        background.Headers.Add("X-Console-Background", "1");
        Assert.Equal(HttpStatusCode.Forbidden, (await pk.Http.SendAsync(background)).StatusCode);
    }

    [Theory]
    [InlineData(OfficerRole.Admin, "/console/petugas", HttpStatusCode.OK)]
    [InlineData(OfficerRole.Admin, "/console/audit", HttpStatusCode.OK)]
    [InlineData(OfficerRole.Kepala, "/console/audit", HttpStatusCode.OK)]
    [InlineData(OfficerRole.Kepala, "/console/petugas", HttpStatusCode.Redirect)]
    [InlineData(OfficerRole.VisitOfficer, "/console", HttpStatusCode.OK)]
    [InlineData(OfficerRole.ServiceOfficer, "/console/audit", HttpStatusCode.Redirect)]
    public async Task Each_role_opens_what_it_may(OfficerRole role, string path, HttpStatusCode expected)
    {
        using var client = await ConsoleClient.SignedInAsync(service.Host, role);
        var response = await client.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal("/console/ditolak", TargetPath(response));
        }
    }

    [Fact]
    public async Task The_navigation_shows_only_the_pages_the_role_may_open()
    {
        using var pk = await ConsoleClient.SignedInAsync(service.Host, OfficerRole.Pk);
        using var admin = await ConsoleClient.SignedInAsync(service.Host, OfficerRole.Admin);

        var pkPage = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console"));
        var adminPage = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console"));

        Assert.Contains("href=\"/console\"", pkPage);
        Assert.DoesNotContain("href=\"/console/audit\"", pkPage);
        Assert.DoesNotContain("href=\"/console/petugas\"", pkPage);
        Assert.Contains("href=\"/console/audit\"", adminPage);
        Assert.Contains("href=\"/console/petugas\"", adminPage);
        Assert.Contains("Pembimbing Kemasyarakatan", pkPage);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_rejected()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(service.Host, OfficerRole.Pk);
        using var client = ConsoleClient.For(service.Host);

        var signIn = await client.PostFormAsync(
            "/console/masuk", [new("Input.UserName", officer.UserName), new("Input.Password", ConsoleClient.Password)], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain(client.Cookies.GetCookies(service.Host.BaseAddress), c => c.Name == "chatbot.console");

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        var signOut = await client.PostFormAsync("/console", [], action: "/console/keluar", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task Console_responses_carry_the_security_headers()
    {
        using var client = ConsoleClient.For(service.Host);
        foreach (var path in new[] { "/console/masuk", "/console", "/console/assets/console.js" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("style-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
        }

        var page = await client.Http.GetAsync("/console/masuk");
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=", html);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/console/assets/console.css")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_a_console_address()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(service.Host, OfficerRole.Kepala);
        using var local = ConsoleClient.For(service.Host);
        var toAudit = await local.SignInAsync(officer.UserName, ConsoleClient.Password, "/console/masuk?ReturnUrl=%2Fconsole%2Faudit");
        Assert.Equal("/console/audit", Target(toAudit));

        foreach (var target in new[] { "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2Fsimulator" })
        {
            using var client = ConsoleClient.For(service.Host);
            var response = await client.SignInAsync(officer.UserName, ConsoleClient.Password, "/console/masuk?ReturnUrl=" + target);
            Assert.Equal("/console", Target(response));
        }
    }

    /// <summary>Every route under /console the service maps, with a concrete path and a method it answers.</summary>
    private IEnumerable<(string Path, string Method)> ConsoleEndpoints()
    {
        var source = service.Host.Services.GetRequiredService<EndpointDataSource>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var path = ConcretePath(endpoint.RoutePattern);
            if (!path.StartsWith("/console", StringComparison.OrdinalIgnoreCase) || path.Length > 8 && path[8] != '/')
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var method = methods is null || methods.Count == 0 || methods.Contains(HttpMethods.Get) ? HttpMethods.Get : methods[0];
            if (seen.Add(method + " " + path))
            {
                yield return (path, method);
            }
        }
    }

    private static string ConcretePath(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { IsCatchAll: true } => "",
                RoutePatternParameterPart => "1",
                _ => "",
            }));
            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static bool IsSignInPage(HttpResponseMessage response) =>
        TargetPath(response).Equals("/console/masuk", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a redirect goes: path and query on this service, the whole address elsewhere.</summary>
    internal static string Target(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No Location header ({response.StatusCode}).");
        return !location.IsAbsoluteUri ? location.OriginalString
            : location.IsLoopback ? location.PathAndQuery
            : location.AbsoluteUri;
    }

    internal static string TargetPath(HttpResponseMessage response) => Target(response).Split('?')[0];

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
