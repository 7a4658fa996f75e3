using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// Day one in a real browser, on a phone and a laptop: an admin fills in the office's settings and
/// runs an officer's account; the officer changes their own password. Pages fit the screen.
/// </summary>
public sealed class SetUpBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task An_admin_sets_up_the_office_and_the_bot_answers_with_it(int width, int height)
    {
        await using var host = await TestHost.StartAsync();
        var admin = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.Admin);
        await using var session = await browser.NewPageAsync(host.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await SignInAsync(page, admin.UserName, ConsoleClient.Password);

        await page.Locator("nav a", new() { HasText = "Kantor" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pengaturan kantor");
        await FitsAsync(page);
        await page.FillAsync("#office-title", "Rutan Kelas IIB Wonosobo");
        await page.FillAsync("#office-address", "Jl. Sabuk Alu No. 2, Wonosobo");
        await page.FillAsync("#office-phone", "(0286) 321000");
        await page.FillAsync("#office-holidays", "2026-13-01");
        await page.ClickAsync("#office-save");
        await Expect(page.Locator("#office-problems")).ToContainTextAsync("2026-13-01");

        await page.FillAsync("#office-holidays", "2026-12-25");
        await page.Locator("#office-services input[value='LitmasStatus']").UncheckAsync();
        await page.ClickAsync("#office-save");
        await Expect(page.Locator("#office-notice")).ToHaveTextAsync("Pengaturan kantor disimpan.");
        await Expect(page.Locator("#office-title")).ToHaveValueAsync("Rutan Kelas IIB Wonosobo");
        await Expect(page.Locator("#office-services input[value='LitmasStatus']")).Not.ToBeCheckedAsync();
        await FitsAsync(page);

        await host.Chat("081277003001").Send("halo").Expect("Rutan Kelas IIB Wonosobo").ExpectNot("Status litmas").RunAsync();
        Assert.Equal("(0286) 321000", host.Services.GetRequiredService<OfficeDirectory>().Default!.Phone);
        Assert.Empty(session.Errors);
    }

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task An_admin_runs_an_officers_account_and_the_officer_changes_their_own_password(int width, int height)
    {
        await using var host = await TestHost.StartAsync();
        var admin = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.Admin);
        var officer = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.Pk);
        await using var adminSession = await browser.NewPageAsync(host.BaseAddress);
        await using var officerSession = await browser.NewPageAsync(host.BaseAddress);
        var page = adminSession.Page;
        await page.SetViewportSizeAsync(width, height);
        await officerSession.Page.SetViewportSizeAsync(width, height);
        await SignInAsync(officerSession.Page, officer.UserName, ConsoleClient.Password);
        await SignInAsync(page, admin.UserName, ConsoleClient.Password);

        await page.GotoAsync("/console/petugas");
        await page.Locator("#officer-table a", new() { HasText = officer.DisplayName }).ClickAsync();
        await FitsAsync(page);
        await page.SelectOptionAsync("#officer-role-select", "Kepala");
        await page.ClickAsync("#officer-save");
        await Expect(page.Locator("#officer-notice")).ToContainTextAsync("Data petugas disimpan.");

        // The officer's open page no longer stands: the next click asks them to sign in again.
        await officerSession.Page.ReloadAsync();
        await Expect(officerSession.Page).ToHaveURLAsync(new Regex("/console/masuk"));
        await SignInAsync(officerSession.Page, officer.UserName, ConsoleClient.Password);
        await Expect(officerSession.Page.Locator("#officer-role")).ToHaveTextAsync("Kepala kantor");

        await officerSession.Page.ClickAsync("#officer-name");
        await Expect(officerSession.Page.Locator("h1")).ToHaveTextAsync("Akun saya");
        await FitsAsync(officerSession.Page);
        await officerSession.Page.FillAsync("#current-password", ConsoleClient.Password);
        await officerSession.Page.FillAsync("#new-password", "Kepala-Kantor-2026");
        await officerSession.Page.FillAsync("#new-password2", "Kepala-Kantor-2026");
        await officerSession.Page.ClickAsync("#own-password-save");
        await Expect(officerSession.Page.Locator("#account-notice")).ToContainTextAsync("Kata sandi diganti.");
        await officerSession.Page.GotoAsync("/console");
        await Expect(officerSession.Page.Locator("h1")).ToHaveTextAsync("Beranda");

        await page.ReloadAsync();
        await page.ClickAsync("#officer-toggle");
        await Expect(page.Locator("#officer-status")).ToHaveTextAsync("Nonaktif");
        await officerSession.Page.ReloadAsync();
        await Expect(officerSession.Page).ToHaveURLAsync(new Regex("/console/masuk"));
        Assert.Empty(adminSession.Errors);
        Assert.Empty(officerSession.Errors);
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/console/masuk");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin-submit");
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
    }

    private static async Task FitsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
    }
}
