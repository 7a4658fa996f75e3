using ChatBot.Bot.Cli;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console.Clients;

/// <summary><c>import klien FILE.csv</c> run as an officer runs it: the real program, then the store checked.</summary>
public sealed class ClientImportTests : IDisposable
{
    private const string Header = "Nomor Registrasi,Nama Lengkap,Tanggal Lahir,PK,Telepon,Email,Kota,Program,Mulai Bimbingan,Akhir Bimbingan";

    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task A_good_file_adds_its_clients_and_a_reimport_updates_a_changed_phone_and_pk_and_adds_a_new_one()
    {
        var (dewi, budi) = await AddPksAsync();
        var first = Write("klien.csv",
            Header,
            "PB-101/BPS/2026,Joko Susilo,1990-08-17,dewi,0812-3456-7890,joko@contoh.co.id,Magelang,PB,2026-01-05,2027-01-04",
            "\"CB-102/BPS/2026\",\"Sari, Putri\",17/05/2001,Dewi Lestari,,,Kab. Temanggung,cuti bersyarat,01-02-2026,31-07-2026",
            ",,,,,,,,,");

        var (exit, output) = await ImportAsync(first);

        Assert.True(exit == 0, output);
        Assert.Contains("Clients of UPT: 2 added, 0 updated, 0 unchanged.", output);
        await using (var host = await TestHost.StartAsync(_directory))
        await using (var db = host.Store.CreateDbContext())
        {
            var clients = await db.Clients.OrderBy(c => c.NumberKey).ToListAsync();
            Assert.Equal(["CB102BPS2026", "PB101BPS2026"], clients.Select(c => c.NumberKey));
            var (sari, joko) = (clients[0], clients[1]);
            Assert.Equal(("Joko Susilo", new DateOnly(1990, 8, 17), dewi, "+6281234567890", "joko@contoh.co.id", "Magelang", ClientProgramme.Pb),
                (joko.FullName, joko.BirthDate, joko.PkOfficerId, joko.Phone, joko.Email, joko.Town, joko.Programme));
            Assert.Equal((new DateOnly(2026, 1, 5), new DateOnly(2027, 1, 4)), (joko.SupervisionStart, joko.SupervisionEnd));
            Assert.Equal(("Sari, Putri", new DateOnly(2001, 5, 17), dewi, null, ClientProgramme.Cb, new DateOnly(2026, 7, 31)),
                (sari.FullName, sari.BirthDate, sari.PkOfficerId, sari.Phone, sari.Programme, sari.SupervisionEnd));
        }

        // The next export: Joko has a new number, Sari a new PK and no e-mail cell, and a child client is new.
        var second = Write("klien-2.csv",
            "no. registrasi;nama;tgl lahir;nama pk;no hp;kota;program;tgl mulai;tgl akhir",
            "pb 101 bps 2026;Joko Susilo;17-08-1990;;+62 813 1111 2222;Magelang;pb;05/01/2026;04/01/2027",
            "CB-102/BPS/2026;Sari, Putri;2001-05-17;budi;;Kab. Temanggung;CB;2026-02-01;2026-07-31",
            "ANAK-103/BPS/2026;Rizki;2011-03-09;Budi Santoso;;Kota Magelang;anak;2026-03-01;2026-09-01");

        (exit, output) = await ImportAsync(second);

        Assert.True(exit == 0, output);
        Assert.Contains("Clients of UPT: 1 added, 2 updated, 0 unchanged.", output);
        await using (var host = await TestHost.StartAsync(_directory))
        await using (var db = host.Store.CreateDbContext())
        {
            var clients = await db.Clients.ToDictionaryAsync(c => c.NumberKey);
            Assert.Equal(3, clients.Count);
            var joko = clients["PB101BPS2026"];
            Assert.Equal(("+6281311112222", dewi, "joko@contoh.co.id", 1L), (joko.Phone, joko.PkOfficerId, joko.Email, joko.Revision)); // empty cells keep what is stored
            Assert.Equal("pb 101 bps 2026", joko.RegistrationNumber);
            Assert.Equal(budi, clients["CB102BPS2026"].PkOfficerId);
            Assert.Equal((ClientProgramme.Anak, budi), (clients["ANAK103BPS2026"].Programme, clients["ANAK103BPS2026"].PkOfficerId));
            var imports = await db.AuditEntries.Where(a => a.Action == "client.import").OrderBy(a => a.Id).Select(a => new { a.Actor, a.Subject, a.Details }).ToListAsync();
            Assert.Equal(["2 added, 0 updated, 0 unchanged", "1 added, 2 updated, 0 unchanged"], imports.Select(i => i.Details));
            Assert.All(imports, i => Assert.Equal(("import", "Office/UPT"), (i.Actor, i.Subject)));
        }

        (exit, output) = await ImportAsync(second);
        Assert.True(exit == 0, output);
        Assert.Contains("0 added, 0 updated, 3 unchanged", output);
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_names_every_bad_line_and_why()
    {
        await AddPksAsync();
        var file = Write("buruk.csv",
            Header,
            "PB-201/BPS/2026,Joko Susilo,1990-08-17,dewi,081234567890,joko@contoh.co.id,Magelang,PB,2026-01-05,2027-01-04",
            "PB-202/BPS/2026,,31-02-1990,,,,Magelang,PB,2026-01-05,2027-01-04",
            "PB-203/BPS/2026,Ani,1991-01-01,siti,0812,ani@gmail.con,Magelang,bebas murni,2026-01-05,2026-01-01",
            "PB-204/BPS/2026,Agus,1992-02-02,pak kepala,+62 812 3456 7890,,,CMB,,2026-05-05",
            "pb 201 bps 2026,Joko Lagi,1990-08-17,,,,Magelang,PB,2026-01-05,2027-01-04");

        var (exit, output) = await ImportAsync(file);

        Assert.Equal(1, exit);
        Assert.Contains("Baris 3: nama lengkap kosong; tanggal lahir '31-02-1990' bukan tanggal", output);
        Assert.Contains("Baris 4: pk 'siti' tidak dikenal di kantor ini", output);
        Assert.Contains("telepon '0812' jumlah angkanya tidak pas", output);
        Assert.Contains("email 'ani@gmail.con' sepertinya salah ketik (maksudnya ani@gmail.com?)", output);
        Assert.Contains("program 'bebas murni' tidak dikenal", output);
        Assert.Contains("akhir bimbingan harus sesudah mulai bimbingan", output);
        Assert.Contains("Baris 5: 'pak kepala' bukan Pembimbing Kemasyarakatan; kota kosong; mulai bimbingan kosong.", output);
        Assert.Contains("Baris 6: nomor registrasi pb 201 bps 2026 sama dengan baris 2.", output);
        Assert.DoesNotContain("Baris 2:", output);
        Assert.Contains("Nothing was imported: 4 problem(s) in buruk.csv.", output);
        await using var host = await TestHost.StartAsync(_directory);
        await using var db = host.Store.CreateDbContext();
        Assert.Equal(0, await db.Clients.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "client.import"));
    }

