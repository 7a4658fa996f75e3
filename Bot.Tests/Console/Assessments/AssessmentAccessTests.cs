using System.Net;
using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Assessments;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Console.Assessments;

/// <summary>Who may see and record assessments: the client's PK, the Kasubsi, the head and admins; another PK gets a missing page.</summary>
public sealed partial class AssessmentAccessTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task Another_pk_can_neither_see_nor_record_and_the_document_must_be_a_pdf()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var rina = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var other = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var client = await AssessmentWorld.ClientAsync(Host, bapas.Id, rina.Id, "PB-401/BPS/2026", "Joko Susilo", Today.AddDays(-30), Today.AddYears(1));
        var litmas = await AssessmentConsole.LitmasCaseAsync(Host, bapas.Id, "LIT-401/MGL/2026", "JOKO  SUSILO");

        using var stranger = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.SignInAsync(other.UserName, ConsoleClient.Password)).StatusCode);
        Assert.DoesNotContain("Joko Susilo", await ConsoleClient.TextAsync(await stranger.Http.GetAsync("/console/asesmen")));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/console/asesmen/catat/{client.Id}")).StatusCode);
        var strangerToken = await stranger.TokenAsync("/console/akun");
        Assert.Equal(HttpStatusCode.NotFound, (await AssessmentConsole.RecordAsync(stranger, client.Id, strangerToken, AssessmentWorld.Pdf(), assessor: other.Id.ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/console/akun",
            [new("NewInformationOn", Today.ToString("yyyy-MM-dd")), new("NewInformationReason", "coba")], $"/console/asesmen/catat/{client.Id}?handler=NewInformation")).StatusCode);

        using var visitOfficer = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer, bapas.Id);
        var refusedPage = await visitOfficer.Http.GetAsync("/console/asesmen");
        Assert.Equal(HttpStatusCode.Redirect, refusedPage.StatusCode);
        Assert.EndsWith("/console/ditolak", refusedPage.Headers.Location!.GetLeftPart(UriPartial.Path));

        using var pk = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await pk.SignInAsync(rina.UserName, ConsoleClient.Password)).StatusCode);
        var list = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/asesmen"));
        Assert.Contains("Joko Susilo", list);
        Assert.Contains("Terlambat", list);
        var token = await pk.TokenAsync($"/console/asesmen/catat/{client.Id}");

        // A picture renamed .pdf, and a file over the limit (5 MB): refused politely, nothing stored.
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 };
        var refused = await AssessmentConsole.RecordAsync(pk, client.Id, token, png, assessor: rina.Id.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Dokumen harus berkas PDF", await ConsoleClient.TextAsync(refused));
        var large = await AssessmentConsole.RecordAsync(pk, client.Id, token, AssessmentWorld.Pdf(5 * 1024 * 1024 + 1), assessor: rina.Id.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Contains("Dokumen terlalu besar (paling besar 5 MB)", await ConsoleClient.TextAsync(large));
        var badRisk = await AssessmentConsole.RecordAsync(pk, client.Id, token, AssessmentWorld.Pdf(), risk: "parah", assessor: rina.Id.ToString());
        Assert.Contains("Pilih tingkat risiko", await ConsoleClient.TextAsync(badRisk));
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.False(await db.Assessments.AnyAsync(a => a.ClientId == client.Id));
        }

        var saved = await AssessmentConsole.RecordAsync(pk, client.Id, token, AssessmentWorld.Pdf(), assessor: rina.Id.ToString());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assessment assessment;
        await using (var db = Host.Store.CreateDbContext())
        {
            assessment = await db.Assessments.SingleAsync(a => a.ClientId == client.Id);
        }

        Assert.Equal(AssessmentKind.Initial, assessment.Kind);
        Assert.Equal(client.SupervisionStart.AddDays(7), assessment.DueOn);
        Assert.Equal(RiskLevel.Sedang, assessment.Risk);
        Assert.Equal("pekerjaan,keluarga", assessment.Needs);
        Assert.Equal(litmas, assessment.LitmasCaseId); // the only case under the client's name
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(assessment.DocumentPath!));
        }

        var document = await pk.Http.GetAsync($"/console/asesmen/{assessment.Id}/dokumen");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("application/pdf", document.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/console/asesmen/{assessment.Id}/dokumen")).StatusCode);

        // The litmas case shows it to the client's PK; another PK (who may open litmas cases) sees only that one is attached.
        Assert.Contains("Ikut pelatihan kerja BLK", await ConsoleClient.TextAsync(await pk.Http.GetAsync($"/console/litmas/{litmas}")));
        var strangerCase = await ConsoleClient.TextAsync(await stranger.Http.GetAsync($"/console/litmas/{litmas}"));
        Assert.DoesNotContain("Ikut pelatihan kerja BLK", strangerCase);
        Assert.Contains("1 asesmen terlampir", strangerCase);

        // New information from the client's page: the re-assessment comes forward to 7 days after it; the reason is audited.
        var marked = await pk.PostFormAsync($"/console/klien/{client.Id}",
            [new("NewInformationOn", Today.ToString("yyyy-MM-dd")), new("NewInformationReason", "pindah ke Kabupaten Temanggung")],
            $"/console/asesmen/catat/{client.Id}?handler=NewInformation");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var page = await ConsoleClient.TextAsync(await pk.Http.GetAsync($"/console/klien/{client.Id}"));
        Assert.Contains("Informasi baru dicatat", page);
        Assert.Matches(AssessmentDueLine(), page);
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.Equal(Today, (await db.Clients.SingleAsync(c => c.Id == client.Id)).NewInformationOn);
            Assert.Contains(await db.AuditEntries.Where(e => e.Action == "client.newinfo" && e.Subject == $"Client/{client.Id}").Select(e => e.Details).ToListAsync(),
                d => d!.Contains("pindah ke Kabupaten Temanggung", StringComparison.Ordinal));
        }

        // Recording the re-assessment clears it.
        Assert.Equal(HttpStatusCode.Redirect, (await AssessmentConsole.RecordAsync(pk, client.Id, token, AssessmentWorld.Pdf(), risk: "tinggi", assessor: rina.Id.ToString())).StatusCode);
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.Null((await db.Clients.SingleAsync(c => c.Id == client.Id)).NewInformationOn);
            Assert.Equal(AssessmentKind.Reassessment, (await db.Assessments.Where(a => a.ClientId == client.Id).OrderByDescending(a => a.Id).FirstAsync()).Kind);
        }
    }

    [GeneratedRegex(@"Asesmen lanjutan \(informasi baru\) jatuh tempo\s*<strong>\d+ \w+ \d{4}</strong>")]
    private static partial Regex AssessmentDueLine();
}
