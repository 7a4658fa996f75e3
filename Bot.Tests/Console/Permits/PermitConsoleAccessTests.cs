using System.Net;
using ChatBot.Bot.Tests.Flows.TravelPermit;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Console.Permits;

/// <summary>Who sees what of a permit request in the console.</summary>
public sealed class PermitConsoleAccessTests(ConsoleHost fixture) : IClassFixture<ConsoleHost>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Any_PK_may_examine_but_only_the_client_s_own_PK_and_the_head_see_who_the_client_is()
    {
        var own = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var other = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var permit = await PermitStepsTests.FileAsync(Host, "081300089001", "Rahmat Hidayat", pkOfficerId: own.Id);

        foreach (var (officer, seesName) in new[] { (own, true), (other, false) })
        {
            using var client = ConsoleClient.For(Host);
            await client.SignInAsync(officer.UserName, ConsoleClient.Password);
            var html = await client.Http.GetStringAsync($"/console/izin/{permit.Id}");
            Assert.Equal(seesName, html.Contains("Rahmat Hidayat", StringComparison.Ordinal));
            Assert.Equal(!seesName, html.Contains("R.H.", StringComparison.Ordinal));
            Assert.Contains("id=\"examine-form\"", html);
            Assert.Contains($"<td id=\"client-pk\">{own.DisplayName}</td>", html);
        }

        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);
        var page = await head.Http.GetStringAsync($"/console/izin/{permit.Id}");
        Assert.Contains("Rahmat Hidayat", page);
        Assert.DoesNotContain("id=\"examine-form\"", page);

        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        var refused = await visits.Http.GetAsync($"/console/izin/{permit.Id}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var letter = await visits.Http.GetAsync($"/console/izin/{permit.Id}/permohonan");
        Assert.NotEqual(HttpStatusCode.OK, letter.StatusCode);
    }
}
