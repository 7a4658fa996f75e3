using ChatBot.Bot.Cli;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Cli;

public sealed class OfficerCommandTests : IDisposable
{
    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task Accounts_are_changed_disabled_enabled_and_given_a_new_password_on_the_command_line()
    {
        var created = await Officer("add", "admin.satu", "--role", "admin", "--password", "Admin-Sandi-2026");
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Equal(0, (await Officer("add", "dewi", "--role", "pk", "--password", "Pembimbing-2026", "--name", "Dewi")).ExitCode);

        var (exit, output) = await Officer("set", "dewi", "--role", "kepala", "--name", "Dewi Kusuma");
        Assert.True(exit == 0, output);
        Assert.Contains("Officer 'dewi': Kepala", output, StringComparison.Ordinal);
        (exit, output) = await Officer("disable", "dewi");
        Assert.Contains("disabled", output, StringComparison.Ordinal);
        (exit, output) = await Officer("password", "dewi", "--password", "pendek");
        Assert.Equal(2, exit);
        Assert.Contains("Kata sandi minimal", output, StringComparison.Ordinal);
        Assert.Equal(0, (await Officer("password", "dewi", "--password", "Kepala-Baru-2026")).ExitCode);
        Assert.Equal(0, (await Officer("enable", "dewi")).ExitCode);
        (exit, output) = await Officer("disable", "admin.satu");
        Assert.Equal(2, exit);
        Assert.Contains("admin aktif terakhir", output, StringComparison.Ordinal);
        (exit, output) = await Officer("set", "siapa", "--role", "pk");
        Assert.Equal(2, exit);
        Assert.Contains("No officer has the user name 'siapa'", output, StringComparison.Ordinal);

        (exit, output) = await Officer("list");
        Assert.Contains("dewi", output, StringComparison.Ordinal);
        Assert.Contains("Dewi Kusuma", output, StringComparison.Ordinal);

        await using var host = await TestHost.StartAsync(_directory);
        using var console = ConsoleClient.For(host);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await console.SignInAsync("dewi", "Kepala-Baru-2026")).StatusCode);
        await using var db = host.Store.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.Actor == "cli" && a.Subject == "Officer/dewi").Select(a => a.Action).ToListAsync();
        Assert.Equal(["officer.create", "officer.rename", "officer.role", "officer.disable", "officer.password.reset", "officer.enable"], actions);
    }

    [Fact]
    public async Task A_kasubsi_is_added_with_a_phone_and_email_and_they_are_changed_and_removed_on_the_command_line()
    {
        var (exit, output) = await Officer("add", "ratna", "--role", "kasubsi", "--password", "Kasubsi-Sandi-2026", "--name", "Ratna", "--phone", "0812 3456 7802", "--email", "ratna@bapas.go.id");
        Assert.True(exit == 0, output);
        Assert.Contains("Officer 'ratna' (Kasubsi) created", output, StringComparison.Ordinal);
        Assert.Contains("alerts to +62812****7802 and r***@bapas.go.id", output, StringComparison.Ordinal);

        (exit, output) = await Officer("set", "ratna", "--phone=+62 857-1111-2222");
        Assert.True(exit == 0, output);
        Assert.Contains("alerts to +62857****2222", output, StringComparison.Ordinal);
        (exit, output) = await Officer("set", "ratna", "--phone", "12", "--email", "x");
        Assert.Equal(2, exit);
        Assert.Contains("Nomor telepon petugas tidak dikenali", output, StringComparison.Ordinal);
        (exit, output) = await Officer("set", "ratna", "--email", "");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("@", output, StringComparison.Ordinal);

        await using var host = await TestHost.StartAsync(_directory);
        await using var db = host.Store.CreateDbContext();
        var ratna = await db.Officers.SingleAsync(o => o.UserName == "ratna");
        Assert.Equal((OfficerRole.Kasubsi, "+6285711112222", null), (ratna.Role, ratna.Phone, ratna.Email));
        var contact = await db.AuditEntries.Where(a => a.Action == "officer.contact" && a.Actor == "cli").Select(a => a.Details).ToListAsync();
        Assert.Equal(["Phone", "Email"], contact);
    }

    private Task<(int ExitCode, string Output)> Officer(params string[] args) => CommandRun.RunAsync(_directory, ["officer", .. args]);

    [Theory]
    [InlineData("admin", OfficerRole.Admin)]
    [InlineData("Kepala", OfficerRole.Kepala)]
    [InlineData("pk", OfficerRole.Pk)]
    [InlineData("petugas-kunjungan", OfficerRole.VisitOfficer)]
    [InlineData("visit_officer", OfficerRole.VisitOfficer)]
    [InlineData("VisitOfficer", OfficerRole.VisitOfficer)]
    [InlineData("petugas-layanan", OfficerRole.ServiceOfficer)]
    [InlineData("pengaduan", OfficerRole.ServiceOfficer)]
    [InlineData("service-officer", OfficerRole.ServiceOfficer)]
    [InlineData("kasubsi", OfficerRole.Kasubsi)]
    [InlineData("Kasubsi BKD", OfficerRole.Kasubsi)]
    public void Roles_are_read_the_way_people_write_them(string text, OfficerRole expected) =>
        Assert.Equal(expected, OfficerCommand.ParseRole(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("superuser")]
    public void Unknown_roles_are_refused(string? text) => Assert.Null(OfficerCommand.ParseRole(text));
}
