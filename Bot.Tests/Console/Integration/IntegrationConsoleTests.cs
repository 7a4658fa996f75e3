using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Console.Integration;

/// <summary>Who sees integration requests and their KTP in the console, and what is audited.</summary>
public sealed class IntegrationConsoleTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task Only_service_officers_and_heads_open_the_ktp_and_every_opening_or_refusal_is_audited()
    {
        var request = await IntegrationWorld.SubmitAsync(Host, "+6281300080001", "warga@example.test");

        using var admin = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin);
        var detail = await admin.Http.GetAsync($"/console/integrasi/{request.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var text = await ConsoleClient.TextAsync(detail);
        Assert.Contains("Siti Aminah", text);
        Assert.DoesNotContain("Lihat KTP", text);
        Assert.DoesNotContain(request.Nik!, text); // the NIK is as private as the KTP it comes from
        Assert.Contains(request.Nik![^4..], text);
        var refused = await admin.Http.GetAsync($"/console/integrasi/{request.Id}/ktp");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("image/jpeg", refused.Content.Headers.ContentType?.MediaType);

        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        Assert.NotEqual(HttpStatusCode.OK, (await visits.Http.GetAsync($"/console/integrasi/{request.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visits.Http.GetAsync($"/console/integrasi/{request.Id}/ktp")).StatusCode);

        using var officer = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);
        var full = await ConsoleClient.TextAsync(await officer.Http.GetAsync($"/console/integrasi/{request.Id}"));
        Assert.Contains("Lihat KTP", full);
        Assert.Contains(request.Nik!, full);
        var ktp = await officer.Http.GetAsync($"/console/integrasi/{request.Id}/ktp");
        Assert.Equal(HttpStatusCode.OK, ktp.StatusCode);
        Assert.Equal("image/jpeg", ktp.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(request.KtpPath!), await ktp.Content.ReadAsByteArrayAsync());

        await using var db = Host.Store.CreateDbContext();
        var subject = $"IntegrationRequest/{request.Id}";
        var audited = await db.AuditEntries.Where(a => a.Subject == subject).Select(a => a.Action).ToListAsync();
        Assert.Equal(1, audited.Count(a => a == "integration.ktp.view"));
        Assert.Equal(2, audited.Count(a => a == "integration.ktp.denied"));
        Assert.Equal(2, audited.Count(a => a == "integration.view"));
    }

    [Fact]
    public async Task The_queue_shows_each_request_against_the_sop_budget_of_its_step()
    {
        var fresh = await IntegrationWorld.SubmitAsync(Host, "+6281300080002", "warga@example.test");
        var old = await IntegrationWorld.SubmitAsync(Host, "+6281300080003", "warga@example.test", submittedAt: DateTime.UtcNow.AddMinutes(-4));

        using var officer = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);
        var html = await (await officer.Http.GetAsync("/console/integrasi")).Content.ReadAsStringAsync();
        Assert.Matches($"data-code=\"{fresh.ReferenceCode}\"[\\s\\S]*?Menunggu verifikasi SDP[\\s\\S]*?Tepat waktu", html);
        Assert.Matches($"data-code=\"{old.ReferenceCode}\"[\\s\\S]*?Terlambat", html);

        // A stale form (another officer answered first) is refused, not applied twice.
        var stale = await officer.PostFormAsync($"/console/integrasi/{fresh.Id}", [new("Inmate", "tidak-ada"), new("Revision", "99")], $"/console/integrasi/{fresh.Id}?handler=Verify");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        await using var db = Host.Store.CreateDbContext();
        Assert.Equal(IntegrationRequestStatus.Submitted, (await db.IntegrationRequests.SingleAsync(r => r.Id == fresh.Id)).Status);
    }
}
