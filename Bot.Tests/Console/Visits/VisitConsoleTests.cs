using System.Net;
using System.Net.Http.Headers;
using ChatBot.Bot.Tests.Flows.VisitBooking;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console.Visits;

/// <summary>Who may see the visit screens, the audit of each view, the schedule form and the roster upload.</summary>
public sealed class VisitConsoleTests(VisitHost service) : IClassFixture<VisitHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task Only_visit_officers_heads_and_admins_see_the_queue_and_each_view_is_audited()
    {
        using var other = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);
        var refused = await other.Http.GetAsync("/console/visits");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/console/ditolak", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        var page = await visits.Http.GetAsync("/console/visits?tanggal=2030-01-02");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await ConsoleClient.TextAsync(page);
        Assert.Contains("Kunjungan video call", text);
        Assert.Contains("Belum ada pendaftaran kunjungan", text);
        Assert.Contains("href=\"/console/visits\"", text); // in the navigation

        var unreadable = await visits.Http.GetAsync("/console/visits?tanggal=besok-lusa");
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);

        await using var db = Host.Store.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "visits.queue.view" && a.Subject == "Visits/2030-01-02"));
    }

    [Fact]
    public async Task A_cell_block_written_with_its_word_is_not_shown_as_blok_blok()
    {
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await using (var db = Host.Store.CreateDbContext())
        {
            db.Inmates.Add(new ChatBot.Domain.Visits.Inmate
            {
                OfficeId = office.Id, RegistrationNumber = "B.I-151/2024", RegistrationKey = ChatBot.Domain.Visits.Roster.RegistrationKey("B.I-151/2024"),
                FullName = "Hendra Gunawan", NameKey = ChatBot.Domain.Visits.InmateNameMatcher.Key("Hendra Gunawan"),
                BirthDate = new DateOnly(1991, 4, 4), CellBlock = "Blok B", UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await Host.Chat("081300011051").Send("halo").Send("1").Send("Hendra Gunawan").Send("04-04-1991").Send("Siti").Send("1").Send("ya").Send("1").Expect("berhasil").RunAsync();
        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(Host, "081300011051"));
        using var client = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        var day = office.LocalDate(visit.SlotStart).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var text = await ConsoleClient.TextAsync(await client.Http.GetAsync($"/console/visits?tanggal={day}"));

        Assert.Contains("Hendra Gunawan", text);
        Assert.Contains("blok B", text);
        Assert.DoesNotContain("blok Blok", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_move_that_is_not_in_the_SOP_order_is_refused()
    {
        using var client = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        await Host.Chat("081300011001").Send("halo").Send("1").Send("Budi Santoso").Send("17-08-1990").Send("Siti").Send("1").Send("ya").Send("2").Expect("berhasil").RunAsync();
        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(Host, "081300011001"));

        var skip = await client.PostFormAsync("/console/visits", [], $"/console/visits?handler=Move&id={visit.Id}&from=Booked&to=InCall");
        Assert.Equal(HttpStatusCode.Redirect, skip.StatusCode);
        var nonsense = await client.PostFormAsync("/console/visits", [], $"/console/visits?handler=Move&id={visit.Id}&from=Booked&to=Teleported");
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        var missing = await client.PostFormAsync("/console/visits", [], "/console/visits?handler=Move&id=999999&from=Booked&to=Called");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await using var db = Host.Store.CreateDbContext();
        Assert.Equal(ChatBot.Domain.Visits.VisitStatus.Booked, (await db.Visits.SingleAsync(v => v.Id == visit.Id)).Status);
    }

    [Fact]
    public async Task The_schedule_form_explains_bad_values_and_saves_good_ones()
    {
        using var admin = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin);
        const string form = "/console/visits/settings";
        var bad = await admin.PostFormAsync(form,
        [
            new("Input.Days", "1"), new("Input.OpensAt", "15:00"), new("Input.ClosesAt", "09:00"), new("Input.SlotMinutes", "15"),
            new("Input.Stations", "0"), new("Input.WeeklyLimit", "2"), new("Input.Holidays", "2026-12-25\n25-12-2026"),
        ], form + "?handler=Schedule");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var text = await ConsoleClient.TextAsync(bad);
        Assert.Contains("Jumlah perangkat video call harus 1 sampai", text);
        Assert.Contains("Jam tutup harus setelah jam buka", text);
        Assert.Contains("Tanggal libur tidak dikenali: 25-12-2026", text);

        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.Equal(1, (await db.VisitSchedules.SingleAsync(s => s.OfficeId == office.Id)).Stations);
        }

        // Saving a copy of the test schedule with a holiday and three stations keeps the other tests' slots open.
        var good = await admin.PostFormAsync(form,
        [
            .. Enumerable.Range(0, 7).Select(d => new KeyValuePair<string, string>("Input.Days", d.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new("Input.OpensAt", "00:00"), new("Input.ClosesAt", "23:59"), new("Input.SlotMinutes", "15"),
            new("Input.Stations", "3"), new("Input.WeeklyLimit", "0"), new("Input.Holidays", "2030-12-25"), new("Input.CallerNumber", "0771 100 01111"),
        ], form + "?handler=Schedule");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using (var db = Host.Store.CreateDbContext())
        {
            var saved = await db.VisitSchedules.SingleAsync(s => s.OfficeId == office.Id);
            Assert.Equal((3, "2030-12-25", "+6277110001111"), (saved.Stations, saved.Holidays, saved.CallerNumber));
            Assert.False(saved.IsOpenOn(new DateOnly(2030, 12, 25)));
        }

        await using (var db = Host.Store.CreateDbContext())
        {
            // Back to the fixture's caller number for the other tests.
            var saved = await db.VisitSchedules.SingleAsync(s => s.OfficeId == office.Id);
            saved.CallerNumber = "+6277100001111";
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_roster_upload_with_a_bad_row_lists_the_problem_and_imports_nothing()
    {
        using var client = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        const string form = "/console/visits/settings";
        int before;
        await using (var db = Host.Store.CreateDbContext())
        {
            before = await db.Inmates.CountAsync();
        }

        using var content = new MultipartFormDataContent
        {
            { new StringContent(await client.TokenAsync(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent("registration_number,full_name,birth_date\nZ-1,Baru Satu,2001-01-01\nZ-2,Baru Dua,2001-13-01\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "wbp.csv");
        var response = await client.Http.PostAsync(form + "?handler=Roster", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await ConsoleClient.TextAsync(response);
        Assert.Contains("Tidak ada data yang diimpor", text);
        Assert.Contains("Baris 3: tanggal lahir '2001-13-01'", text);

        await using var check = Host.Store.CreateDbContext();
        Assert.Equal(before, await check.Inmates.CountAsync());
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "visits.roster.import" && a.Details!.StartsWith("refused")));
    }
}
