using System.Net;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary><c>/verifikasi/{code}</c>: a valid letter, a revoked one, an unknown code, and the limit on lookups.</summary>
public sealed class PermitVerificationTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Permits:VerificationsPerMinute"] = "5" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_valid_a_revoked_and_an_unknown_code_are_told_apart_with_nothing_personal_and_guessing_is_limited()
    {
        var valid = await PermitDesk.SignAsync(_host, (await PermitDesk.FileAsync(_host, ChannelKind.Simulator, "+6281300085001")).Id);
        var revoked = await PermitDesk.SignAsync(_host, (await PermitDesk.FileAsync(_host, ChannelKind.Simulator, "+6281300085002")).Id);
        var head = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.Kepala);
        await PermitDesk.ActAsync(_host, revoked.Id, "revoke", head, new ChatBot.Domain.Requests.StepInput("Klien melanggar syarat."));
        using var http = _host.CreateClient();

        var page = await http.GetAsync($"/verifikasi/{valid.VerificationCode!.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"valid\"", html);
        Assert.Contains("SAH dan berlaku", html);
        Assert.Contains(valid.LetterNumber!, html);
        Assert.Contains("B.S.", html);
        Assert.Contains($"{PermitWorld.Written(valid.DepartOn)} s.d. {PermitWorld.Written(valid.ReturnOn)}", html);
        Assert.Contains("Unit Pelaksana Teknis Pemasyarakatan", html);
        foreach (var personal in new[] { "Budi Santoso", "Semarang", "Pandanaran", "Menjenguk", "+62812", "PB-" })
        {
            Assert.DoesNotContain(personal, html);
        }

        html = await http.GetStringAsync($"/verifikasi/{revoked.VerificationCode}");
        Assert.Contains("data-state=\"revoked\"", html);
        Assert.Contains("DICABUT", html);
        Assert.DoesNotContain("Klien melanggar", html);

        var unknown = await http.GetAsync("/verifikasi/ZZZZZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("tidak dikenal", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/verifikasi/<script>")).StatusCode);

        // Five lookups a minute from one address (three made above, one more here): the sixth waits.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/verifikasi/YYYYYYYYYY")).StatusCode);
        var limited = await http.GetAsync($"/verifikasi/{valid.VerificationCode}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Terlalu banyak permintaan", await limited.Content.ReadAsStringAsync());
    }
}
