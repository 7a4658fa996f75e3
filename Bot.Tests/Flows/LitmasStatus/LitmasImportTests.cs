using System.Diagnostics;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Litmas;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Flows.LitmasStatus;

/// <summary><c>import litmas FILE.csv</c> run as the officer runs it: the real program, then the store and the chat checked.</summary>
public sealed class LitmasImportTests : IDisposable
{
    private const string Header = "registration_number,client_name,pk_name,requested_by,status,updated_at";

    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task A_good_file_is_imported_and_its_cases_answer_in_the_chat()
    {
        var file = Write("good.csv",
            Header,
            "LIT-201/PKU/2026,Joko Widodo,Dewi Lestari,Lapas Kelas IIA Pekanbaru,penelitian,2026-11-20T09:30:00+07:00",
            "\"LIT-202/PKU/2026\",\"Sari, Putri\",Budi Santoso,Polresta Pekanbaru,sidang_tpp,2026-11-21 14:00",
            "lit-203/pku/2026,Ahmad,Dewi Lestari,LPKA Kelas II Pekanbaru,SELESAI,2026-11-22",
            "LIT-204/PKU/2026,Rudi,Budi Santoso,Kejaksaan Negeri Bandung,penelitian,2026-11-22");

        var (exit, output) = await ImportAsync(file);

        Assert.True(exit == 0, output);
        Assert.Contains("4 added, 0 updated, 0 unchanged", output);
        await using var host = await TestHost.StartAsync(_directory);
        await using (var db = host.Store.CreateDbContext())
        {
            var cases = await db.LitmasCases.OrderBy(c => c.NumberKey).ToListAsync();
            Assert.Equal(["LIT201PKU2026", "LIT202PKU2026", "LIT203PKU2026", "LIT204PKU2026"], cases.Select(c => c.NumberKey));
            Assert.Equal([LitmasStage.Penelitian, LitmasStage.SidangTpp, LitmasStage.Selesai, LitmasStage.Penelitian], cases.Select(c => c.Stage));
            Assert.Equal(RequestingInstitution.Kejaksaan, cases[3].Institution);
            Assert.Equal("Sari, Putri", cases[1].ClientName);
            Assert.Equal(RequestingInstitution.Polisi, cases[1].Institution);
            Assert.Equal(new DateTime(2026, 11, 20, 2, 30, 0, DateTimeKind.Utc), cases[0].StageUpdatedAt);
            Assert.Equal(new DateTime(2026, 11, 21, 7, 0, 0, DateTimeKind.Utc), cases[1].StageUpdatedAt); // no offset: the office's WIB
            Assert.Equal(4, await db.LitmasStageChanges.CountAsync(h => h.By == "import"));
        }

        await host.Chat("081200009101").Send("status litmas LIT-202/PKU/2026").Expect("Sidang TPP", "21 November 2026 pukul 14.00 WIB", "Budi Santoso").RunAsync();
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_lines_and_nothing_is_imported()
    {
        var file = Write("bad.csv",
            Header,
            "LIT-301/PKU/2026,Joko,Dewi Lestari,Lapas Kelas IIA Pekanbaru,penelitian,2026-11-20T09:30:00+07:00",
            "LIT-302/PKU/2026,Sari,Budi Santoso,Dinas Sosial Kota,penelitian,2026-11-20",
            "LIT-303/PKU/2026,,Budi Santoso,Rutan Pekanbaru,menunggu,20/11/2026",
            "lit 301 pku 2026,Joko,Dewi Lestari,Lapas Kelas IIA Pekanbaru,selesai,2026-11-20");

        var (exit, output) = await ImportAsync(file);

        Assert.Equal(1, exit);
        Assert.Contains("Line 3: requested_by 'Dinas Sosial Kota'", output);
        Assert.Contains("Line 4: client_name is empty", output);
        Assert.Contains("Line 4: status 'menunggu'", output);
        Assert.Contains("Line 4: updated_at '20/11/2026'", output);
        Assert.Contains("Line 5: registration_number 'lit 301 pku 2026' is the same number as on line 2", output);
        Assert.Contains("Nothing was imported", output);
        await using var host = await TestHost.StartAsync(_directory);
        await using var db = host.Store.CreateDbContext();
        Assert.Equal(0, await db.LitmasCases.CountAsync());
    }

    [Fact]
    public async Task A_wrong_header_is_refused()
    {
        var (exit, output) = await ImportAsync(Write("header.csv", "nomor,nama,pk", "LIT-1,Joko,Dewi"));
        Assert.Equal(1, exit);
        Assert.Contains("the header lacks registration_number", output);
    }

    [Fact]
    public async Task Reimporting_changes_nothing_and_a_changed_stage_is_kept_in_history_and_told_to_subscribers()
    {
        string[] rows =
        [
            Header,
            "LIT-401/PKU/2026,Joko,Dewi Lestari,Lapas Kelas IIA Pekanbaru,penelitian,2026-11-20T09:30:00+07:00",
            "LIT-402/PKU/2026,Sari,Budi Santoso,Rutan Kelas I Pekanbaru,pk_ditunjuk,2026-11-20T10:00:00+07:00",
        ];
        var file = Write("first.csv", rows);
        Assert.Equal(0, (await ImportAsync(file)).ExitCode);

        var (exit, output) = await ImportAsync(file);
        Assert.True(exit == 0, output);
        Assert.Contains("0 added, 0 updated, 2 unchanged", output);

        // Someone follows LIT-401 in the chat.
        await using (var host = await TestHost.StartAsync(_directory))
        {
            await host.Chat("081200009104").Send("status litmas LIT-401/PKU/2026").Expect("Penelitian").Send("ya").Expect("mengabari").RunAsync();
        }

        var changed = Write("second.csv", Header,
            "LIT-401/PKU/2026,Joko,Dewi Lestari,Lapas Kelas IIA Pekanbaru,penyusunan_laporan,2026-11-23T08:00:00+07:00",
            rows[2]);
        (exit, output) = await ImportAsync(changed);
        Assert.True(exit == 0, output);
        Assert.Contains("0 added, 1 updated, 1 unchanged; 1 subscriber notice(s) queued", output);

        await using var again = await TestHost.StartAsync(_directory);
        await using var db = again.Store.CreateDbContext();
        var litmas = await db.LitmasCases.SingleAsync(c => c.NumberKey == "LIT401PKU2026");
        Assert.Equal(LitmasStage.PenyusunanLaporan, litmas.Stage);
        var history = await db.LitmasStageChanges.Where(h => h.CaseId == litmas.Id).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([null, LitmasStage.Penelitian], history.Select(h => h.FromStage));
        Assert.Equal(LitmasStage.PenyusunanLaporan, history[^1].ToStage);
        var notice = await db.OutboundMessages.SingleAsync(m => m.To == "+6281200009104" && m.Kind == OutboundKind.Proactive);
        Assert.Contains("Laporan sedang disusun", notice.Body);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private Task<(int ExitCode, string Output)> ImportAsync(string file) => CommandRun.RunAsync(_directory, ["import", "litmas", file]);
}
