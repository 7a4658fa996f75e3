using System.Globalization;
using System.Net;
using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console.Litmas;

/// <summary>The litmas screens as PKs use them: enter a case from the letter, move it, read its history.</summary>
public sealed class LitmasConsoleTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task A_pk_enters_a_case_from_the_letter_and_its_status_is_public_at_once()
    {
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);
        var response = await CreateAsync(pk, "LIT-501/PKU/2026", "Rudi Hartono", LocalNow(minutes: -20));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await ConsoleClient.TextAsync(await pk.Http.GetAsync(response.Headers.Location));
        Assert.Contains("LIT-501/PKU/2026", detail);
        Assert.Contains("Rudi Hartono", detail);
        Assert.Contains("Tepat waktu", detail);
        Assert.Contains("Permintaan diterima", detail);

        var list = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/litmas"));
        Assert.Contains("LIT-501/PKU/2026", list);

        await Host.Chat("081200009501").Send("status litmas lit 501 pku 2026").Expect("Permintaan diterima", "Dewi Lestari").RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var id = await db.LitmasCases.Where(c => c.NumberKey == "LIT501PKU2026").Select(c => c.Id).SingleAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "litmas.create" && a.Subject == $"LitmasCase/{id}"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "litmas.view" && a.Subject == $"LitmasCase/{id}"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "litmas.list"));
    }

    [Fact]
    public async Task A_case_entered_more_than_an_hour_after_the_letter_is_late_and_the_filter_finds_it()
    {
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(pk, "LIT-502/PKU/2026", "Klien Terlambat", LocalNow(minutes: -180))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(pk, "LIT-503/PKU/2026", "Klien Tepat", LocalNow(minutes: -10))).StatusCode);

        var late = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/litmas?sop=terlambat"));
        Assert.Contains("Klien Terlambat", late);
        Assert.DoesNotContain("Klien Tepat", late);
        var onTime = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/litmas?sop=tepat&cari=503"));
        Assert.Contains("Klien Tepat", onTime);
        Assert.DoesNotContain("Klien Terlambat", onTime);
    }

    [Fact]
    public async Task Changing_the_stage_keeps_who_when_and_why_and_is_announced_live()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        using var pk = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await pk.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        var created = await CreateAsync(pk, "LIT-504/PKU/2026", "Wati", LocalNow(minutes: -5));
        var page = created.Headers.Location!.OriginalString;
        using var events = await EventStream.OpenAsync(pk);

        var moved = await pk.PostFormAsync(page, [new("Stage", "penelitian"), new("Note", "Kunjungan rumah dijadwalkan Kamis"), new("Revision", "0")], page + "?handler=Stage");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var id = long.Parse(page.Split('/')[^1], CultureInfo.InvariantCulture);
        await events.WaitForAsync(e => e.Kind == "status" && e.Subject == $"litmas/{id}", TimeSpan.FromSeconds(10));
        // The live history refresh that the change itself set off may come before the page after
        // the redirect: it must leave the officer's confirmation for that page.
        Assert.Equal(HttpStatusCode.OK, (await pk.Http.GetAsync(page + "?handler=history")).StatusCode);
        var text = await ConsoleClient.TextAsync(await pk.Http.GetAsync(page));
        Assert.Contains("Tahap diubah", text);
        Assert.Contains("data-stage=\"penelitian\">Penelitian (wawancara dan kunjungan rumah)</span>", text);
        Assert.Contains("Kunjungan rumah dijadwalkan Kamis", text);
        Assert.Contains(officer.UserName, text);

        // A second officer working from the old page does not overwrite it.
        var stale = await pk.PostFormAsync(page, [new("Stage", "selesai"), new("Note", ""), new("Revision", "0")], page + "?handler=Stage");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("sudah diubah petugas lain", await ConsoleClient.TextAsync(await pk.Http.GetAsync(page)));
        await using var db = Host.Store.CreateDbContext();
        Assert.Equal(LitmasStage.Penelitian, (await db.LitmasCases.SingleAsync(c => c.Id == id)).Stage);
        // Who moved it is kept as the officer's id (as request steps are), with the name shown then.
        var officerId = (await db.Officers.SingleAsync(o => o.UserName == officer.UserName)).Id;
        var history = await db.LitmasStageChanges.Where(h => h.CaseId == id).OrderBy(h => h.Id).ToListAsync();
        Assert.All(history, h => Assert.Equal((officerId, officer.UserName), (h.OfficerId, h.By)));
    }

    [Fact]
    public async Task Incomplete_or_duplicate_cases_are_refused_with_a_clear_message()
    {
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);
        var missing = await pk.PostFormAsync("/console/litmas/baru",
            [new("Input.RegistrationNumber", "LIT-505/PKU/2026"), new("Input.ClientName", ""), new("Input.PkName", "Dewi"), new("Input.Institution", "Lapas"),
             new("Input.RequestedBy", "Lapas Pekanbaru"), new("Input.LetterReceivedAt", LocalNow(-5))]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Isi nama klien", await ConsoleClient.TextAsync(missing));

        var future = await CreateAsync(pk, "LIT-505/PKU/2026", "Ani", LocalNow(minutes: 120));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("masa depan", await ConsoleClient.TextAsync(future));

        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(pk, "LIT-505/PKU/2026", "Ani", LocalNow(-5))).StatusCode);
        var duplicate = await CreateAsync(pk, "lit 505 pku 2026", "Ani", LocalNow(-5));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("sudah terdaftar", await ConsoleClient.TextAsync(duplicate));
    }

    [Fact]
    public async Task Only_pks_heads_and_admins_work_on_cases_and_only_of_their_own_office()
    {
        using var visit = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        var refused = await visit.Http.GetAsync("/console/litmas");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/console/ditolak", refused.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("href=\"/console/litmas\"", await (await visit.Http.GetAsync("/console")).Content.ReadAsStringAsync());

        using var kepala = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);
        Assert.Contains("href=\"/console/litmas\"", await (await kepala.Http.GetAsync("/console")).Content.ReadAsStringAsync());
        var created = await CreateAsync(kepala, "LIT-506/PKU/2026", "Rahasia Kantor", LocalNow(-5));
        var page = created.Headers.Location!.OriginalString;

        var other = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        using var stranger = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk, other.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(page)).StatusCode);
        Assert.DoesNotContain("Rahasia Kantor", await ConsoleClient.TextAsync(await stranger.Http.GetAsync("/console/litmas")));
    }

    [Fact]
    public async Task Officers_see_lookup_attempts_with_the_sender_masked_and_who_is_paused()
    {
        var limit = Host.Services.GetRequiredService<ChatBot.Domain.Lookups.LookupOptions>().MaxFailures;
        var chat = Host.Chat("081200009506").Send("2").Expect("nomor registrasi");
        for (var i = 0; i < limit; i++)
        {
            chat.Send($"TEBAK-{i}").Expect("tidak kami temukan");
        }

        await chat.RunAsync();
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);
        var html = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/litmas/percobaan?gagal=true"));

        Assert.Contains("TEBAK0", html);
        Assert.Contains("Dijeda", html);
        Assert.DoesNotContain("81200009506", html);
        Assert.DoesNotContain("081200009506", html);
        Assert.Contains("9506", html); // the masked form keeps the last digits
        await using var db = Host.Store.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "litmas.attempts.view"));
    }

    private string LocalNow(int minutes)
    {
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        return office.ToLocal(DateTime.UtcNow.AddMinutes(minutes)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> CreateAsync(ConsoleClient client, string number, string clientName, string received) =>
        client.PostFormAsync("/console/litmas/baru",
        [
            new("Input.RegistrationNumber", number),
            new("Input.ClientName", clientName),
            new("Input.PkName", "Dewi Lestari"),
            new("Input.Institution", "Lapas"),
            new("Input.RequestedBy", "Lapas Kelas IIA Pekanbaru"),
            new("Input.LetterReceivedAt", received),
        ]);
}
