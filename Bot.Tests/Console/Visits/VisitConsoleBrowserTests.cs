using System.Text.RegularExpressions;
using ChatBot.Bot.Flows.VisitBooking;
using ChatBot.Bot.Tests.Flows.VisitBooking;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Visits;

/// <summary>
/// The visit officer's queue in a real (headless) Chromium: a booking made by chat appears without a
/// reload, the officer calls the family (who is told which number will call), checks identity,
/// starts the timed call and finishes it.
/// </summary>
public sealed class VisitConsoleBrowserTests(Browser browser, VisitHost service) : IClassFixture<Browser>, IClassFixture<VisitHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task A_chat_booking_appears_live_and_calling_it_tells_the_family_which_number_will_call()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        DateOnly day;
        await using (var db = Host.Store.CreateDbContext())
        {
            var inmate = await db.Inmates.SingleAsync(i => i.RegistrationKey == "BI1042024");
            var next = await Host.Services.GetRequiredService<VisitBookings>().FreeSlotsAsync(new UnitOfWork(db, DateTime.UtcNow, CancellationToken.None), office, inmate.Id, null);
            day = DateOnly.FromDateTime(next[0].LocalStart);
        }

        await using var session = await browser.NewPageAsync(Host.BaseAddress);
        var page = session.Page;
        await page.GotoAsync($"/console/visits?tanggal={day:yyyy-MM-dd}");
        await page.Locator("#username").FillAsync(officer.UserName);
        await page.Locator("#password").FillAsync(ConsoleClient.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kunjungan video call");
        await Expect(page.Locator("body[data-live-state='open']")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await Host.Chat("081300009001")
            .Send("halo").Send("1").Send("Dewi Lestari").Send("12-12-1992").Send("Rina Lestari").Send("1").Send("ya")
            .Send("1").Expect("berhasil")
            .RunAsync();
        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(Host, "081300009001"));

        var row = page.Locator($"#visits tr[data-code='{visit.Code}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Dewi Lestari");
        await Expect(row).ToContainTextAsync("Rina Lestari");
        await Expect(row.Locator(".visit-status")).ToHaveTextAsync("Terdaftar");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The queue reloaded to show the booking.");

        await row.Locator("[data-move='Called']").ClickAsync();
        await Expect(row.Locator(".visit-status")).ToHaveTextAsync("Dipanggil");
        var notice = await SentNoticeAsync(visit.ConversationId, VisitNotices.CalledTopic);
        Assert.Contains(visit.Code, notice.Body);
        Assert.Contains("+6277100001111", notice.Body);
        Assert.Equal("+6281300009001", notice.To);

        await row.Locator("[data-move='IdentityChecked']").ClickAsync();
        await Expect(row.Locator(".visit-status")).ToHaveTextAsync("Identitas diperiksa");
        await row.Locator("[data-move='InCall']").ClickAsync();
        await Expect(row.Locator(".visit-status")).ToHaveTextAsync("Sedang video call");
        await Expect(row.Locator(".visit-timer")).ToHaveTextAsync(new Regex("^1[45]:[0-5][0-9]$"));
        await row.Locator("[data-move='Finished']").ClickAsync();
        await Expect(row.Locator(".visit-status")).ToHaveTextAsync("Selesai");
        await Expect(row.Locator("[data-move]")).ToHaveCountAsync(0);

        await using var check = Host.Store.CreateDbContext();
        Assert.Equal(VisitStatus.Finished, (await check.Visits.SingleAsync(v => v.Id == visit.Id)).Status);
        Assert.Equal(["visit.called", "visit.identitychecked", "visit.incall", "visit.finished"],
            await check.AuditEntries.Where(a => a.Subject == $"Visit/{visit.Id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Empty(session.Errors);
    }

    /// <summary>The proactive message of this topic once the simulator channel has sent it.</summary>
    private async Task<OutboundMessage> SentNoticeAsync(long conversationId, string topic)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = Host.Store.CreateDbContext();
            var message = await db.OutboundMessages.AsNoTracking()
                .FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.Topic == topic && m.Status == OutboundStatus.Sent);
            if (message is not null)
            {
                Assert.Equal(OutboundKind.Proactive, message.Kind);
                return message;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No sent '{topic}' message for conversation {conversationId}.");
    }
}
