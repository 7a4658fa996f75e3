using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatBot.Bot.Simulator;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>
/// The simulator writes real records, so on a public deployment it is there only for this machine
/// and for signed-in officers; anyone else finds nothing at all. The test host lets a request
/// pretend to come from another address (<see cref="PretendRemoteAddress"/>); the traffic itself
/// stays on 127.0.0.1. Every route under /simulator the service maps is walked, so a route added
/// later is covered too.
/// </summary>
public sealed partial class SimulatorAccessTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Theory]
    [InlineData("203.0.113.7", "081200004201")]
    [InlineData("10.1.2.3", "081200004202")]
    [InlineData("2001:db8::7", "081200004203")]
    [InlineData("::ffff:203.0.113.7", "081200004204")]
    public async Task An_anonymous_client_from_elsewhere_finds_no_simulator_at_all(string remote, string phone)
    {
        // Even holding a valid token (say, one that leaked) does not help from outside.
        using var local = await SimulatorClient.ClaimAsync(Host, phone);
        var id = await local.SendOkAsync("halo");
        await local.RepliesAsync(id);

        using var http = Client(remote);
        http.DefaultRequestHeaders.Add(SimulatorSessions.Header, local.Token);
        var problems = new List<string>();
        foreach (var (method, path) in SimulatorRoutes(id, local.Token))
        {
            using var response = await SendAsync(http, method, path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || body.Length > 0)
            {
                problems.Add($"{method} {path}: {(int)response.StatusCode} {body}");
            }
        }

        // A method the route does not have, and malformed JSON, say nothing either.
        using (var put = await http.PutAsync("/simulator/api/messages", JsonContent.Create(new { text = "halo" })))
        {
            if (put.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"PUT /simulator/api/messages: {(int)put.StatusCode}");
            }
        }

        using (var broken = await http.PostAsync("/simulator/api/sessions", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")))
        {
            if (broken.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"POST /simulator/api/sessions (malformed): {(int)broken.StatusCode}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var home = await http.GetAsync("/");
        Assert.Equal("/console", ConsoleAccessTests.Target(home));
        Assert.Single(await local.HistoryAsync(), l => l.Direction == "in");
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("Via", "1.1 proxy.example")]
    [InlineData("X-Forwarded-Port", "443")]
    [InlineData("X-Original-For", "203.0.113.7:51234")]
    [InlineData("CF-Connecting-IP", "203.0.113.7")]
    [InlineData("True-Client-IP", "203.0.113.7")]
    [InlineData("X-Client-IP", "203.0.113.7")]
    [InlineData("X-Cluster-Client-IP", "203.0.113.7")]
    public async Task A_request_through_a_reverse_proxy_on_this_machine_is_not_local(string header, string value)
    {
        using var http = Client(remote: null);
        foreach (var (method, path) in new[] { ("GET", "/simulator"), ("POST", "/simulator/api/sessions") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.TryAddWithoutValidation(header, value);
            if (method == "POST")
            {
                request.Content = JsonContent.Create(new SimulatorSessionRequest("081200004231"));
            }

            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{header} on {method} {path}: {(int)response.StatusCode}");
        }

        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.TryAddWithoutValidation(header, value);
        Assert.Equal("/console", ConsoleAccessTests.Target(await http.SendAsync(home)));
    }

    [Theory]
    [InlineData("evil.example", "081200004241")]
    [InlineData("evil.example:5080", "081200004242")]
    [InlineData("localhost.evil.example", "081200004243")]
    [InlineData("127.0.0.1.nip.io", "081200004244")]
    [InlineData("0.0.0.0", "081200004245")]
    [InlineData("192.168.1.20:5080", "081200004246")]
    public async Task A_page_whose_own_name_resolves_to_this_machine_finds_no_simulator(string host, string phone)
    {
        // DNS rebinding: the browser connects to 127.0.0.1 but names the attacker's host.
        using var local = await SimulatorClient.ClaimAsync(Host, phone);
        using var http = Client(remote: null);
        foreach (var (method, path) in SimulatorRoutes(await local.SendOkAsync("halo"), local.Token))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Host = host;
            request.Headers.Add(SimulatorSessions.Header, local.Token);
            if (method is "POST")
            {
                request.Content = JsonContent.Create(new { from = phone, text = "halo" });
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"Host {host}, {method} {path}: {(int)response.StatusCode}");
        }

        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Host = host;
        Assert.Equal("/console", ConsoleAccessTests.Target(await http.SendAsync(home)));
        Assert.Single(await local.HistoryAsync(), l => l.Direction == "in");
    }

    [Theory]
    [InlineData("localhost", "081200004251")]
    [InlineData("LOCALHOST:5080", "081200004252")]
    [InlineData("127.0.0.1", "081200004253")]
    [InlineData("[::1]:8080", "081200004254")]
    public async Task A_loopback_host_name_with_any_port_is_local(string host, string phone)
    {
        using var http = Client(remote: null);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/simulator");
        page.Headers.Host = host;
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(page)).StatusCode);
        using var claim = new HttpRequestMessage(HttpMethod.Post, "/simulator/api/sessions") { Content = JsonContent.Create(new SimulatorSessionRequest(phone)) };
        claim.Headers.Host = host;
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(claim)).StatusCode);
    }

    [Theory]
    [InlineData(null, "081200004221")]
    [InlineData("::1", "081200004222")]
    [InlineData("::ffff:127.0.0.1", "081200004223")]
    [InlineData("127.0.0.2", "081200004224")]
    public async Task A_client_on_this_machine_is_served(string? loopback, string phone)
    {
        using var http = Client(loopback);
        using var page = await http.GetAsync("/simulator");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Simulator chat", await page.Content.ReadAsStringAsync());
        using var home = await http.GetAsync("/");
        Assert.Equal("/simulator", ConsoleAccessTests.Target(home));
        using var claim = await http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest(phone));
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_officer_from_elsewhere_may_use_the_simulator()
    {
        using var officer = ConsoleClient.For(Host);
        officer.Http.DefaultRequestHeaders.Add(PretendRemoteAddress.Header, "203.0.113.9");
        var account = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SignInAsync(account.UserName, ConsoleClient.Password)).StatusCode);

        using var page = await officer.Http.GetAsync("/simulator");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var home = await officer.Http.GetAsync("/");
        Assert.Equal("/simulator", ConsoleAccessTests.Target(home));

        using var claim = await officer.Http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest("081200004211"));
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        var session = await claim.Content.ReadFromJsonAsync<SimulatorSessionResponse>();
        officer.Http.DefaultRequestHeaders.Add(SimulatorSessions.Header, session!.Token);
        using var sent = await officer.Http.PostAsJsonAsync("/simulator/api/messages", new SimulatorSendRequest(null, "halo", null, null));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var stored = await sent.Content.ReadFromJsonAsync<SimulatorClient.Stored>();
        var replies = await officer.Http.GetFromJsonAsync<TurnReplies>($"/simulator/api/turns/{stored!.Id}?timeout=15");
        Assert.Contains("Selamat datang", Assert.Single(replies!.Replies));

        // Under any host name, through a proxy: the officer's sign-in is what counts.
        using (var proxied = new HttpRequestMessage(HttpMethod.Get, "/simulator"))
        {
            proxied.Headers.Host = "layanan.example";
            proxied.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");
            Assert.Equal(HttpStatusCode.OK, (await officer.Http.SendAsync(proxied)).StatusCode);
        }

        // A made-up cookie is no sign-in.
        using var forged = Client("203.0.113.9");
        forged.DefaultRequestHeaders.Add("Cookie", "chatbot.console=bukan-cookie-yang-sah");
        Assert.Equal(HttpStatusCode.NotFound, (await forged.GetAsync("/simulator")).StatusCode);
    }

    /// <summary>Every route under /simulator with each method it answers, made concrete.</summary>
    private IEnumerable<(string Method, string Path)> SimulatorRoutes(long inboundId, string token)
    {
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("simulator", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Method: m,
                Path: "/" + Parameter().Replace(e.RoutePattern.RawText!.Trim('/'), inboundId.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            .Distinct()
            .ToList();
        Assert.Superset(
            new HashSet<string>
            {
                "GET /simulator", "POST /simulator/api/sessions", "DELETE /simulator/api/sessions/current", "POST /simulator/api/messages",
                "GET /simulator/api/messages", $"GET /simulator/api/turns/{inboundId}", "GET /simulator/api/stream",
            },
            routes.Select(r => $"{r.Method} {r.Path}").ToHashSet());
        return routes.Select(r => r.Path == "/simulator/api/stream" ? (r.Method, $"{r.Path}?session={Uri.EscapeDataString(token)}") : r);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST")
        {
            request.Content = JsonContent.Create(new { from = "081200004209", text = "halo" });
        }

        return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>A client the service sees at <paramref name="remote"/> (its real address when null); redirects are not followed.</summary>
    private HttpClient Client(string? remote)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (remote is not null)
        {
            http.DefaultRequestHeaders.Add(PretendRemoteAddress.Header, remote);
        }

        return http;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
