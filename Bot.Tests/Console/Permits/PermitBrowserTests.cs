using ChatBot.Bot.Flows.TravelPermit;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Flows.TravelPermit;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Permits;

/// <summary>
/// In a real browser: a PK on a phone examines a request and records the TPP's approval and the draft; the
/// head on a desktop signs it; the PK sends the letter. The applicant hears each step in the chat, and the
/// letter opens from the console as a PDF.
/// </summary>
public sealed class PermitBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Password = "merah-putih-2026";
    private TestHost _host = null!;
    private Officer _pk = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var accounts = _host.Services.GetRequiredService<OfficerAccounts>();
        _pk = await accounts.CreateAsync("dewi", "Dewi Kartika", OfficerRole.Pk, office.Id, Password, "test", CancellationToken.None);
        await accounts.CreateAsync("kepala", "Drs. Syamsurijal", OfficerRole.Kepala, office.Id, Password, "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task SignInAsync(IPage page, string user, string name)
    {
        await page.GotoAsync("/console/masuk");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#officer-name")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task A_PK_on_a_phone_and_the_head_on_a_desktop_take_a_permit_from_examination_to_the_delivered_letter()
    {
        var permit = await PermitStepsTests.FileAsync(_host, "081300082001", pkOfficerId: _pk.Id);

        await using var pkSession = await browser.NewPageAsync(_host.BaseAddress);
        var phone = pkSession.Page;
        await phone.SetViewportSizeAsync(412, 915);
        await SignInAsync(phone, "dewi", "Dewi Kartika");
        await phone.GotoAsync("/console/izin");
        var row = phone.Locator($"#open-permits tr[data-code='{permit.Code}']");
        await Expect(row).ToHaveAttributeAsync("data-timeliness", "on-time");
        await Expect(row.Locator(".deadline")).ToContainTextAsync("Sisa 14 hari kerja");
        await row.Locator("a").ClickAsync();
        await Expect(phone.Locator("#code")).ToHaveTextAsync(permit.Code);
        await Expect(phone.Locator("#client")).ToContainTextAsync("Budi Santoso");
        await Expect(phone.Locator("#client-pk")).ToHaveTextAsync("Dewi Kartika");
        await Expect(phone.Locator("#sign-form")).ToHaveCountAsync(0);

        await phone.ClickAsync("#examine-submit");
        await Expect(phone.Locator("#notice")).ToContainTextAsync("sudah diperiksa");
        await Expect(phone.Locator("#status")).ToHaveTextAsync("Menunggu sidang TPP");
        await phone.FillAsync("#members", "Drs. Hartono (ketua), Sri Lestari, Agus Salim");
        await phone.CheckAsync("#decision-approve");
        await phone.ClickAsync("#decide-submit");
        await Expect(phone.Locator("#status")).ToHaveTextAsync("Disetujui sidang TPP");
        await Expect(phone.Locator("#tpp")).ToContainTextAsync("Sri Lestari");
        await phone.ClickAsync("#draft-submit");
        await Expect(phone.Locator("#status")).ToHaveTextAsync("Surat izin menunggu tanda tangan");
        await Expect(phone.Locator("#sign-form")).ToHaveCountAsync(0);
        var pageWidth = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 412, $"The page is {pageWidth}px wide on a 412px phone.");

        await using var headSession = await browser.NewPageAsync(_host.BaseAddress);
        var desktop = headSession.Page;
        await desktop.SetViewportSizeAsync(1366, 900);
        await SignInAsync(desktop, "kepala", "Drs. Syamsurijal");
        await desktop.GotoAsync($"/console/izin/{permit.Id}");
        await desktop.ClickAsync("#sign-submit");
        await Expect(desktop.Locator("#notice")).ToContainTextAsync("ditandatangani secara elektronik");
        await Expect(desktop.Locator("#letter-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^W\.\d{3}/PK/[IVX]+/\d{4}$"));
        await Expect(desktop.Locator("#steps tr[data-step='signed']")).ToContainTextAsync("Drs. Syamsurijal");
        var pdf = await headSession.Context.APIRequest.GetAsync($"/console/izin/{permit.Id}/surat");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF-"u8.ToArray(), (await pdf.BodyAsync())[..5]);

        await phone.ReloadAsync();
        await phone.ClickAsync("#deliver-submit");
        await Expect(phone.Locator("#status")).ToHaveTextAsync("Surat izin sudah dikirim");
        await Expect(phone.Locator("#revoke-form")).ToHaveCountAsync(0);
        await desktop.ReloadAsync();
        await Expect(desktop.Locator("#revoke-form")).ToHaveCountAsync(1);
        await phone.GotoAsync("/console/izin");
        await Expect(phone.Locator($"#closed-permits tr[data-code='{permit.Code}']")).ToContainTextAsync("Tepat waktu");

        await using var db = _host.Store.CreateDbContext();
        var told = await db.OutboundMessages.Where(m => m.ConversationId == permit.ConversationId && m.Topic != null).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        Assert.Equal(5, told.Count);
        Assert.Contains("surat izin ke luar kota", told[^1]);
        var audited = await db.AuditEntries.Where(a => a.Subject == $"TravelPermit/{permit.Id}").Select(a => a.Action).ToListAsync();
        Assert.Contains("permit.letter.view", audited);
        Assert.Contains("permit.sign", audited);
        Assert.Empty(pkSession.Errors);
        Assert.Empty(headSession.Errors);
    }

    [Fact]
    public async Task An_officer_outside_the_permit_roles_cannot_open_the_list_or_the_letter()
    {
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await _host.Services.GetRequiredService<OfficerAccounts>().CreateAsync("kunjungan", "Petugas Kunjungan", OfficerRole.VisitOfficer, office.Id, Password, "test", CancellationToken.None);
        await using var session = await browser.NewPageAsync(_host.BaseAddress);
        await SignInAsync(session.Page, "kunjungan", "Petugas Kunjungan");
        var list = await session.Context.APIRequest.GetAsync("/console/izin", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, list.Status);
        var letter = await session.Context.APIRequest.GetAsync("/console/izin/1/surat", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, letter.Status);
    }
}
