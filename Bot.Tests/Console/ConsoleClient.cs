using System.Net;
using System.Text.RegularExpressions;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// An officer's browser without a browser: its own cookies, no automatic redirects (tests look at
/// them), and forms posted with the antiforgery token the page rendered, as a browser would.
/// </summary>
public sealed partial class ConsoleClient : IDisposable
{
    public const string Password = "Sandi-Uji-2026!";

    private ConsoleClient(TestHost host, string? clientAddress)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Host = host;
        if (clientAddress is not null)
        {
            Http.DefaultRequestHeaders.Add(PretendRemoteAddress.Header, clientAddress);
        }
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public TestHost Host { get; }

    /// <param name="clientAddress">Where the requests appear to come from (the host needs <see cref="PretendRemoteAddress"/>).</param>
    public static ConsoleClient For(TestHost host, string? clientAddress = null) => new(host, clientAddress);

    /// <summary>A client already signed in as a new officer with this role.</summary>
    public static async Task<ConsoleClient> SignedInAsync(TestHost host, OfficerRole role, int? officeId = null)
    {
        var officer = await CreateOfficerAsync(host, role, officeId);
        var client = For(host);
        var response = await client.SignInAsync(officer.UserName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<Officer> CreateOfficerAsync(TestHost host, OfficerRole role, int? officeId = null, string? userName = null)
    {
        var offices = host.Services.GetRequiredService<OfficeDirectory>();
        userName ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        return await host.Services.GetRequiredService<OfficerAccounts>().CreateAsync(
            userName, $"Petugas {role}", role, officeId ?? offices.Default!.Id, Password, "test", CancellationToken.None);
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/>.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await (await Http.GetAsync(path)).Content.ReadAsStringAsync();
        return TokenPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>Posts a form the way the page at <paramref name="formPage"/> would (with its token unless told not to).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null, bool withToken = true)
    {
        var values = fields.ToList();
        if (withToken)
        {
            values.Add(new("__RequestVerificationToken", await TokenAsync(formPage)));
        }

        return await Http.PostAsync(action ?? formPage, new FormUrlEncodedContent(values));
    }

    public Task<HttpResponseMessage> SignInAsync(string userName, string password, string path = "/console/masuk") =>
        PostFormAsync(path, [new("Input.UserName", userName), new("Input.Password", password)]);

    /// <summary>The page's text with markup removed and entities decoded.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
