using System.Net;
using ChatBot.Bot.Flows.Complaint;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Complaints;

/// <summary>
/// A complaint filed on WhatsApp (signed webhooks, a fake Twilio on 127.0.0.1) goes the SOP's whole
/// path in a real browser: the head of office reviews and assigns, the responsible official follows
/// up, the complaints desk answers and closes. The citizen gets the answer exactly once.
/// </summary>
public sealed class ComplaintWhatsAppBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Password = "merah-putih-2026";
    private const string Citizen = "whatsapp:+6281200072001";
    private const string Answer = "Kursi ruang tunggu sudah kami ganti seluruhnya. Terima kasih atas laporan Anda.";

    private FakeTwilioServer _twilio = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = _twilio.BaseAddress.ToString().TrimEnd('/'),
        });
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!.Id;
        var accounts = _host.Services.GetRequiredService<OfficerAccounts>();
        await accounts.CreateAsync("kepala", "Kepala Rutan", OfficerRole.Kepala, office, Password, "test", CancellationToken.None);
        await accounts.CreateAsync("kasubsi", "Kasubsi Perawatan", OfficerRole.VisitOfficer, office, Password, "test", CancellationToken.None);
        await accounts.CreateAsync("desk", "Petugas Pengaduan", OfficerRole.ServiceOfficer, office, Password, "test", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task The_head_reviews_the_official_follows_up_the_desk_answers_and_WhatsApp_gets_the_answer_once()
    {
        using var http = _host.CreateClient();
        var i = 0;
        foreach (var text in new[] { "4", "1", "5", "Kursi ruang tunggu kunjungan banyak yang patah.", "lewati", "tidak", "Siti Aminah", "ya" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(http, $"SM{++i:D32}", text)).StatusCode);
        }

        var code = await WaitForAsync(async () =>
        {
            await using var db = _host.Store.CreateDbContext();
            return await db.Complaints.Select(c => c.Code).SingleOrDefaultAsync();
        });
        await WaitForAsync(() => Task.FromResult(_twilio.Accepted.Any(r => r.Body?.Contains(code) == true) ? code : null));
        long id;
        await using (var db = _host.Store.CreateDbContext())
        {
            id = await db.Complaints.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        }

        await using (var head = await SignedInAsync("kepala", "Kepala Rutan"))
        {
            await head.Page.GotoAsync("/console/pengaduan");
            await Expect(head.Page.Locator($"#open-complaints tr[data-complaint='{code}']")).ToHaveCountAsync(1);
            await head.Page.ClickAsync($"a:text('{code}')");
            await head.Page.FillAsync("#direction-text", "Periksa dan ganti kursi yang rusak minggu ini.");
            await head.Page.SelectOptionAsync("#responsible-officer", new SelectOptionValue { Label = "Kasubsi Perawatan (Petugas kunjungan)" });
            await head.Page.ClickAsync("#review");
            await Expect(head.Page.Locator("#notice")).ToContainTextAsync("Telaah tersimpan");
            await Expect(head.Page.Locator("#responsible")).ToHaveTextAsync("Kasubsi Perawatan");
            await Expect(head.Page.Locator("#follow-up-form")).ToBeVisibleAsync();
        }

        await using (var official = await SignedInAsync("kasubsi", "Kasubsi Perawatan"))
        {
            await official.Page.GotoAsync($"/console/pengaduan/{id}");
            await official.Page.SelectOptionAsync("#follow-up-kind", "Fix");
            await official.Page.FillAsync("#follow-up-text", "Dua belas kursi diganti dengan yang baru.");
            await official.Page.ClickAsync("#follow-up");
            await Expect(official.Page.Locator("#notice")).ToContainTextAsync("Tindak lanjut tersimpan");
            await Expect(official.Page.Locator("#reporter")).ToContainTextAsync("hanya Kepala");
        }

        await using (var desk = await SignedInAsync("desk", "Petugas Pengaduan"))
        {
            await desk.Page.GotoAsync($"/console/pengaduan/{id}");
            await Expect(desk.Page.Locator("#steps tr[data-step='followed-up']")).ToContainTextAsync("Dua belas kursi");
            await desk.Page.FillAsync("#answer-text", Answer);
            await desk.Page.ClickAsync("#answer");
            await Expect(desk.Page.Locator("#notice")).ToContainTextAsync("Jawaban terkirim");
            await Expect(desk.Page.Locator("#status")).ToHaveTextAsync("Dijawab dan ditutup");
            await Expect(desk.Page.Locator("#answer-form")).ToHaveCountAsync(0);
            Assert.Empty(desk.Errors);
        }

        await WaitForAsync(() => Task.FromResult(_twilio.Accepted.Any(r => r.Body?.Contains(Answer) == true) ? "sent" : null));
        await Task.Delay(1000);
        var toCitizen = _twilio.Accepted.Where(r => r.To == Citizen).ToList();
        Assert.Single(toCitizen, r => r.Body!.Contains(Answer));
        Assert.Single(toCitizen, r => r.Body!.Contains("sudah ditelaah Kepala"));
        Assert.Single(toCitizen, r => r.Body!.Contains("sudah ditindaklanjuti"));

        await using var check = _host.Store.CreateDbContext();
        var closed = await check.Complaints.SingleAsync(c => c.Id == id);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.NotNull(closed.ReviewedAt);
        Assert.NotNull(closed.FollowedUpAt);
        Assert.Equal(ComplaintFollowUpKind.Fix, closed.FollowUpKind);
    }

    private async Task<BrowserSession> SignedInAsync(string userName, string displayName)
    {
        var session = await browser.NewPageAsync(_host.BaseAddress);
        await session.Page.GotoAsync("/console/masuk");
        await session.Page.FillAsync("#username", userName);
        await session.Page.FillAsync("#password", Password);
        await session.Page.ClickAsync("#signin-submit");
        await Expect(session.Page.Locator("#officer-name")).ToHaveTextAsync(displayName);
        return session;
    }

    private async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, string sid, string body)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", sid), new("AccountSid", FakeTwilioServer.AccountSid), new("From", Citizen), new("To", FakeTwilioServer.From),
            new("Body", body), new("NumMedia", "0"), new("ProfileName", "Siti"), new("WaId", "6281200072001"),
        ];
        var url = new Uri(_host.BaseAddress, "/webhooks/whatsapp").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilioServer.AuthToken, url, form));
        return await http.SendAsync(request);
    }

    private static async Task<string> WaitForAsync(Func<Task<string?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected state was not reached in time.");
    }
}

