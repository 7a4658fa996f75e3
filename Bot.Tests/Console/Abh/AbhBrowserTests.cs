using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Abh;

/// <summary>
/// In a real browser, on a phone and on a laptop: the head keeps the on-duty roster (a night shift across
/// midnight, a shift on now, one removed), and an officer on another console page sees the alarm of a
/// new ABH request appear by itself, with its sound, and opens the request from it.
/// </summary>
public sealed class AbhBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task The_head_adds_a_night_shift_and_a_shift_on_now_and_removes_one(int width, int height)
    {
        var kepala = await AbhWorld.OfficerAsync(_host, "kabapas", "S. Samsuljal", OfficerRole.Kepala);
        var night = await AbhWorld.OfficerAsync(_host, "malam", "Ani Lestari", OfficerRole.ServiceOfficer, phone: "+6281100000001");
        var day = await AbhWorld.OfficerAsync(_host, "siang", "Rudi Hartono", OfficerRole.Pk, email: "rudi@bapas.test");
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var today = office.ToLocal(DateTime.UtcNow);
        string At(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        await using var session = await browser.NewPageAsync(_host.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await SignInAsync(page, kepala.UserName);
        await page.Locator("nav a[href='/console/piket']").ClickAsync();
        await Expect(page.Locator("#nobody-on-duty")).ToBeVisibleAsync();
        await AuditLogBrowserTests.AssertFitsAsync(page);

        // Tomorrow night, 22.00 to 06.00 the day after: across midnight.
        var tomorrow = today.Date.AddDays(1);
        await page.Locator("#shift-officer").SelectOptionAsync(night.Id.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#shift-start").FillAsync(At(tomorrow.AddHours(22)));
        await page.Locator("#shift-end").FillAsync(At(tomorrow.AddHours(30)));
        await page.Locator("#shift-submit").ClickAsync();
        await Expect(page.Locator("#roster-notice")).ToHaveTextAsync("Giliran piket ditambahkan.");
        var nightRow = page.Locator("#roster-table tr[data-shift]", new() { HasText = "Ani Lestari" });
        await Expect(nightRow).ToHaveAttributeAsync("data-on-now", "false");
        await Expect(nightRow.Locator("td[data-label='Mulai']")).ToContainTextAsync("22:00");
        await Expect(nightRow.Locator("td[data-label='Selesai']")).ToContainTextAsync("06:00");
        await Expect(nightRow.Locator("td[data-label='Pemberitahuan']")).ToHaveTextAsync("WhatsApp");

        // A mistake is said, and nothing is added: the end before the start.
        await page.Locator("#shift-officer").SelectOptionAsync(day.Id.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#shift-start").FillAsync(At(tomorrow.AddHours(22)));
        await page.Locator("#shift-end").FillAsync(At(tomorrow.AddHours(6)));
        await page.Locator("#shift-submit").ClickAsync();
        await Expect(page.Locator("#roster-problems")).ToContainTextAsync("esok harinya");

        // On now, second in rank.
        await page.Locator("#shift-officer").SelectOptionAsync(day.Id.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#shift-start").FillAsync(At(today.AddHours(-1)));
        await page.Locator("#shift-end").FillAsync(At(today.AddHours(7)));
        await page.Locator("#shift-rank").SelectOptionAsync("2");
        await page.Locator("#shift-submit").ClickAsync();
        await Expect(page.Locator("#on-duty")).ToContainTextAsync("Urutan 2: Rudi Hartono");
        await Expect(page.Locator("#roster-table tr[data-shift]", new() { HasText = "Rudi Hartono" })).ToHaveAttributeAsync("data-on-now", "true");
        await Expect(page.Locator("#roster-table tr[data-shift]")).ToHaveCountAsync(2);
        await AuditLogBrowserTests.AssertFitsAsync(page);

        await nightRow.Locator("button[data-remove]").ClickAsync();
        await Expect(page.Locator("#roster-notice")).ToHaveTextAsync("Giliran piket dihapus.");
        await Expect(page.Locator("#roster-table tr[data-shift]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#roster-table")).Not.ToContainTextAsync("Ani Lestari");
        Assert.Empty(session.Errors);
    }

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task A_new_request_raises_the_alarm_on_another_console_page_with_a_sound_and_links_to_it(int width, int height)
    {
        var officer = await AbhWorld.OfficerAsync(_host, "kunjungan", "Dedi Kurnia", OfficerRole.VisitOfficer);
        await using var session = await browser.NewPageAsync(_host.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await SignInAsync(page, officer.UserName);
        await page.GotoAsync("/console/percakapan");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live-state", "open");
        await Expect(page.Locator("#abh-alarm-box")).ToHaveCountAsync(0);

        var chat = AbhConversationTests.FillToLetter(_host.Chat("081300080101"))
            .SendFile("application/pdf", 90_000).Expect("Mohon periksa")
            .Send("kirim").Expect("ABH-");
        await chat.RunAsync();
        var code = Regex.Match(chat.LastReply, @"ABH-[0-9A-Z]{6}").Value;

        // Without reloading: the alarm, its sound, and the code to open.
        var link = page.Locator($"#abh-alarm a[data-abh-code='{code}']");
        await Expect(link).ToBeVisibleAsync();
        await Expect(page.Locator("#abh-alarm-box")).ToContainTextAsync("Pendampingan ABH menunggu tindakan");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-abh-sounded", "1");
        await Expect(page).ToHaveURLAsync(new Regex("/console/percakapan$"));
        await AuditLogBrowserTests.AssertFitsAsync(page);

        // Heard once: the next page shows it without sounding again.
        await page.GotoAsync("/console");
        await Expect(page.Locator($"#abh-alarm a[data-abh-code='{code}']")).ToBeVisibleAsync();
        Assert.Null(await page.Locator("body").GetAttributeAsync("data-abh-sounded"));

        await page.Locator($"#abh-alarm a[data-abh-code='{code}']").ClickAsync();
        await Expect(page.Locator("#code")).ToHaveTextAsync(code);
        // A visit officer does not handle ABH: the child's data is masked here.
        await Expect(page.Locator("#child-initials")).ToHaveTextAsync("•••");
        await Expect(page.Locator("#masked-note")).ToBeVisibleAsync();
        await AuditLogBrowserTests.AssertFitsAsync(page);
        Assert.Empty(session.Errors);
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/console/masuk");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(AbhWorld.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
    }
}
