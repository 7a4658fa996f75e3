using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>
/// The simulator page in a real (headless) Chromium against the real service: what a tester or an
/// office sees when they try the bot in a browser. Replies must arrive live over the page's event
/// stream, each tab must only see its own number's chat, and message text must never become HTML.
/// One browser and one service serve the whole class; each test uses its own phone numbers.
/// </summary>
public sealed class SimulatorPageTests(Browser browser, SimulatorPageTests.Service service)
    : IClassFixture<Browser>, IClassFixture<SimulatorPageTests.Service>
{
    private const string Menu = "Pendaftaran kunjungan video call";

    [Fact]
    public async Task Replies_appear_live_without_reloading_the_page()
    {
        await using var session = await browser.NewPageAsync(service.Host.BaseAddress);
        var page = session.Page;
        await OpenAsync(page, "081234500001");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await SendAsync(page, "halo");
        await Expect(Out(page).Filter(new() { HasText = "Selamat datang" }).Filter(new() { HasText = Menu })).ToHaveCountAsync(1);

        await SendAsync(page, "5");
        await Expect(Out(page).Filter(new() { HasText = "Ajukan izin ke luar kota" })).ToHaveCountAsync(1);

        await Expect(In(page)).ToHaveTextAsync(new Regex[] { new("^halo"), new("^5") });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page was reloaded or navigated away.");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Two_tabs_with_different_numbers_each_see_only_their_own_chat()
    {
        await using var english = await browser.NewPageAsync(service.Host.BaseAddress);
        await using var indonesian = await browser.NewPageAsync(service.Host.BaseAddress);
        await Task.WhenAll(OpenAsync(english.Page, "081234500002"), OpenAsync(indonesian.Page, "081234500003"));

        await Task.WhenAll(SendAsync(english.Page, "english"), SendAsync(indonesian.Page, "halo"));

        await Task.WhenAll(
            Expect(Out(english.Page).Filter(new() { HasText = "let's continue in English" })).ToHaveCountAsync(1),
            Expect(Out(indonesian.Page).Filter(new() { HasText = "Selamat datang" }).Filter(new() { HasText = Menu })).ToHaveCountAsync(1));

        var englishLog = await english.Page.Locator("#log").InnerTextAsync();
        var indonesianLog = await indonesian.Page.Locator("#log").InnerTextAsync();
        Assert.DoesNotContain("Selamat datang", englishLog);
        Assert.DoesNotContain(Menu, englishLog);
        Assert.DoesNotContain("halo", englishLog);
        Assert.DoesNotContain("English", indonesianLog);
        Assert.DoesNotContain("english", indonesianLog);
        await Expect(In(english.Page)).ToHaveTextAsync(new Regex[] { new("^english") });
        await Expect(In(indonesian.Page)).ToHaveTextAsync(new Regex[] { new("^halo") });
    }

    [Fact]
    public async Task Markup_in_a_message_is_shown_as_text_and_never_runs()
    {
        const string text = "Tolong <img src=x onerror=alert(1)> dan <script>alert(2)</script> ya";
        await using var session = await browser.NewPageAsync(service.Host.BaseAddress);
        var page = session.Page;
        await OpenAsync(page, "081234500004");

        await SendAsync(page, text);
        await Expect(Out(page)).Not.ToHaveCountAsync(0);

        await Expect(In(page)).ToHaveCountAsync(1);
        var bubble = await In(page).First.EvaluateAsync<string>("el => el.firstChild.textContent");
        Assert.Equal(text, bubble);
        await Expect(page.Locator("#log img")).ToHaveCountAsync(0);
        await Expect(page.Locator("#log script")).ToHaveCountAsync(0);
        Assert.Empty(session.Dialogs);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Reloading_the_page_shows_the_earlier_chat_from_the_store()
    {
        await using var session = await browser.NewPageAsync(service.Host.BaseAddress);
        var page = session.Page;
        await OpenAsync(page, "081234500005");
        await SendAsync(page, "halo");
        await Expect(Out(page).Filter(new() { HasText = "Selamat datang" })).ToHaveCountAsync(1);
        await SendAsync(page, "5");
        await Expect(Out(page).Filter(new() { HasText = "Ajukan izin ke luar kota" })).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await Expect(page.Locator("body[data-connected='true']")).ToHaveCountAsync(1);

        await Expect(In(page)).ToHaveTextAsync(new Regex[] { new("^halo"), new("^5") });
        await Expect(page.Locator("#log .msg")).ToContainTextAsync(["halo", "Selamat datang", "5", "Ajukan izin ke luar kota"]);
        await Expect(Out(page).Filter(new() { HasText = Menu })).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_number_open_in_another_tab_is_refused_politely_and_another_number_can_be_chosen()
    {
        await using var first = await browser.NewPageAsync(service.Host.BaseAddress);
        await using var second = await browser.NewPageAsync(service.Host.BaseAddress);
        await OpenAsync(first.Page, "081234500006");
        await SendAsync(first.Page, "halo");
        await Expect(Out(first.Page).Filter(new() { HasText = "Selamat datang" })).ToHaveCountAsync(1);

        await second.Page.GotoAsync("/simulator?from=081234500006");
        await Expect(second.Page.Locator("#status")).ToHaveTextAsync("Nomor ini sedang dipakai di tab atau sesi chat lain. Pakai nomor lain.");
        await Expect(second.Page.Locator("#log .msg")).ToHaveCountAsync(0);
        Assert.Null(await second.Page.Locator("body").GetAttributeAsync("data-connected"));

        await second.Page.Locator("#phone").FillAsync("081234500007");
        await second.Page.Locator("#use").ClickAsync();
        await Expect(second.Page.Locator("#status")).ToContainTextAsync("Terhubung sebagai 081234500007");
        await SendAsync(second.Page, "halo");
        await Expect(Out(second.Page).Filter(new() { HasText = "Selamat datang" })).ToHaveCountAsync(1);

        // The first tab moves to another number: its old one is free for someone else, with a clean page.
        await first.Page.Locator("#phone").FillAsync("081234500008");
        await first.Page.Locator("#use").ClickAsync();
        await Expect(first.Page.Locator("#status")).ToContainTextAsync("Terhubung sebagai 081234500008");
        await using var third = await browser.NewPageAsync(service.Host.BaseAddress);
        await OpenAsync(third.Page, "081234500006");
        await Expect(third.Page.Locator("#log .msg")).ToHaveCountAsync(0);
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task A_photo_attached_in_the_simulator_is_checked_by_its_bytes_and_reaches_the_flow()
    {
        await using var session = await browser.NewPageAsync(service.Host.BaseAddress);
        var page = session.Page;
        await OpenAsync(page, "081234500031");
        await SendAsync(page, "halo");
        await SendAsync(page, "4");
        await SendAsync(page, "1");
        await SendAsync(page, "3");
        await SendAsync(page, "Ruang tunggu kunjungan bocor saat hujan.");
        await Expect(Out(page).Filter(new() { HasText = "foto atau dokumen" })).ToHaveCountAsync(1);

        // A text file named like a photo is refused for what it is, as on WhatsApp.
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "foto.png", MimeType = "image/png", Buffer = "bukan gambar"u8.ToArray() });
        await Expect(Out(page).Filter(new() { HasText = "hanya menerima foto (JPG/PNG) atau PDF" })).ToHaveCountAsync(1);

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "atap.png", MimeType = "image/png", Buffer = png });
        await Expect(In(page).Filter(new() { HasText = "📎 atap.png" })).ToHaveCountAsync(1);
        await Expect(Out(page).Filter(new() { HasText = "Berkas diterima" })).ToHaveCountAsync(1);
        await SendAsync(page, "ya");
        await Expect(Out(page).Filter(new() { HasText = "Lampiran: ada" })).ToHaveCountAsync(1);
        Assert.Empty(session.Errors);
    }

    private static async Task OpenAsync(IPage page, string phone)
    {
        await page.GotoAsync($"/simulator?from={phone}");
        await Expect(page.Locator("body[data-connected='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#status")).ToContainTextAsync("Terhubung sebagai " + phone);
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var sent = await In(page).CountAsync();
        await page.Locator("#message").FillAsync(text);
        await page.Locator("#send").ClickAsync();
        await Expect(In(page)).ToHaveCountAsync(sent + 1);
    }

    /// <summary>The service under test, started once for the class.</summary>
    public sealed class Service : IAsyncLifetime
    {
        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await TestHost.StartAsync();

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private static ILocator In(IPage page) => page.Locator("#log .msg.in");

    private static ILocator Out(IPage page) => page.Locator("#log .msg.out");
}