/// <summary>
/// A complaint filed by e-mail (real Dovecot and Postfix on 127.0.0.1, several answers per mail) is
/// handled through the same service calls the console pages make; the official answer reaches the
/// complainant's mailbox exactly once.
/// </summary>
public sealed class ComplaintEmailTests(MailServer server) : IClassFixture<MailServer>, IAsyncLifetime
{
    private const string Answer = "Jadwal kunjungan sudah kami perbaiki dan petugas loket telah ditegur.";

    private readonly MailHarness _mail = new(server);

    public async Task InitializeAsync() =>
        await _mail.StartHostAsync(more: new Dictionary<string, string?> { ["Channels:Email:MaxRepliesPerSenderPerMinute"] = "100" });

    public async Task DisposeAsync() => await _mail.Host!.DisposeAsync();

    [Fact]
    public async Task A_complaint_filed_by_mail_gets_its_answer_in_the_mailbox_once()
    {
        var host = _mail.Host!;
        var opening = await _mail.SendAsync("warga1", "Pengaduan", "pengaduan");
        Assert.Contains("Sampaikan pengaduan baru", (await _mail.WaitForAnswerAsync(opening)).TextBody);
        var first = await _mail.SendAsync("warga1", "Pengaduan", "1\n1\nJadwal kunjungan video call sering dibatalkan\ntanpa pemberitahuan sebelumnya.");
        var asked = (await _mail.WaitForAnswerAsync(first)).TextBody;
        Assert.True(asked?.Contains("foto atau dokumen") == true, asked);
        var second = await _mail.SendAsync("warga1", "Pengaduan", "lewati\ntidak\nAni Lestari\nya");
        var filed = await _mail.WaitForAnswerAsync(second);
        var code = TicketCode.Find(ComplaintRequests.Prefix, filed.TextBody ?? "")!;
        Assert.NotNull(code);

        await using (var db = host.Store.CreateDbContext())
        {
            var complaint = await db.Complaints.SingleAsync(c => c.Code == code);
            Assert.Equal("Ani Lestari", complaint.ReporterName);
            Assert.Equal(ComplaintCategory.VisitService, complaint.Category);
            Assert.Equal("Jadwal kunjungan video call sering dibatalkan\ntanpa pemberitahuan sebelumnya.", complaint.Description);
        }

        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!.Id;
        var accounts = host.Services.GetRequiredService<OfficerAccounts>();
        var head = await accounts.CreateAsync("kepala-mail", "Kepala Rutan", OfficerRole.Kepala, office, "Sandi-Uji-2026!", "test", CancellationToken.None);
        var desk = await accounts.CreateAsync("desk-mail", "Petugas Pengaduan", OfficerRole.ServiceOfficer, office, "Sandi-Uji-2026!", "test", CancellationToken.None);
        long id;
        await using (var db = host.Store.CreateDbContext())
        {
            id = await db.Complaints.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        }

        Assert.Equal(RequestActionStatus.Done, await Desk.ComplaintAsync(host, id, ComplaintRequests.Steps.Review, head, new StepInput("Periksa jadwal dan tegur petugas loket.", desk.Id)));
        Assert.Equal(RequestActionStatus.Done, await Desk.ComplaintAsync(host, id, ComplaintRequests.Steps.FollowUp, desk, new StepInput("Jadwal diperbaiki, petugas ditegur.", Choice: nameof(ComplaintFollowUpKind.FixAndClarification))));
        Assert.Equal(RequestActionStatus.Done, await Desk.ComplaintAsync(host, id, ComplaintRequests.Steps.Answer, desk, new StepInput(Answer)));
        Assert.Equal(RequestActionStatus.Conflict, await Desk.ComplaintAsync(host, id, ComplaintRequests.Steps.Answer, desk, new StepInput(Answer)));

        var answered = await _mail.WaitForMailAsync("warga1", m => m.TextBody?.Contains(Answer) == true);
        Assert.Contains(code, answered.Subject);
        Assert.Contains("angka *1*", answered.TextBody);
        await Task.Delay(1500);
        Assert.Single(await _mail.InboxAsync("warga1"), m => m.TextBody?.Contains(Answer) == true);
    }
}
