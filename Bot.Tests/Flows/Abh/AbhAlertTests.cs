using System.Text.RegularExpressions;
using ChatBot.Bot.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Flows.Abh;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AbhLoggingCollection
{
    public const string Name = "ABH alerts and logging";
}

/// <summary>
/// A request by e-mail at 02.00 on a Sunday (fake clock): the officers on duty are alerted by WhatsApp and
/// e-mail, nobody acts, so the next officer on duty and then the head are alerted at the configured
/// times; the steps are taken, the PK is slow to confirm and the alert escalates again until the PK
/// acknowledges, which stops it; the requester hears once which PK is coming and their number. The
/// child's data never reaches the log. Runs alone: the host's Serilog logger is process-wide, so a host
/// starting or stopping in parallel would take this test's events away from its capture.
/// </summary>
[Collection(AbhLoggingCollection.Name)]
public sealed class AbhAlertTests : IAsyncLifetime
{
    private const string OfficeMail = "abh@bapas-magelang.test";
    private const string Requester = "sutrisno@polres-magelang.test";
    private const string ContentSid = "HX0123456789abcdef0123456789abcdef";
    private const string Initials = "Q.X.";
    private const string HeldAt = "Ruang Unit PPA Polres Kutoarjo";
    private const string Offence = "pencurian kotak amal masjid";

