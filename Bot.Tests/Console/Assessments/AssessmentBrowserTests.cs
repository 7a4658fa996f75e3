using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Assessments;

/// <summary>
/// The due list in a real Chromium: a PK sees their own clients' overdue, due-today and due-soon assessments,
/// records one with a PDF and finds it on the client's page; the head sees every PK's and filters by PK.
/// </summary>
public sealed class AssessmentBrowserTests(Browser browser, ConsoleHost service) : IClassFixture<Browser>, IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task A_pk_records_an_overdue_assessment_and_the_head_sees_every_pk(int width, int height)
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var rina = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var budi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala, bapas.Id);
        var end = Today.AddYears(1);
        var overdue = await AssessmentWorld.ClientAsync(Host, bapas.Id, rina.Id, "PB-501/BPS/2026", "Joko Terlambat", Today.AddDays(-30), end);
        var dueToday = await AssessmentWorld.ClientAsync(Host, bapas.Id, rina.Id, "PB-502/BPS/2026", "Sari Hari Ini", Today.AddDays(-7), end);
        var dueSoon = await AssessmentWorld.ClientAsync(Host, bapas.Id, rina.Id, "PB-503/BPS/2026", "Tono Besok", Today.AddDays(-6), end);
        await AssessmentWorld.ClientAsync(Host, bapas.Id, rina.Id, "PB-504/BPS/2026", "Wati Nanti", Today.AddDays(-1), end);
        var budisClient = await AssessmentWorld.ClientAsync(Host, bapas.Id, budi.Id, "PB-505/BPS/2026", "Klien Budi", Today.AddDays(-20), end);

        await using (var session = await browser.NewPageAsync(Host.BaseAddress))
        {
            var page = session.Page;
            await page.SetViewportSizeAsync(width, height);
            await SignInAsync(page, rina.UserName, "/console/asesmen");
            await Expect(page.Locator("nav.nav a[aria-current='page']")).ToHaveTextAsync("Asesmen");
            await Expect(page.Locator("#assessment-table tbody tr")).ToHaveCountAsync(3);
            await Expect(page.Locator($"tr[data-client='{overdue.Id}'] .badge")).ToHaveTextAsync("Terlambat");
            await Expect(page.Locator($"tr[data-client='{dueToday.Id}'] .badge")).ToHaveTextAsync("Jatuh tempo hari ini");
            await Expect(page.Locator($"tr[data-client='{dueSoon.Id}'] .badge")).ToHaveTextAsync("Segera jatuh tempo");
            await Expect(page.Locator("#assessment-table")).Not.ToContainTextAsync("Klien Budi");
            await AuditLogBrowserTests.AssertFitsAsync(page);

            await page.Locator("#filter-state").SelectOptionAsync("terlambat");
            await page.Locator("#assessment-filter-submit").ClickAsync();
            await Expect(page.Locator("#assessment-table tbody tr")).ToHaveCountAsync(1);
            await page.Locator($"tr[data-client='{overdue.Id}']").GetByRole(AriaRole.Link, new() { Name = "Catat asesmen" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/console/asesmen/catat/{overdue.Id}$"));
            await Expect(page.Locator("#assessment-assessor option:checked")).ToHaveTextAsync("Petugas Pk");
            await Expect(page.Locator("#assessment-assessor")).ToHaveValueAsync(rina.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Forgetting the risk level: the form says so and stores nothing.
            await page.Locator("#assessment-recommendation").FillAsync("Rujuk ke layanan rehabilitasi napza; lapor mingguan.");
            await page.Locator("#assessment-document").SetInputFilesAsync(new FilePayload { Name = "asesmen-joko.pdf", MimeType = "application/pdf", Buffer = AssessmentWorld.Pdf() });
            await page.Locator("#assessment-save").ClickAsync();
            await Expect(page.Locator("#assessment-risk-error")).ToContainTextAsync("Pilih tingkat risiko");
            await AuditLogBrowserTests.AssertFitsAsync(page);

            await page.Locator("#risk-tinggi").CheckAsync();
            await page.GetByLabel("napza").CheckAsync();
            await page.GetByLabel("keluarga").CheckAsync();
            await page.Locator("#assessment-document").SetInputFilesAsync(new FilePayload { Name = "asesmen-joko.pdf", MimeType = "application/pdf", Buffer = AssessmentWorld.Pdf() });
            await page.Locator("#assessment-save").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/console/klien/{overdue.Id}#assessments$"));
            await Expect(page.Locator("#client-notice")).ToHaveTextAsync("Asesmen dicatat.");
            var row = page.Locator("#assessments .assessment-list tbody tr");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator(".assessment-risk")).ToHaveTextAsync("Tinggi");
            await Expect(row.Locator(".assessment-needs")).ToHaveTextAsync("keluarga, napza");
            await Expect(row.Locator(".assessment-recommendation")).ToContainTextAsync("rehabilitasi napza");
            await Expect(page.Locator("#assessment-next")).ToContainTextAsync("Asesmen lanjutan (tahunan) jatuh tempo");
            var download = await page.Context.APIRequest.GetAsync(await row.Locator(".assessment-document").GetAttributeAsync("href") ?? "");
            Assert.Equal(200, download.Status);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await download.BodyAsync()));
            await AuditLogBrowserTests.AssertFitsAsync(page);

            await page.GotoAsync("/console/asesmen");
            await Expect(page.Locator("#assessment-table tbody tr")).ToHaveCountAsync(2);
            Assert.Empty(session.Errors);
        }

        await using (var session = await browser.NewPageAsync(Host.BaseAddress))
        {
            var page = session.Page;
            await page.SetViewportSizeAsync(width, height);
            await SignInAsync(page, head.UserName, "/console/asesmen");
            await Expect(page.Locator("#assessment-table tbody tr")).ToHaveCountAsync(3);
            await Expect(page.Locator($"tr[data-client='{budisClient.Id}']")).ToHaveCountAsync(1);
            await page.Locator("#filter-pk").SelectOptionAsync(budi.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#assessment-filter-submit").ClickAsync();
            await Expect(page.Locator("#assessment-table tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator($"tr[data-client='{budisClient.Id}'] .badge")).ToHaveTextAsync("Terlambat");
            await page.Locator($"tr[data-client='{budisClient.Id}']").GetByRole(AriaRole.Link, new() { Name = "Klien Budi" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/console/klien/{budisClient.Id}$"));
            await Expect(page.Locator("#assessments-none")).ToBeVisibleAsync();
            await AuditLogBrowserTests.AssertFitsAsync(page);
            Assert.Empty(session.Errors);
        }
    }

    private static async Task SignInAsync(IPage page, string userName, string returnUrl)
    {
        await page.GotoAsync($"/console/masuk?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(ConsoleClient.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(returnUrl) + "$"));
    }
}
