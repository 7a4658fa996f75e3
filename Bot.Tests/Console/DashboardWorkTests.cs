using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Console;

/// <summary>The dashboard shows each officer the work of the services they may open, and no other.</summary>
public sealed class DashboardWorkTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    [Theory]
    [InlineData(OfficerRole.Kepala, "visits-terdaftar complaints-due complaints-late integration-waiting litmas-late handover-waiting left-messages failed", "")]
    [InlineData(OfficerRole.VisitOfficer, "visits-terdaftar complaints-late handover-waiting failed", "integration-waiting litmas-late")]
    [InlineData(OfficerRole.Pk, "litmas-late complaints-late failed", "visits-terdaftar integration-waiting")]
    [InlineData(OfficerRole.ServiceOfficer, "integration-waiting complaints-late failed", "visits-terdaftar litmas-late")]
    public async Task Each_role_sees_the_work_of_its_services(OfficerRole role, string shown, string hidden)
    {
        using var officer = await ConsoleClient.SignedInAsync(service.Host, role);

        var html = await ConsoleClient.TextAsync(await officer.Http.GetAsync("/console"));

        foreach (var figure in shown.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains($"data-figure=\"{figure}\" href=\"/console/", html);
        }

        foreach (var figure in hidden.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.DoesNotContain($"data-figure=\"{figure}\"", html);
        }

        // The live fragment carries the same figures.
        var fragment = await ConsoleClient.TextAsync(await officer.Http.GetAsync("/console?handler=figures"));
        Assert.Contains("data-figure=\"failed\"", fragment);
        Assert.Contains("data-figure=\"received\"", fragment);
    }
}