    /// <summary>Sunday 8 March 2026, 02.00 WIB.</summary>
    private static readonly DateTimeOffset TwoAmSunday = new(2026, 3, 7, 19, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(TwoAmSunday);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(
        settings: new Dictionary<string, string?>
        {
            ["Logging:Level"] = "Verbose",
            ["Channels:Email:Address"] = OfficeMail,
            ["Channels:WhatsApp:Templates:abh-alert:ContentSid"] = ContentSid,
            ["Channels:WhatsApp:Templates:abh-alert:Variables:1"] = "code",
            ["Channels:WhatsApp:Templates:abh-alert:Variables:2"] = "waiting",
            ["Abh:EscalateAfterMinutes"] = "15",
            ["Abh:HeadAfterMinutes"] = "20",
            // Passes run when a request changes and when the test says so, never by the poll in between.
            ["Abh:CheckInterval"] = "01:00:00",
            ["Abh:ConsoleUrl"] = "https://konsol.bapas-magelang.test",
        },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Alerts_escalate_to_the_next_officer_on_duty_then_the_head_until_the_step_is_taken()
    {
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await _host.Services.GetRequiredService<OfficeSettings>().UpdateAsync(office.Id, o => o.Phone = "(0293) 362525", "test", CancellationToken.None);
        var ani = await AbhWorld.OfficerAsync(_host, "ani", "Ani Lestari", OfficerRole.ServiceOfficer, phone: "+6281100000001");
        var budi = await AbhWorld.OfficerAsync(_host, "budi", "Budi Prasetyo", OfficerRole.Pk, email: "budi@bapas-magelang.test");
        var citra = await AbhWorld.OfficerAsync(_host, "citra", "Citra Dewi", OfficerRole.ServiceOfficer, phone: "+6281100000003");
        var dedi = await AbhWorld.OfficerAsync(_host, "dedi", "Dedi Kurnia", OfficerRole.VisitOfficer, phone: "+6281100000004");
        var kepala = await AbhWorld.OfficerAsync(_host, "kepala", "S. Samsuljal", OfficerRole.Kepala, phone: "+6281100000005", email: "kabapas@bapas-magelang.test");
        var kasubsi = await AbhWorld.OfficerAsync(_host, "kasubsi", "Wahyu Nugroho", OfficerRole.Kasubsi, phone: "+6281100000006");
        var pk = await AbhWorld.OfficerAsync(_host, "rudi", "Rudi Hartono", OfficerRole.Pk, phone: "+6281100000007");

        // Saturday night across midnight, the night's backup, and the morning shift.
        var saturday = new DateTime(2026, 3, 7);
        await AbhWorld.ShiftAsync(_host, ani, saturday.AddHours(22), saturday.AddHours(30), rank: 0);
        await AbhWorld.ShiftAsync(_host, budi, saturday.AddHours(24), saturday.AddHours(32), rank: 0);
        await AbhWorld.ShiftAsync(_host, citra, saturday.AddHours(20), saturday.AddHours(32), rank: 1);
        await AbhWorld.ShiftAsync(_host, dedi, saturday.AddHours(30), saturday.AddHours(38), rank: 0);
        await using (var db = _host.Store.CreateDbContext())
        {
            var now = TwoAmSunday.UtcDateTime;
            Assert.Equal(["Ani Lestari", "Budi Prasetyo", "Citra Dewi"], (await DutyRoster.OnDutyAsync(db, office.Id, now, CancellationToken.None)).Select(o => o.DisplayName));
            Assert.Equal(["Budi Prasetyo", "Dedi Kurnia", "Citra Dewi"], (await DutyRoster.OnDutyAsync(db, office.Id, now.AddHours(4), CancellationToken.None)).Select(o => o.DisplayName));
        }

        // The request, by e-mail: several answers in one mail, the letter attached to it.
        var letter = new StoredAttachment("application/pdf", 180_000, Path.Combine(_host.Directory, "media", "surat.pdf"), "surat-permohonan.pdf");
        Assert.Contains("Butir 1 dari 10", await AbhWorld.MailAsync(_host, Requester, OfficeMail, "Pendampingan ABH"));
        var summary = await AbhWorld.MailAsync(_host, Requester, OfficeMail,
            $"Selamat malam,\n\nKepolisian\nPolres Purworejo\nUnit PPA Satreskrim\nBripka Sutrisno\n0812 3456 7001\n{Initials}\n15\n{HeldAt}\n{Offence}\n\nTerima kasih",
            [letter]);
        Assert.Contains("Surat permohonan sudah kami terima", summary);
        Assert.Contains($"6. Inisial anak: {Initials}", summary);
        Assert.Contains("10. Surat permohonan: PDF 175 KB", summary);
        var filed = await AbhWorld.MailAsync(_host, Requester, OfficeMail, "kirim");
        Assert.Contains("Petugas piket saat ini: *Ani Lestari, Budi Prasetyo*", filed);
        Assert.Contains("Telepon kantor: (0293) 362525", filed);
        var code = Regex.Match(filed, @"ABH-[0-9A-Z]{6}").Value;
        long requestId;
        await using (var db = _host.Store.CreateDbContext())
        {
            requestId = (await db.AbhRequests.SingleAsync(r => r.Code == code)).Id;
        }

        // At once (the filing wakes the watcher): the first in rank on duty, on the channels they have.
        await AbhWorld.UntilAsync(_host, db => db.AbhAlerts.AnyAsync(a => a.AbhRequestId == requestId), "the first alerts");
        await PassAsync();
        await AssertAlertsAsync(requestId, (ani, 0), (budi, 0));
        var toAni = Assert.Single(await MessagesToAsync("+6281100000001"));
        Assert.Equal(ChannelKind.WhatsApp, toAni.Channel);
        Assert.Equal(AbhAlerts.Topic, toAni.Topic);
        Assert.Contains($"Permohonan pendampingan ABH {code}", toAni.Body);
        Assert.Contains("Kepolisian (penyidik) — Polres Purworejo, Unit PPA Satreskrim", toAni.Body);
        Assert.Contains("8 Maret 2026 pukul 02.00 WIB", toAni.Body);
        Assert.Contains($"https://konsol.bapas-magelang.test/console/abh/{requestId}", toAni.Body);
        // Ani's 24-hour window is closed (she never wrote): WhatsApp sends the template the topic names.
        var twilio = _host.Services.GetRequiredService<TwilioOptions>();
        var template = Assert.IsType<WindowDecision.Template>(WhatsAppWindow.TemplateFor(toAni, twilio));
        Assert.Equal(ContentSid, template.ContentSid);
        Assert.Contains(code, template.ContentVariables);
        var toBudi = Assert.Single(await MessagesToAsync("budi@bapas-magelang.test"));
        Assert.Equal(ChannelKind.Email, toBudi.Channel);
        Assert.Contains($"[ABH] Permohonan pendampingan {code}", toBudi.Payload);
        Assert.Empty(await MessagesToAsync("+6281100000003"));
        Assert.Empty(await MessagesToAsync("+6281100000004"));

        // Nobody acts: 15 minutes on, the next on duty by rank; 20 minutes after that, the head.
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await PassAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();
        await AssertAlertsAsync(requestId, (ani, 0), (budi, 0), (citra, 1));
        Assert.Contains("Belum ditindaklanjuti", Assert.Single(await MessagesToAsync("+6281100000003")).Body);
        _clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(0, await PassAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();
        await AssertAlertsAsync(requestId, (ani, 0), (budi, 0), (citra, 1), (kepala, 2));
        var toHead = await MessagesToAsync("+6281100000005", "kabapas@bapas-magelang.test");
        Assert.Equal(2, toHead.Count);
        Assert.All(toHead, m => Assert.Contains("sebagai Kepala kantor", m.Body));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await PassAsync());
        Assert.Empty(await MessagesToAsync("+6281100000004"));

        // Someone not on duty may not take the first step; the officer on duty may.
        var eko = await AbhWorld.OfficerAsync(_host, "eko", "Eko Saputra", OfficerRole.ServiceOfficer);
        Assert.Equal(RequestActionStatus.Invalid, await StepAsync(requestId, AbhRequests.Steps.Hand, eko));
        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Hand, ani));
        await using (var db = _host.Store.CreateDbContext())
        {
            var resolved = await db.AbhAlerts.Where(a => a.AbhRequestId == requestId && a.Waiting == AbhRequestStatus.Received).ToListAsync();
            Assert.Equal(4, resolved.Count);
            Assert.All(resolved, a => Assert.Equal(_clock.GetUtcNow().UtcDateTime, a.ResolvedAt));
        }

        // Each step alerts whoever takes the next one.
        await PassAsync();
        Assert.Contains("disposisi Kepala kepada Kasubsi BKA", (await MessagesToAsync("+6281100000005")).Last().Body);
        Assert.Equal(RequestActionStatus.Invalid, await StepAsync(requestId, AbhRequests.Steps.Dispose, kepala, reference: pk.Id));
        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Dispose, kepala, reference: kasubsi.Id));
        await PassAsync();
        Assert.Contains("penunjukan PK oleh Kasubsi BKA", Assert.Single(await MessagesToAsync("+6281100000006")).Body);
        Assert.Equal(RequestActionStatus.Forbidden, await StepAsync(requestId, AbhRequests.Steps.Appoint, ani, reference: pk.Id));
        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Appoint, kasubsi, reference: pk.Id));
        await PassAsync();
        Assert.Contains("konfirmasi PK berangkat", Assert.Single(await MessagesToAsync("+6281100000007")).Body);

        // The PK is slow: 15 minutes on, the first in rank on duty (Ani's shift runs to 06.00) are alerted too.
        _clock.Advance(TimeSpan.FromMinutes(15));
        await PassAsync();
        await using (var db = _host.Store.CreateDbContext())
        {
            var escalated = await db.AbhAlerts.Where(a => a.AbhRequestId == requestId && a.Waiting == AbhRequestStatus.Appointed).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([(pk.Id, 0), (ani.Id, 1), (budi.Id, 1)], escalated.Select(a => (a.OfficerId, a.Level)));
        }

        // The PK confirms: the alert stops, and the requester hears once who is coming.
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(RequestActionStatus.Done, await StepAsync(requestId, AbhRequests.Steps.Acknowledge, pk));
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await PassAsync());
        await using (var db = _host.Store.CreateDbContext())
        {
            Assert.False(await db.AbhAlerts.AnyAsync(a => a.AbhRequestId == requestId && a.ResolvedAt == null));
            Assert.False(await db.AbhAlerts.AnyAsync(a => a.AbhRequestId == requestId && a.Waiting == AbhRequestStatus.Appointed && a.Level == 2));
            var progress = await _host.Services.GetRequiredService<RequestType<AbhRequest, AbhRequestStatus>>()
                .ProgressAsync(db, await db.AbhRequests.SingleAsync(r => r.Id == requestId), office, _host.Services.GetRequiredService<ChatBot.Domain.Sla.WorkingDayCalendar>(), _clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            var started = progress.Steps.Single(s => s.Key == "acknowledged");
            // Disposed at 03.35, acknowledged at 03.55: within the hour since the disposition.
            Assert.Equal(ChatBot.Domain.Sla.Timeliness.OnTime, started.Timeliness);
            Assert.Equal(progress.Steps.Single(s => s.Key == "disposed").DoneAt!.Value.AddHours(1), started.DueUtc);
        }

        var toRequester = await MessagesToAsync(Requester);
        var told = Assert.Single(toRequester, m => m.Body.Contains("Rudi Hartono", StringComparison.Ordinal));
        Assert.Contains("+6281100000007", told.Body);
        Assert.Equal(AbhRequests.NoticeTopic, told.Topic);
        Assert.Single(toRequester, m => m.Body.Contains("+6281100000007", StringComparison.Ordinal));

        // None of the child's data in the log, at the most detailed level.
        var log = _host.Logs.ToString();
        Assert.Contains("ABH alert", log);
        Assert.DoesNotContain(Initials, log);
        Assert.DoesNotContain(HeldAt, log);
        Assert.DoesNotContain(Offence, log);
    }

    private Task<int> PassAsync() => _host.Services.GetRequiredService<AbhAlerts>().RunPassAsync(CancellationToken.None);

    private async Task<RequestActionStatus> StepAsync(long requestId, string step, Officer officer, int? reference = null) =>
        await Desk.ActAsync<AbhRequest, AbhRequestStatus>(_host, requestId, step, await AbhWorld.ReloadAsync(_host, officer), new StepInput(Reference: reference));

    private async Task<List<OutboundMessage>> MessagesToAsync(params string[] addresses)
    {
        await using var db = _host.Store.CreateDbContext();
        return await db.OutboundMessages.AsNoTracking().Where(m => addresses.Contains(m.To) && m.InboundMessageId == null).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task AssertAlertsAsync(long requestId, params (Officer Officer, int Level)[] expected)
    {
        await using var db = _host.Store.CreateDbContext();
        var alerts = await db.AbhAlerts.AsNoTracking().Where(a => a.AbhRequestId == requestId && a.Waiting == AbhRequestStatus.Received).OrderBy(a => a.Level).ThenBy(a => a.OfficerId).ToListAsync();
        Assert.Equal(expected.Select(e => (e.Officer.Id, e.Level)), alerts.Select(a => (a.OfficerId, a.Level)));
        Assert.All(alerts, a => Assert.Null(a.ResolvedAt));
    }
}
