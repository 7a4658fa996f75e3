using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Officers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Conversations;

/// <summary>
/// The whole handover in two real browser tabs: a person on the simulator page asks for an
/// officer, an officer signed in to the console sees the request appear live, takes it, answers,
/// and hands it back; the person reads every step on their phone and the bot answers again.
/// </summary>
public sealed class HandoverConsoleTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Password = "merah-putih-2026";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await _host.Services.GetRequiredService<OfficerAccounts>()
            .CreateAsync("siti", "Siti Rahma", OfficerRole.ServiceOfficer, office.Id, Password, "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_officer_takes_a_request_live_answers_it_and_hands_it_back()
    {
        await using var person = await browser.NewPageAsync(_host.BaseAddress);
        await using (var officer = await browser.NewPageAsync(_host.BaseAddress))
        {
            await SignInAsync(officer.Page);
            await officer.Page.GotoAsync("/console/percakapan");
            await Expect(officer.Page.Locator("#queue-empty")).ToBeVisibleAsync();
            await officer.Page.EvaluateAsync("() => { window.sameDocument = true; }");

            await OpenSimulatorAsync(person.Page, "081200008001");
            await SendAsync(person.Page, "petugas");
            await ExpectReplyAsync(person.Page, "antrean ke-1");

            // The request appears in the officer's queue without a reload.
            var row = officer.Page.Locator("#waiting tr[data-handover]");
            await Expect(row).ToHaveCountAsync(1);
            Assert.True(await officer.Page.EvaluateAsync<bool>("() => window.sameDocument === true"));

            await row.Locator("button.take").ClickAsync();
            await Expect(officer.Page.Locator("#reply-text")).ToBeVisibleAsync();
            await ExpectReplyAsync(person.Page, "Siti Rahma");

            await officer.Page.FillAsync("#reply-text", "Jadwal video call Senin–Kamis pukul 09.00–12.00.");
            await officer.Page.ClickAsync("#send-reply");
            await ExpectReplyAsync(person.Page, "Jadwal video call Senin–Kamis pukul 09.00–12.00.");

            // What the person writes now reaches the officer live, as text; the bot stays silent.
            await SendAsync(person.Page, "Terima kasih <script>alert(1)</script><img src=x onerror=alert(2)>");
            var line = officer.Page.Locator(".line-in .line-body").Filter(new() { HasText = "Terima kasih" });
            await Expect(line).ToHaveTextAsync("Terima kasih <script>alert(1)</script><img src=x onerror=alert(2)>");
            await Expect(officer.Page.Locator("#transcript img, #transcript script")).ToHaveCountAsync(0);
            Assert.Empty(officer.Dialogs);

            await officer.Page.ClickAsync("#hand-back");
            await ExpectReplyAsync(person.Page, "layanan otomatis");
            await Expect(officer.Page.Locator("#notice")).ToContainTextAsync("dikembalikan");
        }

        await SendAsync(person.Page, "5");
        await ExpectReplyAsync(person.Page, "Ajukan izin ke luar kota");
        Assert.Empty(person.Errors);
    }

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task An_officer_opens_a_left_message_answers_it_in_the_persons_chat_and_closes_it(int width, int height)
    {
        var phone = width < 600 ? "081200008101" : "081200008102";
        await using var person = await browser.NewPageAsync(_host.BaseAddress);
        await OpenSimulatorAsync(person.Page, phone);
        await SendAsync(person.Page, "petugas");
        await ExpectReplyAsync(person.Page, "antrean ke-");
        await _host.Services.GetRequiredService<ChatBot.Bot.Flows.Handover.HandoverService>().ExpireOverdueAsync(TimeSpan.Zero, CancellationToken.None);
        await ExpectReplyAsync(person.Page, "belum ada petugas");
        await SendAsync(person.Page, "Mohon info syarat pembebasan bersyarat untuk suami saya.");
        await ExpectReplyAsync(person.Page, "nomor tiket");

        await using var officer = await browser.NewPageAsync(_host.BaseAddress);
        await officer.Page.SetViewportSizeAsync(width, height);
        await SignInAsync(officer.Page);
        await officer.Page.GotoAsync("/console/percakapan");
        await officer.Page.Locator("#tickets tr").Filter(new() { HasText = "P-" }).Last.Locator("a.btn").ClickAsync();
        await Expect(officer.Page.Locator("#ticket-message")).ToHaveTextAsync("Mohon info syarat pembebasan bersyarat untuk suami saya.");
        var conversationId = new Uri(officer.Page.Url).AbsolutePath.Split('/')[^1];
        await FitsAsync(officer.Page);

        await officer.Page.ClickAsync("#answer-ticket");
        await ExpectReplyAsync(person.Page, "sekarang dijawab petugas");
        await officer.Page.FillAsync("#reply-text", "Syaratnya sudah menjalani 2/3 masa pidana, Bu. Kami kirim rinciannya.");
        await officer.Page.ClickAsync("#send-reply");
        await ExpectReplyAsync(person.Page, "sudah menjalani 2/3 masa pidana");
        await FitsAsync(officer.Page);

        await officer.Page.ClickAsync("#close");
        await ExpectReplyAsync(person.Page, "ditutup");
        await officer.Page.GotoAsync("/console/percakapan");
        await Expect(officer.Page.Locator($"#tickets tr[data-conversation='{conversationId}']")).ToHaveCountAsync(0);
        Assert.Empty(officer.Errors);
    }

    [Fact]
    public async Task On_a_phone_the_transcript_opens_at_the_newest_message_with_whatsapp_bold_and_the_reply_box_in_view()
    {
        const string phone = "081200008201";
        for (var i = 1; i <= 12; i++)
        {
            await _host.Chat(phone).Send(i == 1 ? "halo" : "bantuan").RunAsync();
        }

        await _host.Chat(phone).Send("petugas").Expect("antrean").RunAsync();
        await using var officer = await browser.NewPageAsync(_host.BaseAddress);
        await officer.Page.SetViewportSizeAsync(412, 915);
        await SignInAsync(officer.Page);
        await officer.Page.GotoAsync("/console/percakapan");
        await officer.Page.Locator("#waiting tr[data-handover] button.take").Last.ClickAsync();
        await Expect(officer.Page.Locator("#reply-text")).ToBeVisibleAsync();

        // The bot's *Bantuan* heading is bold, not asterisks.
        await Expect(officer.Page.Locator(".line-out .line-body strong").First).ToBeVisibleAsync();
        Assert.DoesNotContain("*Bantuan*", await officer.Page.Locator("#transcript").InnerTextAsync(), StringComparison.Ordinal);

        // The newest line is in the transcript's view, and so is the reply box, without scrolling the page.
        var inView = await officer.Page.EvaluateAsync<bool>("""
            () => {
                const list = document.getElementById('transcript-lines').getBoundingClientRect();
                const last = [...document.querySelectorAll('#transcript-lines .line')].pop().getBoundingClientRect();
                return last.bottom <= list.bottom + 1 && last.top >= list.top - 1;
            }
            """);
        Assert.True(inView, "The transcript did not open at the newest message.");
        var box = await officer.Page.Locator("#reply-text").BoundingBoxAsync();
        Assert.True(box!.Y + box.Height <= 915, $"The reply box starts at {box.Y}px, below a 915px screen.");
        await FitsAsync(officer.Page);
    }

    private static async Task FitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/console/masuk");
        await page.FillAsync("#username", "siti");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#officer-name")).ToHaveTextAsync("Siti Rahma");
    }

    private static async Task OpenSimulatorAsync(IPage page, string phone)
    {
        await page.GotoAsync($"/simulator?from={phone}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-connected", "true");
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#message", text);
        await page.ClickAsync("#send");
    }

    private static Task ExpectReplyAsync(IPage page, string text) =>
        Expect(page.Locator(".msg.out").Filter(new() { HasText = text })).ToHaveCountAsync(1);
}
