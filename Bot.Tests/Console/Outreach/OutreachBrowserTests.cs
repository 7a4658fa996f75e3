using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Flows.Abh;
using ChatBot.Bot.Tests.Flows.Outreach;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Outreach;

/// <summary>
/// In a real browser: an outreach request filed by chat goes the whole SOP path, each step by the officer
/// whose step it is — registered by the service desk, dispositioned by the head, a team appointed by the
/// Kasubsi, the date agreed, the session held and reported with a photo by the team leader — and the
/// requester is told at each step, then rates the session, which the IKM figure counts.
/// </summary>
public sealed class OutreachBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task A_request_goes_from_the_desk_to_the_head_the_kasubsi_and_the_team_and_the_requester_hears_each_step(int width, int height)
    {
        var suffix = width.ToString(CultureInfo.InvariantCulture);
        var desk = await AbhWorld.OfficerAsync(_host, $"layanan{suffix}", "Dewi Layanan", OfficerRole.ServiceOfficer);
        var head = await AbhWorld.OfficerAsync(_host, $"kabapas{suffix}", "S. Samsuljal", OfficerRole.Kepala);
        var kasubsi = await AbhWorld.OfficerAsync(_host, $"kasubsi{suffix}", "Hendra Kasubsi", OfficerRole.Kasubsi);
        var leader = await AbhWorld.OfficerAsync(_host, $"rudi{suffix}", "Rudi Hartono", OfficerRole.Pk, phone: "+6281100000071");
        var member = await AbhWorld.OfficerAsync(_host, $"sari{suffix}", "Sari Member", OfficerRole.Pk);
        var request = await OutreachWorld.FileByChatAsync(_host, $"0813000910{suffix[..2]}");

        // The service desk registers it, from the list.
        await using (var session = await SignedInAsync(desk, width, height))
        {
            var page = session.Page;
            await page.Locator("nav a[href='/console/penyuluhan']").ClickAsync();
            var row = page.Locator($"#outreach-open tr[data-code='{request.Code}']");
            await Expect(row).ToHaveAttributeAsync("data-timeliness", "on-time");
            await Expect(row).ToContainTextAsync("Dicatat dan diteruskan ke Kepala");
            await AuditLogBrowserTests.AssertFitsAsync(page);
            await row.Locator("a").ClickAsync();
            await Expect(page.Locator("#contact")).ToHaveTextAsync("Slamet Riyadi");
            await Expect(page.Locator("#dispose-submit")).ToHaveCountAsync(0);
            await page.Locator("#register-submit").ClickAsync();
            await Expect(page.Locator("#status")).ToHaveTextAsync("Tercatat, menunggu disposisi Kepala");
            Assert.Empty(session.Errors);
        }

        await OutreachWorld.ToldAsync(_host, request.ConversationId, request.Code, "sudah *dicatat*");

        // The head dispositions it to the Kasubsi.
        await using (var session = await SignedInAsync(head, width, height))
        {
            var page = session.Page;
            await page.GotoAsync($"/console/penyuluhan/{request.Id}");
            await Expect(page.Locator("form[data-step-form='decline']")).ToBeVisibleAsync();
            await page.Locator("#kasubsi-choice").SelectOptionAsync(kasubsi.Id.ToString(CultureInfo.InvariantCulture));
            await page.Locator("#dispose-submit").ClickAsync();
            await Expect(page.Locator("#kasubsi")).ToHaveTextAsync("Hendra Kasubsi");
            await Expect(page.Locator("#steps tr[data-step='disposed']")).ToHaveAttributeAsync("data-timeliness", "ontime");
            Assert.Empty(session.Errors);
        }

        await OutreachWorld.ToldAsync(_host, request.ConversationId, request.Code, "*mendisposisikan*");

        // The Kasubsi appoints a team: the first officer leads it.
        await using (var session = await SignedInAsync(kasubsi, width, height))
        {
            var page = session.Page;
            await page.GotoAsync($"/console/penyuluhan/{request.Id}");
            await page.Locator("#team-leader").SelectOptionAsync(leader.Id.ToString(CultureInfo.InvariantCulture));
            await page.Locator($"#team-members input[data-member='{member.UserName}']").CheckAsync();
            await page.Locator("#appoint-submit").ClickAsync();
            await Expect(page.Locator("#team")).ToHaveTextAsync("Rudi Hartono (ketua), Sari Member");
            Assert.Empty(session.Errors);
        }

        await OutreachWorld.ToldAsync(_host, request.ConversationId, "*tim penyuluhan sudah ditunjuk*", "*Rudi Hartono*", "+6281100000071");

        // The team leader agrees the date, holds the session and reports it with a photo.
        var photo = Path.Combine(_host.Directory, "kegiatan.jpg");
        var jpeg = new byte[30_000];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46 }.CopyTo(jpeg, 0);
        await File.WriteAllBytesAsync(photo, jpeg);
        await using (var session = await SignedInAsync(leader, width, height))
        {
            var page = session.Page;
            await page.GotoAsync($"/console/penyuluhan/{request.Id}");
            var office = _host.Services.GetService(typeof(ChatBot.Domain.Offices.OfficeDirectory)) is ChatBot.Domain.Offices.OfficeDirectory d ? d.Default! : null!;
            var when = office.ToLocal(DateTime.UtcNow).Date.AddDays(3).AddHours(9);
            await page.Locator("#scheduled-for").FillAsync(when.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await page.Locator("#schedule-submit").ClickAsync();
            await Expect(page.Locator("#status")).ToHaveTextAsync("Jadwal disepakati");
            await Expect(page.Locator("#scheduled")).ToContainTextAsync("09:00");
            await AuditLogBrowserTests.AssertFitsAsync(page);

            await page.Locator("#hold-submit").ClickAsync();
            await Expect(page.Locator("#status")).ToHaveTextAsync("Penyuluhan terlaksana");

            await page.Locator("#attendance").FillAsync("112");
            await page.Locator("#report-text").FillAsync("Penyuluhan bahaya perundungan di balai desa, tanya jawab aktif.");
            await page.Locator("#report-photos").SetInputFilesAsync(photo);
            await page.Locator("#report-submit").ClickAsync();
            await Expect(page.Locator("#status")).ToHaveTextAsync("Selesai");
            await Expect(page.Locator("#attendance-shown")).ToHaveTextAsync("112");
            await Expect(page.Locator("#photos a[data-photo='0']")).ToBeVisibleAsync();
            var shown = await page.APIRequest.GetAsync($"/console/penyuluhan/{request.Id}/foto/0");
            Assert.Equal(200, shown.Status);
            Assert.Equal("image/jpeg", shown.Headers["content-type"]);
            Assert.Empty(session.Errors);
        }

        var told = await OutreachWorld.ToldAsync(_host, request.ConversationId, "jadwal *disepakati*", "Rudi Hartono");
        Assert.Contains("09.00", told);
        await OutreachWorld.ToldAsync(_host, request.ConversationId, "sudah *terlaksana*");
        await OutreachWorld.ToldAsync(_host, request.ConversationId, "112 peserta hadir");
        await OutreachWorld.ToldAsync(_host, request.ConversationId, "Seberapa puas Anda dengan penyuluhan ini?");

        await using (var db = _host.Store.CreateDbContext())
        {
            var stored = await db.OutreachRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id);
            Assert.Equal(OutreachStatus.Reported, stored.Status);
            Assert.Equal($"{leader.Id},{member.Id}", stored.TeamOfficerIds);
            var file = Assert.Single(ChatBot.Domain.Conversations.StoredAttachment.ListFromJson(stored.ReportPhotos));
            Assert.StartsWith(Path.Combine(_host.Directory, "media"), file.StoragePath, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.StoragePath));
            }
        }

        // The requester rates it; the head sees it in the IKM figure with the complaints'.
        await _host.Chat($"0813000910{suffix[..2]}")
            .Send("5").Expect("saran atau komentar")
            .Send("Sangat bermanfaat bagi warga").Expect("Terima kasih atas penilaian")
            .RunAsync();
        await using (var session = await SignedInAsync(head, width, height))
        {
            var page = session.Page;
            await page.GotoAsync("/console/pengaduan");
            await Expect(page.Locator("#survey-summary")).ToContainTextAsync("1 penyuluhan");
            await Expect(page.Locator("#survey-average")).ToHaveTextAsync("5,0");
            await Expect(page.Locator("#survey-comments")).ToContainTextAsync(request.Code);
            Assert.Empty(session.Errors);
        }
    }

    private async Task<BrowserSession> SignedInAsync(Officer officer, int width, int height)
    {
        var session = await browser.NewPageAsync(_host.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/console/masuk");
        await page.Locator("#username").FillAsync(officer.UserName);
        await page.Locator("#password").FillAsync(AbhWorld.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        return session;
    }
}
