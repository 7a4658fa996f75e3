using System.Globalization;
using System.Net;
using ChatBot.Bot.Tests.Flows.Abh;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console.Abh;

/// <summary>
/// The ABH pages: the child's data and the letter only for the roles that handle ABH and the officer on
/// duty for the request; the steps taken from the request's page, down to opening the litmas case; the
/// roster kept by the head.
/// </summary>
public sealed class AbhConsoleTests(ConsoleHost fixture) : IClassFixture<ConsoleHost>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_childs_data_and_the_letter_are_masked_for_roles_that_do_not_handle_abh()
    {
        var request = await AbhRequestsInStore.AddAsync(Host, DateTime.UtcNow.AddMinutes(-5));
        string[] secrets = [AbhRequestsInStore.Initials, AbhRequestsInStore.HeldAt, AbhRequestsInStore.Offence, "Bripda Wulan", "+6281234500011"];

        foreach (var role in new[] { OfficerRole.VisitOfficer, OfficerRole.ServiceOfficer, OfficerRole.Admin })
        {
            using var client = await ConsoleClient.SignedInAsync(Host, role);
            var page = await ConsoleClient.TextAsync(await client.Http.GetAsync($"/console/abh/{request.Id}"));
            Assert.Contains(request.Code, page);
            Assert.Contains("Kepolisian (penyidik) — Polres Magelang, Unit PPA", page);
            Assert.Contains("•••", page);
            Assert.Contains("hanya untuk Kepala, Kasubsi, PK dan petugas piket", page);
            var list = await ConsoleClient.TextAsync(await client.Http.GetAsync("/console/abh"));
            Assert.Contains(request.Code, list);
            var alarm = await ConsoleClient.TextAsync(await client.Http.GetAsync("/console/abh/alarm"));
            Assert.Contains(request.Code, alarm);
            foreach (var text in new[] { page, list, alarm })
            {
                foreach (var secret in secrets)
                {
                    Assert.DoesNotContain(secret, text);
                }
            }

            Assert.DoesNotContain("/surat", page);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync($"/console/abh/{request.Id}/surat")).StatusCode);
        }

        foreach (var role in new[] { OfficerRole.Kepala, OfficerRole.Kasubsi, OfficerRole.Pk })
        {
            using var client = await ConsoleClient.SignedInAsync(Host, role);
            var page = await ConsoleClient.TextAsync(await client.Http.GetAsync($"/console/abh/{request.Id}"));
            Assert.All(secrets, secret => Assert.Contains(secret, page));
            Assert.Contains("14 tahun", page);
            var letter = await client.Http.GetAsync($"/console/abh/{request.Id}/surat");
            Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
            Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", await letter.Content.ReadAsStringAsync());
        }

        // A service officer on duty when the request came is the officer on duty for it: they see it all.
        var onDuty = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var local = office.ToLocal(DateTime.UtcNow);
        await AbhWorld.ShiftAsync(Host, onDuty, local.AddHours(-1), local.AddHours(7), rank: 0);
        using (var client = ConsoleClient.For(Host))
        {
            await client.SignInAsync(onDuty.UserName, ConsoleClient.Password);
            var page = await ConsoleClient.TextAsync(await client.Http.GetAsync($"/console/abh/{request.Id}"));
            Assert.Contains(AbhRequestsInStore.Initials, page);
            Assert.Contains("Sudah diserahkan ke Kepala", page);
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/console/abh/{request.Id}/surat")).StatusCode);
        }

        await using var db = Host.Store.CreateDbContext();
        var audits = await db.AuditEntries.Where(a => a.Subject == $"AbhRequest/{request.Id}").Select(a => new { a.Action, a.Details }).ToListAsync();
        Assert.Contains(audits, a => a.Action == "abh.view" && a.Details == "child's data masked");
        Assert.Contains(audits, a => a.Action == "abh.view" && a.Details == "child's data shown");
        Assert.Equal(3, audits.Count(a => a.Action == "abh.letter.denied"));
    }

    [Fact]
    public async Task The_steps_are_taken_from_the_page_and_the_pk_opens_a_litmas_case_for_the_child()
    {
        var request = await AbhRequestsInStore.AddAsync(Host, DateTime.UtcNow.AddMinutes(-1));
        var kepala = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        var kasubsi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kasubsi);
        var pk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var path = $"/console/abh/{request.Id}";

        using var asKepala = await SignInAsync(kepala);
        Assert.Equal(HttpStatusCode.Redirect, (await asKepala.PostFormAsync(path, [new("Step", "hand"), new("Revision", "0")], $"{path}?handler=Step")).StatusCode);
        var withHead = await ConsoleClient.TextAsync(await asKepala.Http.GetAsync(path));
        Assert.Contains("Disposisi kepada Kasubsi BKA", withHead);
        Assert.Contains($"value=\"{kasubsi.Id}\"", withHead);
        Assert.Equal(HttpStatusCode.Redirect, (await asKepala.PostFormAsync(path, [new("Step", "dispose"), new("Chosen", kasubsi.Id.ToString(CultureInfo.InvariantCulture)), new("Revision", "1")], $"{path}?handler=Step")).StatusCode);

        using var asKasubsi = await SignInAsync(kasubsi);
        Assert.Contains("Tunjuk Pembimbing Kemasyarakatan", await ConsoleClient.TextAsync(await asKasubsi.Http.GetAsync(path)));
        Assert.Equal(HttpStatusCode.Redirect, (await asKasubsi.PostFormAsync(path, [new("Step", "appoint"), new("Chosen", pk.Id.ToString(CultureInfo.InvariantCulture)), new("Revision", "2")], $"{path}?handler=Step")).StatusCode);

        using var asPk = await SignInAsync(pk);
        Assert.Contains("Saya berangkat", await ConsoleClient.TextAsync(await asPk.Http.GetAsync(path)));
        Assert.Equal(HttpStatusCode.Redirect, (await asPk.PostFormAsync(path, [new("Step", "acknowledge"), new("Revision", "3")], $"{path}?handler=Step")).StatusCode);
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var start = office.ToLocal(DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await asPk.PostFormAsync(path, [new("Step", "accompany"), new("Start", start), new("Place", "Polsek Borobudur"), new("Revision", "4")], $"{path}?handler=Step")).StatusCode);
        Assert.Contains("Buka kasus litmas", await ConsoleClient.TextAsync(await asPk.Http.GetAsync(path)));
        Assert.Equal(HttpStatusCode.Redirect, (await asPk.PostFormAsync(path, [new("RegistrationNumber", "LIT-77/MGL/2026"), new("Institution", "Polisi"), new("Revision", "5")], $"{path}?handler=Litmas")).StatusCode);

        await using var db = Host.Store.CreateDbContext();
        var stored = await db.AbhRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(AbhRequestStatus.Accompanied, stored.Status);
        Assert.Equal("Polsek Borobudur", stored.AccompanimentPlace);
        Assert.NotNull(stored.ClosedAt);
        var litmas = await db.LitmasCases.SingleAsync(c => c.Id == stored.LitmasCaseId);
        Assert.Equal(AbhRequestsInStore.Initials, litmas.ClientName);
        Assert.Equal(RequestingInstitution.Polisi, litmas.Institution);
        Assert.Equal(pk.DisplayName, litmas.PkName);
        Assert.Equal("Polres Magelang, Unit PPA", litmas.RequestedBy);
        Assert.Equal(LitmasStage.Diterima, litmas.Stage);
        Assert.Equal(
            ["filed", "hand", "dispose", "appoint", "acknowledge", "accompany", "litmas"],
            await db.RequestEvents.Where(e => e.Code == request.Code).OrderBy(e => e.Id).Select(e => e.Step).ToListAsync());
        Assert.All(await db.RequestEvents.Where(e => e.Code == request.Code).ToListAsync(), e => Assert.Null(e.Note));
    }

    [Fact]
    public async Task The_head_keeps_the_roster_and_everyone_may_read_it()
    {
        var kepala = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        var night = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var local = office.ToLocal(DateTime.UtcNow);
        string At(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        using var asKepala = await SignInAsync(kepala);
        Assert.Contains("Tambah giliran piket", await ConsoleClient.TextAsync(await asKepala.Http.GetAsync("/console/piket")));
        var added = await asKepala.PostFormAsync("/console/piket",
            [new("OfficerId", night.Id.ToString(CultureInfo.InvariantCulture)), new("Start", At(local.AddHours(-1))), new("End", At(local.AddHours(7))), new("Rank", "1")],
            "/console/piket?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var refused = await asKepala.PostFormAsync("/console/piket",
            [new("OfficerId", night.Id.ToString(CultureInfo.InvariantCulture)), new("Start", At(local.AddHours(2))), new("End", At(local.AddHours(1))), new("Rank", "1")],
            "/console/piket?handler=Add");
        Assert.Contains("esok harinya", await ConsoleClient.TextAsync(await asKepala.Http.GetAsync(refused.Headers.Location!)));

        using var asOfficer = ConsoleClient.For(Host);
        await asOfficer.SignInAsync(night.UserName, ConsoleClient.Password);
        var roster = await ConsoleClient.TextAsync(await asOfficer.Http.GetAsync("/console/piket"));
        Assert.Contains(night.DisplayName, roster);
        Assert.Contains("Sedang piket", roster);
        Assert.DoesNotContain("Tambah giliran piket", roster);
        var notAllowed = await asOfficer.PostFormAsync("/console/piket",
            [new("OfficerId", night.Id.ToString(CultureInfo.InvariantCulture)), new("Start", At(local.AddHours(10))), new("End", At(local.AddHours(12))), new("Rank", "1")],
            "/console/piket?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, notAllowed.StatusCode);
        Assert.Contains("/console/ditolak", notAllowed.Headers.Location!.OriginalString, StringComparison.Ordinal);

        long shiftId;
        await using (var db = Host.Store.CreateDbContext())
        {
            // The one shift the head added; the officer's own try was refused.
            shiftId = (await db.DutyShifts.SingleAsync(s => s.OfficerId == night.Id)).Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await asKepala.PostFormAsync("/console/piket", [], $"/console/piket?handler=Remove&shiftId={shiftId}")).StatusCode);
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.False(await db.DutyShifts.AnyAsync(s => s.OfficerId == night.Id));
        }
    }

    private async Task<ConsoleClient> SignInAsync(Officer officer)
    {
        var client = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        return client;
    }
}
