using System.Text.RegularExpressions;
using ChatBot.Bot.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ChatBot.Bot.Tests.Flows.Abh;

/// <summary>
/// The whole ABH path through a real mail server, at 02.00 on a Sunday (fake clock): an investigator mails
/// the request with the letter attached and is answered by mail; the officer on duty is alerted in their
/// mailbox; nobody acts, so the next on duty and then the head are mailed at the configured minutes; once
/// the steps are taken and the PK acknowledges, the alerts stop and the investigator receives one mail
/// naming the PK and their phone. Runs in the ABH logging collection: the child's data is looked for in the log.
/// </summary>
[Collection(AbhLoggingCollection.Name)]
public sealed class AbhEmailTests(MailServer server) : IClassFixture<MailServer>, IAsyncLifetime
{
    private const string Initials = "R.A.";
    private const string HeldAt = "Ruang Unit PPA Polres Temanggung";
    private const string Offence = "perkelahian antarpelajar";

    /// <summary>Sunday 8 March 2026, 02.00 WIB.</summary>
    private static readonly DateTimeOffset TwoAmSunday = new(2026, 3, 7, 19, 0, 0, TimeSpan.Zero);

    private readonly MailHarness _mail = new(server);
    private readonly FakeTimeProvider _clock = new(TwoAmSunday);

    private TestHost Host => _mail.Host!;

    public async Task InitializeAsync() => await _mail.StartHostAsync(
        more: new Dictionary<string, string?>
        {
            ["Logging:Level"] = "Verbose",
            ["Abh:EscalateAfterMinutes"] = "15",
            ["Abh:HeadAfterMinutes"] = "20",
            ["Abh:CheckInterval"] = "01:00:00",
        },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task A_request_mailed_at_night_alerts_the_duty_officers_by_mail_escalates_and_tells_the_requester_once_who_comes()
    {
        var ani = await AbhWorld.OfficerAsync(Host, "ani", "Ani Lestari", OfficerRole.ServiceOfficer, email: server.Address("warga4"));
        var citra = await AbhWorld.OfficerAsync(Host, "citra", "Citra Dewi", OfficerRole.ServiceOfficer, email: server.Address("warga1"));
        var kepala = await AbhWorld.OfficerAsync(Host, "kepala", "S. Samsuljal", OfficerRole.Kepala, email: server.Address("warga2"));
        var kasubsi = await AbhWorld.OfficerAsync(Host, "kasubsi", "Wahyu Nugroho", OfficerRole.Kasubsi);
        var pk = await AbhWorld.OfficerAsync(Host, "rudi", "Rudi Hartono", OfficerRole.Pk, phone: "+6281100000007");
        var saturday = new DateTime(2026, 3, 7);
        await AbhWorld.ShiftAsync(Host, ani, saturday.AddHours(22), saturday.AddHours(30), rank: 0);
        await AbhWorld.ShiftAsync(Host, citra, saturday.AddHours(20), saturday.AddHours(32), rank: 1);
        await _mail.WaitForListeningAsync();

        // The investigator writes from their mailbox; the answers come in one reply with the letter attached.
        var first = await _mail.WaitForAnswerAsync(await _mail.SendAsync("warga3", "Permohonan pendampingan", "Pendampingan ABH"));
        Assert.Contains("Butir 1 dari 10", first.TextBody);
        var answers = _mail.ComposeReply("warga3", first,
            $"Selamat malam,\n\nKepolisian\nPolres Temanggung\nUnit PPA Satreskrim\nBripka Sutrisno\n0812 3456 7001\n{Initials}\n15\n{HeldAt}\n{Offence}\n\nTerima kasih");
        var body = new BodyBuilder { TextBody = answers.TextBody };
        body.Attachments.Add("surat-permohonan.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(), new ContentType("application", "pdf"));
        answers.Body = body.ToMessageBody();
        var summary = await _mail.WaitForAnswerAsync(await _mail.SendAsync(answers));
        Assert.Contains($"6. Inisial anak: {Initials}", summary.TextBody);
        Assert.Contains("10. Surat permohonan: PDF", summary.TextBody);
        var filed = await _mail.WaitForAnswerAsync(await _mail.SendAsync(_mail.ComposeReply("warga3", summary, "kirim")));
        var code = Regex.Match(filed.TextBody ?? "", @"ABH-[0-9A-Z]{6}").Value;
        Assert.NotEmpty(code);
        Assert.Contains("Petugas piket saat ini: *Ani Lestari*", filed.TextBody);

        // The first on duty hears at once, in their mailbox; the backup not yet.
        var alert = await _mail.WaitForMailAsync("warga4", m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal));
        Assert.Contains("[ABH]", alert.Subject);
        Assert.Contains("8 Maret 2026 pukul 02.00 WIB", alert.TextBody);
        Assert.Empty(await AlertsInAsync("warga1", code));

        // Nobody acts: after 15 minutes the next on duty, 20 minutes later the head.
        _clock.Advance(TimeSpan.FromMinutes(15));
        await PassAsync();
        var escalated = await _mail.WaitForMailAsync("warga1", m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal));
        Assert.Contains("Belum ditindaklanjuti", escalated.TextBody);
        Assert.Empty(await AlertsInAsync("warga2", code));
        _clock.Advance(TimeSpan.FromMinutes(20));
        await PassAsync();
        var toHead = await _mail.WaitForMailAsync("warga2", m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal));
        Assert.Contains("sebagai Kepala kantor", toHead.TextBody);

        // The steps are taken and the PK acknowledges: the alerts stop.
        long requestId;
        await using (var db = Host.Store.CreateDbContext())
        {
            requestId = (await db.AbhRequests.SingleAsync(r => r.Code == code)).Id;
        }

        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Hand, ani));
        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Dispose, kepala, kasubsi.Id));
        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Appoint, kasubsi, pk.Id));
        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Acknowledge, pk));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await PassAsync());
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.False(await db.AbhAlerts.AnyAsync(a => a.AbhRequestId == requestId && a.ResolvedAt == null));
        }

        // The investigator receives, by mail, who is coming and their number: once.
        await _mail.WaitForMailAsync("warga3", m => (m.TextBody ?? "").Contains("Rudi Hartono", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await _mail.InboxAsync("warga3"), m => (m.TextBody ?? "").Contains("+6281100000007", StringComparison.Ordinal));
        Assert.Single(await AlertsInAsync("warga4", code));
        Assert.Single(await AlertsInAsync("warga1", code));

        var log = Host.Logs.ToString();
        Assert.DoesNotContain(Initials, log);
        Assert.DoesNotContain(HeldAt, log);
        Assert.DoesNotContain(Offence, log);
    }

    private Task<int> PassAsync() => Host.Services.GetRequiredService<AbhAlerts>().RunPassAsync(CancellationToken.None);

    private async Task<RequestActionStatus> StepAsync(long requestId, string step, Officer officer, int? reference = null) =>
        await Desk.ActAsync<AbhRequest, AbhRequestStatus>(Host, requestId, step, await AbhWorld.ReloadAsync(Host, officer), new StepInput(Reference: reference));

    private async Task<List<MimeMessage>> AlertsInAsync(string user, string code) =>
        (await _mail.InboxAsync(user)).Where(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal)).ToList();
}
