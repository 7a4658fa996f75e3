using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console;

/// <summary>The dashboard shows each officer the work of the services they may open, and no other.</summary>
public sealed class DashboardWorkTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    [Theory]
    [InlineData(OfficerRole.Kepala, "visits-terdaftar complaints-due complaints-late integration-waiting litmas-late handover-waiting left-messages failed permits-open permits-late", "")]
    [InlineData(OfficerRole.VisitOfficer, "visits-terdaftar complaints-late handover-waiting failed", "integration-waiting litmas-late permits-open")]
    [InlineData(OfficerRole.Pk, "litmas-late complaints-late failed permits-open permits-late", "visits-terdaftar integration-waiting")]
    [InlineData(OfficerRole.ServiceOfficer, "integration-waiting complaints-late failed", "visits-terdaftar litmas-late permits-open")]
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

    /// <summary>A permit past its 14 working days and an ABH request not accompanied yet are counted and link to their lists.</summary>
    [Fact]
    public async Task Late_permits_and_open_abh_requests_are_counted_with_links_to_their_lists()
    {
        var office = await ConsoleData.AddOfficeAsync(service.Host, OfficeType.Bapas);
        await using (var db = service.Host.Store.CreateDbContext())
        {
            var longAgo = service.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-40);
            db.TravelPermits.Add(new TravelPermit { OfficeId = office.Id, Code = "IZN-DASH01", ApplicantRelationship = "self", SubmittedAt = longAgo, Status = TravelPermitStatus.Examined });
            db.TravelPermits.Add(new TravelPermit { OfficeId = office.Id, Code = "IZN-DASH02", ApplicantRelationship = "self", SubmittedAt = longAgo, Status = TravelPermitStatus.Delivered, ClosedAt = longAgo.AddDays(3) });
            db.AbhRequests.Add(new AbhRequest { OfficeId = office.Id, Code = "ABH-DASH01", InstitutionKind = "police", ReceivedAt = longAgo, Status = AbhRequestStatus.Appointed });
            await db.SaveChangesAsync();
        }

        using var head = await ConsoleClient.SignedInAsync(service.Host, OfficerRole.Kepala, office.Id);
        var html = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console"));
        Assert.Matches("data-figure=\"permits-open\" href=\"/console/izin\">\\s*<span class=\"figure-value\">1</span>", html);
        Assert.Matches("data-figure=\"permits-late\" href=\"/console/izin\">\\s*<span class=\"figure-value\">1</span>", html);
        Assert.Matches("data-figure=\"abh-open\" href=\"/console/abh\">\\s*<span class=\"figure-value\">1</span>", html);
    }
}
