using ChatBot.Bot.Cli;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Cli;

/// <summary><c>office add|set|list</c> as a newcomer types them, on a real store the service then reads.</summary>
public sealed class OfficeCommandTests : IDisposable
{
    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task Offices_are_added_and_set_up_on_the_command_line_and_the_bot_answers_with_their_settings()
    {
        var (exit, output) = await Office("add", "bapas-mgl", "--name", "Bapas Kelas II Magelang", "--type", "bapas",
            "--phone", "(0293) 362000", "--whatsapp", "+6281100002222", "--days", "senin-sabtu", "--hours", "07.30-15.00");
        Assert.True(exit == 0, output);
        Assert.Contains("Office BAPAS-MGL (Bapas) added", output, StringComparison.Ordinal);
        Assert.Contains("litmas", output, StringComparison.Ordinal);
        Assert.DoesNotContain("kunjungan", output, StringComparison.Ordinal);

        (exit, output) = await Office("set", "UPT", "--name", "Rutan Kelas IIB Magelang", "--address", "Jl. Pahlawan 1, Magelang", "--services", "kunjungan,pengaduan");
        Assert.True(exit == 0, output);

        (exit, output) = await Office("list");
        Assert.Equal(0, exit);
        Assert.Contains("BAPAS-MGL", output, StringComparison.Ordinal);
        Assert.Contains("Rutan Kelas IIB Magelang", output, StringComparison.Ordinal);

        await using var host = await TestHost.StartAsync(_directory);
        var bapas = host.Services.GetRequiredService<OfficeDirectory>().Resolve(ChatBot.Domain.Conversations.ChannelKind.WhatsApp, "whatsapp:+6281100002222")!;
        Assert.Equal("Bapas Kelas II Magelang", bapas.Name);
        Assert.True(bapas.IsWorkDay(DayOfWeek.Saturday));
        Assert.Equal(new TimeOnly(7, 30), bapas.OpensAt);
        await host.Chat("081277002001").Send("halo").Expect("Rutan Kelas IIB Magelang").ExpectNot("Status litmas").Send("petugas")
            .Expect("Jl. Pahlawan 1, Magelang").RunAsync();
        await using var db = host.Store.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Actor == "cli" && (a.Action == "office.add" || a.Action == "office.update")));
    }

    [Fact]
    public async Task Bad_settings_are_named_and_nothing_changes()
    {
        var (exit, output) = await Office("set", "UPT", "--name", "Tidak tersimpan", "--days", "libur", "--services", "kunjungan,sulap");
        Assert.Equal(2, exit);
        Assert.Contains("--days 'libur'", output, StringComparison.Ordinal);
        Assert.Contains("unknown service 'sulap'", output, StringComparison.Ordinal);

        (exit, output) = await Office("set", "TIDAK-ADA", "--phone", "1");
        Assert.Equal(2, exit);
        Assert.Contains("No office has the code 'TIDAK-ADA'", output, StringComparison.Ordinal);

        (exit, output) = await Office("list");
        Assert.DoesNotContain("Tidak tersimpan", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("senin-jumat", 0b0111110)]
    [InlineData("Senin,Rabu,Sabtu", 0b1001010)]
    [InlineData("jumat-senin", 0b1100011)]
    public void Days_are_read_as_people_write_them(string text, int mask) => Assert.Equal(mask, OfficeCommand.ParseDays(text));

    private Task<(int ExitCode, string Output)> Office(params string[] args) => CommandRun.RunAsync(_directory, ["office", .. args]);
}
