using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// The console in a real (headless) Chromium against the real service: signing in through the form,
/// the dashboard following the pipeline live without a reload, signing out, and the pages fitting a
/// phone and a 1366×768 laptop under the strict content security policy.
/// </summary>
public sealed class ConsoleBrowserTests(Browser browser, ConsoleHost service)
    : IClassFixture<Browser>, IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task An_officer_signs_in_watches_the_dashboard_update_live_and_signs_out()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        var officeName = Host.Services.GetRequiredService<OfficeDirectory>().Default!.Name;
        await using var session = await browser.NewPageAsync(Host.BaseAddress);
        var page = session.Page;
        var problems = WatchConsole(page);

        await page.GotoAsync("/console");
        await Expect(page).ToHaveURLAsync(new Regex("/console/masuk\\?ReturnUrl=%2Fconsole$"));
        await page.Locator("#username").FillAsync(officer.UserName);
        await page.Locator("#password").FillAsync("bukan-sandinya-1");
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");

        await page.Locator("#username").FillAsync(officer.UserName);
        await page.Locator("#password").FillAsync(ConsoleClient.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        await Expect(page.Locator("#office-name")).ToHaveTextAsync(officeName);
        await Expect(page.Locator("#officer-role")).ToHaveTextAsync("Petugas layanan");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Beranda");
        await Expect(page.Locator("body[data-live-state='open']")).ToHaveCountAsync(1);

        var received = page.Locator("[data-figure='received'] .figure-value");
        var conversations = page.Locator("[data-figure='conversations'] .figure-value");
        await Expect(page.Locator("[data-figure='received'] .figure-label")).ToHaveTextAsync("Pesan masuk hari ini");
        var before = int.Parse(await received.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var conversationsBefore = int.Parse(await conversations.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await Host.Gateway.SendAsync("081234588001", "halo", null, null, CancellationToken.None);

        await Expect(received).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(conversations).ToHaveTextAsync((conversationsBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The dashboard reloaded or navigated away.");

        await page.Locator("#sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console/masuk$"));
        await page.GotoAsync("/console");
        await Expect(page).ToHaveURLAsync(new Regex("/console/masuk\\?ReturnUrl="));

        Assert.Empty(session.Errors);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Every_page_fits_the_screen_without_sideways_scrolling(int width, int height)
    {
        var admin = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Admin);
        await using var session = await browser.NewPageAsync(Host.BaseAddress);
        var page = session.Page;
        var problems = WatchConsole(page);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/console/masuk");
        await AssertFitsAsync(page);
        await page.Locator("#username").FillAsync(admin.UserName);
        await page.Locator("#password").FillAsync(ConsoleClient.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));

        foreach (var path in new[] { "/console", "/console/audit", "/console/petugas", "/console/ditolak" })
        {
            await page.GotoAsync(path);
            await AssertFitsAsync(page);
            await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
        }

        // The figures are large enough to read at a glance on either screen.
        await page.GotoAsync("/console");
        var size = await page.Locator(".figure-value").First.EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).fontSize)");
        Assert.True(size >= 24, $"Figures are {size}px.");

        Assert.Empty(session.Errors);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
        var cssLoaded = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.topbar')).display");
        Assert.Equal("flex", cssLoaded);
    }

    /// <summary>Console errors the page logs: blocked scripts or styles (CSP) and failed requests.</summary>
    private static List<string> WatchConsole(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("403", StringComparison.Ordinal))
            {
                lock (problems)
                {
                    problems.Add(message.Text + " " + message.Location);
                }
            }
        };
        return problems;
    }
}
