using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Litmas;

/// <summary>
/// In real browser tabs: a PK enters a case, the client's family subscribes from the simulator, the PK
/// moves the case on; the family's phone shows the news and the PK's list updates without reloading.
/// </summary>
public sealed class LitmasBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Password = "merah-putih-2026";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await _host.Services.GetRequiredService<OfficerAccounts>()
            .CreateAsync("dewi", "Dewi Lestari", OfficerRole.Pk, office.Id, Password, "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pk_moves_a_case_on_and_the_subscribed_family_is_told_while_the_list_updates_live()
    {
        await using var officer = await browser.NewPageAsync(_host.BaseAddress);
        await using var list = await browser.NewPageAsync(_host.BaseAddress);
        await using var family = await browser.NewPageAsync(_host.BaseAddress);
        await SignInAsync(officer.Page);

        await officer.Page.GotoAsync("/console/litmas/baru");
        await officer.Page.FillAsync("#number", "LIT-601/PKU/2026");
        await officer.Page.FillAsync("#client", "Yusuf Maulana");
        await officer.Page.FillAsync("#pk", "Dewi Lestari");
        await officer.Page.SelectOptionAsync("#institution", "Rutan");
        await officer.Page.FillAsync("#requested-by", "Rutan Kelas I Pekanbaru");
        await officer.Page.ClickAsync("#case-submit");
        await Expect(officer.Page.Locator("#notice")).ToContainTextAsync("LIT-601/PKU/2026");
        await Expect(officer.Page.Locator("#sla")).ToHaveTextAsync("Tepat waktu");

        // The same officer watches the list in another tab.
        await SignInAsync(list.Page);
        await list.Page.GotoAsync("/console/litmas");
        var row = list.Page.Locator("#case-table tr[data-case]").Filter(new() { HasText = "LIT-601/PKU/2026" });
        await Expect(row.Locator(".stage")).ToHaveTextAsync("Permintaan diterima");
        await list.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        await family.Page.GotoAsync("/simulator?from=081200009601");
        await Expect(family.Page.Locator("body")).ToHaveAttributeAsync("data-connected", "true");
        await SendAsync(family.Page, "status litmas lit 601 pku 2026");
        await ExpectReplyAsync(family.Page, "Permintaan diterima");
        await SendAsync(family.Page, "ya");
        await ExpectReplyAsync(family.Page, "mengabari Anda");

        await Expect(officer.Page.Locator("#stage")).ToHaveValueAsync("pk_ditunjuk");
        await officer.Page.FillAsync("#note", "Ditunjuk oleh Kabapas");
        await officer.Page.ClickAsync("#stage-submit");
        await Expect(officer.Page.Locator("#notice")).ToContainTextAsync("1 pelanggan diberi tahu");
        await Expect(officer.Page.Locator("#history-table")).ToContainTextAsync("Ditunjuk oleh Kabapas");

        await ExpectReplyAsync(family.Page, "PK sudah ditunjuk");
        await Expect(row.Locator(".stage")).ToHaveTextAsync("PK sudah ditunjuk");
        Assert.True(await list.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The list was reloaded.");
        Assert.Empty(officer.Errors);
        Assert.Empty(list.Errors);
        Assert.Empty(family.Errors);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/console/masuk");
        await page.FillAsync("#username", "dewi");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#officer-name")).ToHaveTextAsync("Dewi Lestari");
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#message", text);
        await page.ClickAsync("#send");
    }

    private static Task ExpectReplyAsync(IPage page, string text) =>
        Expect(page.Locator(".msg.out").Filter(new() { HasText = text })).ToHaveCountAsync(1);
}
