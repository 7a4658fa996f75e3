using System.Net;
using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// The audit log as an officer reads it: actions, records and details in Indonesian (never the stored
/// codes), and filters by officer, action and days that offer only what the viewer may see.
/// </summary>
public sealed partial class AuditLogTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private static readonly DateTime At = new(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc);

    private TestHost Host => service.Host;

    [Fact]
    public async Task Actions_records_and_details_are_written_in_Indonesian()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        await AddAsync(
            AuditEntry.Of(officer.UserName, "visits.queue.view", "Visits/2026-03-02", At),
            AuditEntry.Of(officer.UserName, "litmas.list", "LitmasCase", At, "2 case(s) shown"),
            AuditEntry.Of(officer.UserName, "litmas.stage", "LitmasCase/7", At, "diterima → pk_ditunjuk"),
            AuditEntry.Of(officer.UserName, "visits.roster.import", $"Office/{ConsoleData.DefaultOfficeId(Host)}", At, "added 3, updated 1"),
            AuditEntry.Of(officer.UserName, "complaint.review", "Complaint/5", At),
            AuditEntry.Of(officer.UserName, "officer.create", "Officer/budi", At, "ServiceOfficer"),
            AuditEntry.Of(officer.UserName, "arsip.ekspor-lama", null, At));
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);

        var response = await head.Http.GetAsync($"/console/audit?aktor={officer.UserName}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Visible(await ConsoleClient.TextAsync(response));

        Assert.Contains("Membuka antrean kunjungan", page);
        Assert.Contains("Antrean kunjungan 2 Mar 2026", page);
        Assert.Contains("Membuka daftar litmas", page);
        Assert.Contains("2 kasus ditampilkan", page);
        Assert.Contains("Mengubah tahap litmas", page);
        Assert.Contains("Kasus litmas 7", page);
        Assert.Contains("Permintaan diterima → PK sudah ditunjuk", page);
        Assert.Contains("3 ditambah, 1 diperbarui", page);
        Assert.Contains("Pengaduan: telaah Kepala", page);
        Assert.Contains("peran Petugas layanan", page);
        Assert.Contains("Arsip ekspor lama", page);
        Assert.Contains($"Petugas VisitOfficer ({officer.UserName})", page);
        foreach (var code in new[] { "visits.queue.view", "litmas.list", "case(s)", "pk_ditunjuk", "complaint.review", "ServiceOfficer", "arsip.ekspor-lama", "LitmasCase", "Visits/" })
        {
            Assert.DoesNotContain(code, page);
        }
    }

    [Fact]
    public async Task The_filter_offers_officers_and_actions_by_name_and_no_code_to_type()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        using var admin = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin);

        var html = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/audit"));

        Assert.Matches($"<select id=\"aktor\" name=\"aktor\">[\\s\\S]*<option value=\"{officer.UserName}\">Petugas Pk \\({officer.UserName}\\)</option>", html);
        Assert.Matches("<select id=\"aksi\" name=\"aksi\">[\\s\\S]*<option value=\"officer.signin\">Masuk ke konsol</option>", html);
        Assert.Contains("<option value=\"visits.queue.view\">Membuka antrean kunjungan</option>", html);
        Assert.Contains("<input type=\"date\" id=\"dari\" name=\"dari\"", html);
        Assert.Contains("<input type=\"date\" id=\"sampai\" name=\"sampai\"", html);
        Assert.DoesNotContain("officer.signin", Visible(html));
    }

    [Fact]
    public async Task Officer_action_and_days_filter_the_rows_in_the_office_time_zone()
    {
        var ani = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        var budi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        // 2 March 01:00 WIB, 1 March 23:00 WIB, 3 March 10:00 WIB.
        var early = new DateTime(2026, 3, 1, 18, 0, 0, DateTimeKind.Utc);
        var lateBefore = new DateTime(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc);
        var after = new DateTime(2026, 3, 3, 3, 0, 0, DateTimeKind.Utc);
        await AddAsync(
            AuditEntry.Of(ani.UserName, "conversation.view", "Conversation/1", early),
            AuditEntry.Of(ani.UserName, "conversation.view", "Conversation/2", lateBefore),
            AuditEntry.Of(ani.UserName, "conversation.view", "Conversation/3", after),
            AuditEntry.Of(ani.UserName, "visits.queue.view", "Visits/2026-03-02", early),
            AuditEntry.Of(budi.UserName, "conversation.view", "Conversation/4", early));
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);

        var html = await ConsoleClient.TextAsync(await head.Http.GetAsync(
            $"/console/audit?aktor={ani.UserName}&aksi=conversation.view&dari=2026-03-02&sampai=2026-03-02"));

        Assert.Equal([(ani.UserName, "conversation.view")], Rows(html));
        Assert.Contains("Percakapan 1", Visible(html));
        Assert.Contains($"<option value=\"{ani.UserName}\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"conversation.view\" selected=\"selected\">Membuka percakapan</option>", html);
        Assert.Contains("value=\"2026-03-02\"", html);

        // Days given the wrong way round are read as a range; both of Ani's views of the 1st-3rd show.
        var range = await ConsoleClient.TextAsync(await head.Http.GetAsync(
            $"/console/audit?aktor={ani.UserName}&aksi=conversation.view&dari=2026-03-03&sampai=2026-03-01"));
        Assert.Equal(3, Rows(range).Count);

        var unreadable = Visible(await ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/audit?aktor={budi.UserName}&dari=kemarin")));
        Assert.Contains("Tanggal \"kemarin\" tidak dikenali", unreadable);
        Assert.Contains("Percakapan 4", unreadable);
    }

    [Fact]
    public async Task A_head_of_office_sees_the_officers_and_rows_of_their_own_office_only()
    {
        var elsewhere = await ConsoleData.AddOfficeAsync(Host, OfficeType.Lapas);
        var stranger = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer, elsewhere.Id);
        var colleague = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        await AddAsync(
            AuditEntry.Of(stranger.UserName, "conversation.view", "Conversation/41", At),
            AuditEntry.Of(colleague.UserName, "conversation.view", "Conversation/42", At));
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);

        var all = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/audit?aksi=conversation.view&dari=2026-03-02&sampai=2026-03-02"));
        Assert.Contains(Rows(all), r => r.Actor == colleague.UserName);
        Assert.DoesNotContain(Rows(all), r => r.Actor == stranger.UserName);
        Assert.DoesNotContain(stranger.UserName, all);

        var asked = await ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/audit?aktor={stranger.UserName}"));
        Assert.Empty(Rows(asked));

        // An administrator of the regional office oversees every office, and so its officers too.
        var kanwil = await ConsoleData.AddOfficeAsync(Host, OfficeType.Kanwil);
        using var regional = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin, kanwil.Id);
        var overseen = await ConsoleClient.TextAsync(await regional.Http.GetAsync($"/console/audit?aktor={stranger.UserName}"));
        Assert.Equal([(stranger.UserName, "conversation.view")], Rows(overseen));
        Assert.Contains($"<option value=\"{stranger.UserName}\" selected=\"selected\">", overseen);
    }

    internal static IReadOnlyList<(string Actor, string Action)> Rows(string html) =>
        [.. RowPattern().Matches(html).Select(m => (m.Groups["actor"].Value, m.Groups["action"].Value))];

    /// <summary>The words a person reads on the page: no markup, no attributes.</summary>
    internal static string Visible(string html) =>
        Regex.Replace(Markup().Replace(html, " "), @"\s+", " ");

    private async Task AddAsync(params AuditEntry[] entries)
    {
        await using var db = Host.Store.CreateDbContext();
        db.AuditEntries.AddRange(entries);
        using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }
    }

    [GeneratedRegex("<tr data-action=\"(?<action>[^\"]*)\" data-actor=\"(?<actor>[^\"]*)\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<script[\\s\\S]*?</script>|<[^>]+>")]
    private static partial Regex Markup();
}
