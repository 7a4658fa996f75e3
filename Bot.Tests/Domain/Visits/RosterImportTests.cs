using ChatBot.Bot.Cli;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Domain.Visits;

/// <summary><c>import wbp FILE.csv</c>: a good file, bad rows (reported by line, nothing imported), re-import updates.</summary>
public sealed class RosterImportTests(SharedHost shared) : IClassFixture<SharedHost>, IDisposable
{
    private readonly string _directory = TestHost.NewDirectory();

    private TestHost Host => shared.Host;

    private IImporter Importer => Host.Services.GetServices<IImporter>().Single(i => i.Kind == "wbp");

    [Fact]
    public async Task A_good_file_is_imported_and_a_second_import_updates_by_registration_number()
    {
        var office = await NewOfficeAsync();
        var (code, output, error) = await ImportAsync(office, """
            registration_number,full_name,birth_date,cell_block,video_call_allowed
            A.1/2026,Budi Santoso,1990-08-17,A-1,true
            A.2/2026,"Rizki, Muhammad",,,false
            A.3/2026,Dewi Lestari
            """);
        Assert.True(code == 0, error);
        Assert.Contains("3 inmate(s) added, 0 updated", output);

        (code, output, error) = await ImportAsync(office, """
            full_name,registration_number,cell_block
            Budi Santoso Putra,a 1/2026,B-7
            Andi Wijaya,A.4/2026,
            """);
        Assert.True(code == 0, error);
        Assert.Contains("1 inmate(s) added, 1 updated", output);

        await using var db = Host.Store.CreateDbContext();
        var inmates = await db.Inmates.Where(i => i.OfficeId == office.Id).OrderBy(i => i.RegistrationKey).ToListAsync();
        Assert.Equal(["A12026", "A22026", "A32026", "A42026"], inmates.Select(i => i.RegistrationKey));
        var budi = inmates[0];
        Assert.Equal(("Budi Santoso Putra", "B-7", new DateOnly(1990, 8, 17), true), (budi.FullName, budi.CellBlock, budi.BirthDate!.Value, budi.VideoCallAllowed));
        Assert.Equal("a 1/2026", budi.RegistrationNumber);
        Assert.False(inmates[1].VideoCallAllowed);
        Assert.Equal("Rizki, Muhammad", inmates[1].FullName);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_numbers_and_nothing_is_imported()
    {
        var office = await NewOfficeAsync();
        var (code, _, error) = await ImportAsync(office, """
            registration_number,full_name,birth_date,cell_block,video_call_allowed
            A.1/2026,Budi Santoso,1990-08-17,A-1,true
            A.2/2026,,1990-01-01,,
            A.3/2026,Dewi Lestari,17-08-1990,,
            A.4/2026,Agus Salim,,,ya

            A.1/2026,Budi Lagi,,,
            """);
        Assert.Equal(1, code);
        Assert.Contains("Baris 3: nama lengkap kosong", error);
        Assert.Contains("Baris 4: tanggal lahir '17-08-1990' tidak sesuai format TTTT-BB-HH", error);
        Assert.Contains("Baris 5: video_call_allowed 'ya' harus true atau false", error);
        Assert.Contains("Baris 7: nomor registrasi A.1/2026 sudah ada di baris 2", error);
        Assert.Contains("Nothing was imported", error);
        await using var db = Host.Store.CreateDbContext();
        Assert.Equal(0, await db.Inmates.CountAsync(i => i.OfficeId == office.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,number\nBudi,1\n")]
    [InlineData("registration_number,full_name,religion\nA1,Budi,x\n")]
    public async Task A_file_without_the_expected_header_is_refused(string text)
    {
        var office = await NewOfficeAsync();
        var (code, _, error) = await ImportAsync(office, text);
        Assert.Equal(1, code);
        Assert.Contains("registration_number,full_name", error);
    }

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    private async Task<(int Code, string Output, string Error)> ImportAsync(Office office, string csv)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Importer.ImportAsync(path, office.Code, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Each test imports into an office of its own, so tests sharing the host do not meet.</summary>
    private async Task<Office> NewOfficeAsync()
    {
        var office = new Office { Code = $"T{Guid.NewGuid():N}"[..12], Name = "Lapas Uji", Type = OfficeType.Lapas };
        await using (var db = Host.Store.CreateDbContext())
        {
            db.Offices.Add(office);
            await db.SaveChangesAsync();
        }

        await Host.Services.GetRequiredService<OfficeDirectory>().ReloadAsync(CancellationToken.None);
        return office;
    }
}