    [Fact]
    public async Task An_unknown_office_code_or_a_wrong_header_is_refused()
    {
        var file = Write("klien.csv", Header, "PB-301/BPS/2026,Joko,1990-08-17,,,,Magelang,PB,2026-01-05,2027-01-04");

        var (exit, output) = await CommandRun.RunAsync(_directory, ["import", "klien", file, "--office", "BAPAS-X"]);
        Assert.Equal(2, exit);
        Assert.Contains("No office has the code 'BAPAS-X' (UPT)", output);

        (exit, output) = await ImportAsync(Write("judul.csv", "nomor registrasi,nama lengkap,agama", "PB-1,Joko,Islam"));
        Assert.Equal(1, exit);
        Assert.Contains("Baris 1: tidak ada kolom tanggal lahir, kota, program, mulai bimbingan, akhir bimbingan; kolom tidak dikenal: agama.", output);
    }

    [Fact]
    public async Task The_office_named_gets_the_clients_and_its_own_pks_are_the_ones_that_count()
    {
        Office bapas;
        await using (var host = await TestHost.StartAsync(_directory))
        {
            bapas = await ConsoleData.AddOfficeAsync(host, OfficeType.Bapas);
            var accounts = host.Services.GetRequiredService<OfficerAccounts>();
            await accounts.CreateAsync("rina", "Rina Wati", OfficerRole.Pk, bapas.Id, ConsoleClient.Password, "test", CancellationToken.None);
            await accounts.CreateAsync("dewi", "Dewi Lestari", OfficerRole.Pk, ConsoleData.DefaultOfficeId(host), ConsoleClient.Password, "test", CancellationToken.None);
        }

        var file = Write("klien.csv", Header,
            "PB-401/BPS/2026,Joko,1990-08-17,rina,,,Magelang,PB,2026-01-05,2027-01-04",
            "PB-402/BPS/2026,Ani,1990-08-17,dewi,,,Magelang,PB,2026-01-05,2027-01-04");
        var (exit, output) = await CommandRun.RunAsync(_directory, ["import", "klien", file, "--office", bapas.Code.ToLowerInvariant()]);
        Assert.Equal(1, exit);
        Assert.Contains("Baris 3: pk 'dewi' tidak dikenal di kantor ini", output);

        File.WriteAllLines(file, [Header, "PB-401/BPS/2026,Joko,1990-08-17,rina,,,Magelang,PB,2026-01-05,2027-01-04"]);
        (exit, output) = await CommandRun.RunAsync(_directory, ["import", "klien", file, "--office", bapas.Code]);
        Assert.True(exit == 0, output);
        await using var again = await TestHost.StartAsync(_directory);
        await using var db = again.Store.CreateDbContext();
        Assert.Equal(bapas.Id, (await db.Clients.SingleAsync()).OfficeId);
    }

    [Fact]
    public async Task The_import_help_names_the_client_register()
    {
        var (exit, output) = await CommandRun.RunAsync(_directory, ["import"]);
        Assert.Equal(2, exit);
        Assert.Contains("klien: client register CSV with the header nomor registrasi,nama lengkap,tanggal lahir,pk,telepon,email,kota,program,mulai bimbingan,akhir bimbingan", output);
    }

    /// <summary>Two PKs of the default office, made with the service itself (as an admin would on the Petugas page).</summary>
    private async Task<(int Dewi, int Budi)> AddPksAsync()
    {
        await using var host = await TestHost.StartAsync(_directory);
        var accounts = host.Services.GetRequiredService<OfficerAccounts>();
        var office = ConsoleData.DefaultOfficeId(host);
        var dewi = await accounts.CreateAsync("dewi", "Dewi Lestari", OfficerRole.Pk, office, ConsoleClient.Password, "test", CancellationToken.None);
        var budi = await accounts.CreateAsync("budi", "Budi Santoso", OfficerRole.Pk, office, ConsoleClient.Password, "test", CancellationToken.None);
        await accounts.CreateAsync("kepala", "Pak Kepala", OfficerRole.Kepala, office, ConsoleClient.Password, "test", CancellationToken.None);
        return (dewi.Id, budi.Id);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private Task<(int ExitCode, string Output)> ImportAsync(string file) => CommandRun.RunAsync(_directory, ["import", "klien", file]);
}
