using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Officers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console;

/// <summary>The audit log's filters in a real Chromium, on a phone and on a laptop.</summary>
public sealed class AuditLogBrowserTests(Browser browser, ConsoleHost service)
    : IClassFixture<Browser>, IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task A_head_filters_by_officer_and_action_and_sees_only_those_rows(int width, int height)
    {
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        var ani = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        var budi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        var now = DateTime.UtcNow;
        await using (var db = Host.Store.CreateDbContext())
        {
            db.AuditEntries.AddRange(
                AuditEntry.Of(ani.UserName, "visits.queue.view", "Visits/2026-03-02", now.AddMinutes(-3)),
                AuditEntry.Of(ani.UserName, "visits.queue.view", "Visits/2026-03-03", now.AddMinutes(-2)),
                AuditEntry.Of(ani.UserName, "litmas.list", "LitmasCase", now.AddMinutes(-2), "12 case(s) shown"),
                AuditEntry.Of(budi.UserName, "visits.queue.view", "Visits/2026-03-02", now.AddMinutes(-1)));
            using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        await using var session = await browser.NewPageAsync(Host.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/console/masuk?ReturnUrl=%2Fconsole%2Faudit");
        await page.Locator("#username").FillAsync(head.UserName);
        await page.Locator("#password").FillAsync(ConsoleClient.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console/audit$"));
        await AssertFitsAsync(page);

        await page.Locator("#aktor").SelectOptionAsync(new SelectOptionValue { Label = $"Petugas VisitOfficer ({ani.UserName})" });
        await page.Locator("#aksi").SelectOptionAsync(new SelectOptionValue { Label = "Membuka antrean kunjungan" });
        await page.Locator("#audit-filter-submit").ClickAsync();

        var rows = page.Locator("#audit-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator($"#audit-table tbody tr[data-actor='{ani.UserName}'][data-action='visits.queue.view']")).ToHaveCountAsync(2);
        await Expect(rows.First.Locator(".audit-action")).ToHaveTextAsync("Membuka antrean kunjungan");
        await Expect(rows.First.Locator(".audit-subject")).ToHaveTextAsync("Antrean kunjungan 3 Mar 2026");
        await Expect(rows.First.Locator(".audit-actor")).ToHaveTextAsync($"Petugas VisitOfficer ({ani.UserName})");
        await Expect(page.Locator("#aksi")).ToHaveValueAsync("visits.queue.view");
        await AssertFitsAsync(page);

        // The same officer's other action, by its words.
        await page.Locator("#aksi").SelectOptionAsync(new SelectOptionValue { Label = "Membuka daftar litmas" });
        await page.Locator("#audit-filter-submit").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator(".audit-details")).ToHaveTextAsync("12 kasus ditampilkan");
        await AssertFitsAsync(page);

        Assert.Empty(session.Errors);
    }

    internal static async Task AssertFitsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
    }
}
