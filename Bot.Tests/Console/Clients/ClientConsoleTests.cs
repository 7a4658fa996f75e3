using System.Globalization;
using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Console.Clients;

/// <summary>
/// The client register at <c>/console/klien</c> as officers use it: a PK and their own clients, the head,
/// Kasubsi and admins and every client of their offices, edits that meet another officer's edit, and forms
/// with mistakes. Each test works in a Bapas of its own.
/// </summary>
public sealed class ClientConsoleTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task A_pk_sees_only_their_own_clients_and_gets_404_for_anyone_elses()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var other = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var dewi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var budi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var own = await AddClientAsync(bapas, "PB-11/BPS/2026", "Joko Milik Dewi", dewi.Id);
        var colleagues = await AddClientAsync(bapas, "PB-12/BPS/2026", "Sari Milik Budi", budi.Id);
        var unassigned = await AddClientAsync(bapas, "PB-13/BPS/2026", "Agus Belum Ada PK", null);
        var elsewhere = await AddClientAsync(other, "PB-14/BPS/2026", "Rina Kantor Lain", null);
        using var pk = await SignInAsync(dewi);

        var list = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/klien"));
        Assert.Contains("Joko Milik Dewi", list);
        Assert.DoesNotContain("Sari Milik Budi", list);
        Assert.DoesNotContain("Agus Belum Ada PK", list);
        Assert.DoesNotContain("Tambah klien", list);
        Assert.Contains("href=\"/console/klien\"", list); // the navigation names the register

        foreach (var id in new[] { colleagues, unassigned, elsewhere })
        {
            var refused = await pk.Http.GetAsync($"/console/klien/{id}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var text = await ConsoleClient.TextAsync(refused);
            Assert.DoesNotContain("Milik Budi", text);
            Assert.DoesNotContain("Belum Ada PK", text);
            Assert.DoesNotContain("Kantor Lain", text);
            Assert.Contains("Halaman atau data yang Anda buka tidak ada", text); // the console's own 404 page
            Assert.Contains("id=\"back-to-list\" href=\"/console/klien\">Kembali ke daftar klien</a>", text);
            var post = await pk.PostFormAsync($"/console/klien/{own}", await FormAsync(own, ("Input.Phone", "081299990000")), $"/console/klien/{id}");
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        var detail = await pk.Http.GetAsync($"/console/klien/{own}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("Joko Milik Dewi", await ConsoleClient.TextAsync(detail));
        var add = await pk.Http.GetAsync("/console/klien/baru");
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Contains("Klien baru dicatat oleh Admin, Kepala kantor dan Kasubsi Bimbingan Klien.", await ConsoleClient.TextAsync(add));

        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer, bapas.Id);
        var denied = await visits.Http.GetAsync("/console/klien");
        Assert.Equal("/console/ditolak", denied.Headers.Location!.AbsolutePath);

        await using var db = Host.Store.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Actor == dewi.UserName).Select(a => new { a.Action, a.Subject }).ToListAsync();
        Assert.Contains(audit, a => a.Action == "client.view" && a.Subject == $"Client/{own}");
        Assert.Contains(audit, a => a.Action == "client.list");
        Assert.DoesNotContain(audit, a => a.Action == "client.view" && a.Subject != $"Client/{own}");
        Assert.Equal("+6281200000011", (await db.Clients.SingleAsync(c => c.Id == own)).Phone); // the refused posts changed nothing
    }

    [Fact]
    public async Task The_head_kasubsi_and_admins_see_every_client_of_the_offices_they_may_see_and_filter_them()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var other = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var dewi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var budi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        await AddClientAsync(bapas, "PB-21/BPS/2026", "Joko Dua Satu", dewi.Id);
        var sari = await AddClientAsync(bapas, "CB-22/BPS/2026", "Sari Dua Dua", budi.Id, ClientProgramme.Cb);
        await AddClientAsync(bapas, "ANAK-23/BPS/2026", "Rizki Dua Tiga", null, ClientProgramme.Anak);
        var elsewhere = await AddClientAsync(other, "PB-24/BPS/2026", "Rina Dua Empat", null);

        foreach (var role in new[] { OfficerRole.Kepala, OfficerRole.Kasubsi, OfficerRole.Admin })
        {
            using var officer = await ConsoleClient.SignedInAsync(Host, role, bapas.Id);
            var all = await ConsoleClient.TextAsync(await officer.Http.GetAsync("/console/klien"));
            Assert.Contains("Joko Dua Satu", all);
            Assert.Contains("Sari Dua Dua", all);
            Assert.Contains("Rizki Dua Tiga", all);
            Assert.DoesNotContain("Rina Dua Empat", all);
            Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync($"/console/klien/{sari}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync($"/console/klien/{elsewhere}")).StatusCode);
        }

        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala, bapas.Id);
        var byPk = await ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/klien?pk={budi.Id}"));
        Assert.Contains("Sari Dua Dua", byPk);
        Assert.DoesNotContain("Joko Dua Satu", byPk);
        var noPk = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/klien?pk=belum"));
        Assert.Contains("Rizki Dua Tiga", noPk);
        Assert.DoesNotContain("Sari Dua Dua", noPk);
        var children = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/klien?program=anak"));
        Assert.Contains("Rizki Dua Tiga", children);
        Assert.DoesNotContain("Joko Dua Satu", children);
        var byNumber = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/klien?cari=cb%2022"));
        Assert.Contains("Sari Dua Dua", byNumber);
        Assert.DoesNotContain("Joko Dua Satu", byNumber);
        var byName = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/klien?cari=dua%20TIGA"));
        Assert.Contains("Rizki Dua Tiga", byName);
        Assert.DoesNotContain("Sari Dua Dua", byName);

        // A Kanwil admin oversees the region's offices, both Bapas included.
        var kanwil = await ConsoleData.AddOfficeAsync(Host, OfficeType.Kanwil);
        using var regional = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin, kanwil.Id);
        var region = await ConsoleClient.TextAsync(await regional.Http.GetAsync("/console/klien?cari=dua"));
        Assert.Contains("Rina Dua Empat", region);
        Assert.Contains("Joko Dua Satu", region);
    }

    [Fact]
    public async Task The_register_pages_fifty_clients_at_a_time()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        for (var i = 0; i < 52; i++)
        {
            await AddClientAsync(bapas, $"PB-{i:000}/HAL/2026", $"Klien Halaman {i:000}", null);
        }

        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala, bapas.Id);
        var first = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/klien"));
        Assert.Contains("1–50 dari 52 klien", first);
        Assert.Contains("Klien Halaman 049", first);
        Assert.DoesNotContain("Klien Halaman 050", first);
        Assert.Contains("href=\"/console/klien?halaman=2\"", first);
        var second = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/klien?halaman=2"));
        Assert.Contains("Klien Halaman 051", second);
        Assert.DoesNotContain("Klien Halaman 049", second);
    }

    [Fact]
    public async Task An_edit_made_on_a_page_someone_else_saved_since_is_refused_politely_and_overwrites_nothing()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var id = await AddClientAsync(bapas, "PB-31/BPS/2026", "Joko Tiga Satu", null);
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala, bapas.Id);
        using var kasubsi = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kasubsi, bapas.Id);
        var page = $"/console/klien/{id}";
        var opened = await FormAsync(id, ("Input.Phone", "0814 3333 4444"));

        var first = await head.PostFormAsync(page, await FormAsync(id, ("Input.Phone", "0813 1111 2222"), ("Input.Town", "Kota Magelang")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Data klien disimpan.", await ConsoleClient.TextAsync(await head.Http.GetAsync(page)));

        // The Kasubsi still has the page as it was before (revision 0).
        var stale = await kasubsi.PostFormAsync(page, opened);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var text = await ConsoleClient.TextAsync(stale);
        Assert.Contains("sudah diubah petugas lain sejak halaman dibuka", text);
        Assert.Contains("value=\"+6281311112222\"", text); // the newest data is shown
        Assert.Contains("name=\"Revision\" value=\"1\"", text);
        await using var db = Host.Store.CreateDbContext();
        var client = await db.Clients.SingleAsync(c => c.Id == id);
        Assert.Equal(("+6281311112222", "Kota Magelang", 1L), (client.Phone, client.Town, client.Revision));
        Assert.Equal("Phone, Town", (await db.AuditEntries.SingleAsync(a => a.Action == "client.update" && a.Subject == $"Client/{id}")).Details);
    }

    [Fact]
    public async Task Wrong_input_shows_the_form_again_with_what_is_wrong_under_each_field()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var id = await AddClientAsync(bapas, "PB-41/BPS/2026", "Joko Empat Satu", null);
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala, bapas.Id);
        var page = $"/console/klien/{id}";

        var response = await head.PostFormAsync(page, await FormAsync(id,
            ("Input.FullName", "  "),
            ("Input.BirthDate", "2099-01-01"),
            ("Input.Phone", "12345"),
            ("Input.Email", "joko@gmail.con"),
            ("Input.Programme", "bebas"),
            ("Input.SupervisionStart", "2026-06-01"),
            ("Input.SupervisionEnd", "2026-05-01")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await ConsoleClient.TextAsync(response);
        Assert.Contains("Data belum disimpan", text);
        Assert.Contains("Nama lengkap kosong.", text);
        Assert.Contains("Tanggal lahir di masa depan.", text);
        Assert.Contains("Telepon '12345'", text);
        Assert.Contains("Email 'joko@gmail.con' sepertinya salah ketik (maksudnya joko@gmail.com?).", text);
        Assert.Contains("Program 'bebas' tidak dikenal", text);
        Assert.Contains("Akhir bimbingan harus sesudah mulai bimbingan.", text);
        Assert.Contains("id=\"client-phone-error\"", text);
        Assert.Contains("value=\"joko@gmail.con\"", text); // what was typed stays in the form
        await using var db = Host.Store.CreateDbContext();
        var client = await db.Clients.SingleAsync(c => c.Id == id);
        Assert.Equal(("Joko Empat Satu", 0L), (client.FullName, client.Revision));
    }

    [Fact]
    public async Task A_pk_changes_the_contacts_of_their_client_only_and_only_the_head_or_an_admin_changes_the_pk()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var dewi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var budi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        var id = await AddClientAsync(bapas, "PB-51/BPS/2026", "Joko Lima Satu", dewi.Id);
        var page = $"/console/klien/{id}";
        using var pk = await SignInAsync(dewi);
        var budiId = budi.Id.ToString(CultureInfo.InvariantCulture);

        var form = await ConsoleClient.TextAsync(await pk.Http.GetAsync(page));
        Assert.Contains("id=\"client-name\" name=\"Input.FullName\" type=\"text\" value=\"Joko Lima Satu\" maxlength=\"200\" disabled=\"disabled\"", form);
        var saved = await pk.PostFormAsync(page, await FormAsync(id,
            ("Input.Phone", "0857-1234-5678"), ("Input.Email", "joko.baru@contoh.id"), ("Input.FullName", "Nama Lain"),
            ("Input.PkOfficerId", budiId), ("Input.Programme", "Cmb")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = Host.Store.CreateDbContext())
        {
            var client = await db.Clients.SingleAsync(c => c.Id == id);
            Assert.Equal(("+6285712345678", "joko.baru@contoh.id", "Joko Lima Satu", dewi.Id, ClientProgramme.Pb),
                (client.Phone, client.Email, client.FullName, client.PkOfficerId, client.Programme));
        }

        var (kasubsiOfficer, kasubsi) = await SignedInAsync(OfficerRole.Kasubsi, bapas);
        using var _ = kasubsi;
        Assert.Equal(HttpStatusCode.Redirect, (await kasubsi.PostFormAsync(page, await FormAsync(id, ("Input.PkOfficerId", budiId), ("Input.Programme", "Cmb")))).StatusCode);
        var (headOfficer, head) = await SignedInAsync(OfficerRole.Kepala, bapas);
        using var __ = head;
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(page, await FormAsync(id, ("Input.PkOfficerId", budiId)))).StatusCode);

        await using (var db = Host.Store.CreateDbContext())
        {
            var client = await db.Clients.SingleAsync(c => c.Id == id);
            Assert.Equal((budi.Id, ClientProgramme.Cmb), (client.PkOfficerId, client.Programme));
            var audit = await db.AuditEntries.Where(a => a.Subject == $"Client/{id}" && a.Action != "client.view").OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action, a.Details }).ToListAsync();
            Assert.Equal(
                [(dewi.UserName, "client.update", "Phone, Email"), (kasubsiOfficer.UserName, "client.update", "Programme"), (headOfficer.UserName, "client.pk", $"{dewi.UserName} → {budi.UserName}"), (headOfficer.UserName, "client.update", "Pk")],
                audit.Select(a => (a.Actor, a.Action, a.Details)));
        }

        // Dewi is no longer Joko's PK: his record is gone from her register.
        Assert.Equal(HttpStatusCode.NotFound, (await pk.Http.GetAsync(page)).StatusCode);
        var log = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/audit?aksi=client."));
        Assert.Contains("Mengubah PK klien", log);
        Assert.Contains("telepon, email", log);
    }

    [Fact]
    public async Task A_client_is_added_by_hand_and_a_number_already_in_the_register_is_refused()
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var dewi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id);
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala, bapas.Id);
        string[] fields = ["Input.RegistrationNumber", "Input.FullName", "Input.BirthDate", "Input.PkOfficerId", "Input.Phone", "Input.Email", "Input.Town", "Input.Programme", "Input.SupervisionStart", "Input.SupervisionEnd"];
        string[] values = ["CMB-61/BPS/2026", "Wati Enam Satu", "17-05-2001", dewi.Id.ToString(CultureInfo.InvariantCulture), "081234560061", "", "Purworejo", "Cmb", "2026-02-01", "2026-08-01"];

        var added = await head.PostFormAsync("/console/klien/baru", fields.Zip(values, (f, v) => new KeyValuePair<string, string>(f, v)));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var detail = await ConsoleClient.TextAsync(await head.Http.GetAsync(added.Headers.Location));
        Assert.Contains("Klien Wati Enam Satu (CMB-61/BPS/2026) ditambahkan ke register.", detail);
        await using (var db = Host.Store.CreateDbContext())
        {
            var client = await db.Clients.SingleAsync(c => c.OfficeId == bapas.Id);
            Assert.Equal((new DateOnly(2001, 5, 17), dewi.Id, "+6281234560061", null, ClientProgramme.Cmb), (client.BirthDate, client.PkOfficerId, client.Phone, client.Email, client.Programme));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "client.create" && a.Subject == $"Client/{client.Id}"));
        }

        values[0] = "cmb 61 bps 2026";
        var duplicate = await head.PostFormAsync("/console/klien/baru", fields.Zip(values, (f, v) => new KeyValuePair<string, string>(f, v)));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("Nomor registrasi cmb 61 bps 2026 sudah terdaftar di kantor ini.", await ConsoleClient.TextAsync(duplicate));

        // A Kasubsi adds clients too, but leaves the PK to the head.
        using var kasubsi = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kasubsi, bapas.Id);
        values[0] = "CMB-62/BPS/2026";
        Assert.Equal(HttpStatusCode.Redirect, (await kasubsi.PostFormAsync("/console/klien/baru", fields.Zip(values, (f, v) => new KeyValuePair<string, string>(f, v)))).StatusCode);
        await using var again = Host.Store.CreateDbContext();
        Assert.Null((await again.Clients.SingleAsync(c => c.NumberKey == "CMB62BPS2026")).PkOfficerId);
    }

    [Fact]
    public async Task A_clients_telephone_email_and_birth_date_never_reach_the_log()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Logging:Level"] = "Debug" });
        var bapas = await ConsoleData.AddOfficeAsync(host, OfficeType.Bapas);
        using var head = await ConsoleClient.SignedInAsync(host, OfficerRole.Kepala, bapas.Id);
        string[] fields = ["Input.RegistrationNumber", "Input.FullName", "Input.BirthDate", "Input.Phone", "Input.Email", "Input.Town", "Input.Programme", "Input.SupervisionStart", "Input.SupervisionEnd"];
        string[] values = ["PB-71/BPS/2026", "Joko Tujuh Satu", "1987-03-29", "0819-7777-1234", "rahasia.joko@contoh.id", "Magelang", "Pb", "2026-01-01", "2026-12-31"];
        var added = await head.PostFormAsync("/console/klien/baru", fields.Zip(values, (f, v) => new KeyValuePair<string, string>(f, v)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head.Http.GetAsync(added.Headers.Location)).StatusCode);

        var log = host.Logs.ToString();
        Assert.NotEmpty(host.Logs.Lines);
        foreach (var secret in new[] { "7777", "rahasia.joko", "1987-03-29", "29/03/1987", "3/29/1987" })
        {
            Assert.DoesNotContain(secret, log);
        }
    }

    private async Task<ConsoleClient> SignInAsync(Officer officer)
    {
        var client = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        return client;
    }

    private async Task<(Officer Officer, ConsoleClient Client)> SignedInAsync(OfficerRole role, Office office)
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, role, office.Id);
        return (officer, await SignInAsync(officer));
    }

    /// <summary>The edit form as a browser posts it: the client's stored values and revision, with <paramref name="changes"/> over them.</summary>
    private async Task<IEnumerable<KeyValuePair<string, string>>> FormAsync(long id, params (string Name, string Value)[] changes)
    {
        await using var db = Host.Store.CreateDbContext();
        var c = await db.Clients.SingleAsync(x => x.Id == id);
        var form = new Dictionary<string, string>
        {
            ["Input.RegistrationNumber"] = c.RegistrationNumber,
            ["Input.FullName"] = c.FullName,
            ["Input.BirthDate"] = c.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.PkOfficerId"] = c.PkOfficerId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Input.Phone"] = c.Phone ?? "",
            ["Input.Email"] = c.Email ?? "",
            ["Input.Town"] = c.Town,
            ["Input.Programme"] = c.Programme.ToString(),
            ["Input.SupervisionStart"] = c.SupervisionStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.SupervisionEnd"] = c.SupervisionEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Revision"] = c.Revision.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in changes)
        {
            form[name] = value;
        }

        return form;
    }

    private async Task<long> AddClientAsync(Office office, string number, string name, int? pkId, ClientProgramme programme = ClientProgramme.Pb)
    {
        var client = new Client
        {
            OfficeId = office.Id,
            RegistrationNumber = number,
            NumberKey = ClientRegister.Key(number),
            FullName = name,
            BirthDate = new DateOnly(1990, 8, 17),
            PkOfficerId = pkId,
            Phone = "+62812000000" + number.Split('-', '/')[1][..2],
            Town = "Magelang",
            Programme = programme,
            SupervisionStart = new DateOnly(2026, 1, 5),
            SupervisionEnd = new DateOnly(2027, 1, 4),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await using var db = Host.Store.CreateDbContext();
        db.Clients.Add(client);
        using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return client.Id;
    }
}
