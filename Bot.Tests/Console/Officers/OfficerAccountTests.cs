using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console.Officers;

/// <summary>
/// An admin runs the office's accounts: disables and re-enables one, changes a role or office,
/// sets a new password; an officer changes their own. Each is audited and ends the account's
/// other sessions at once, and none can leave the console without an admin.
/// </summary>
public sealed class OfficerAccountTests
{
    [Fact]
    public async Task A_disabled_account_is_signed_out_at_once_and_cannot_sign_in_until_enabled_again()
    {
        await using var host = await TestHost.StartAsync();
        using var admin = await ConsoleClient.SignedInAsync(host, OfficerRole.Admin);
        var officer = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.ServiceOfficer);
        using var session = ConsoleClient.For(host);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/console")).StatusCode);

        var disabled = await admin.PostFormAsync($"/console/petugas/{officer.Id}", [], $"/console/petugas/{officer.Id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var page = await ConsoleClient.TextAsync(await admin.Http.GetAsync($"/console/petugas/{officer.Id}"));
        Assert.Contains("Akun dinonaktifkan", page, StringComparison.Ordinal);
        Assert.Contains("Nonaktif", page, StringComparison.Ordinal);

        Assert.True(IsSignInRedirect(await session.Http.GetAsync("/console")), "The disabled officer's open session went on.");
        using var again = ConsoleClient.For(host);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);

        await admin.PostFormAsync($"/console/petugas/{officer.Id}", [], $"/console/petugas/{officer.Id}?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);

        await using var db = host.Store.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.Subject == $"Officer/{officer.UserName}").Select(a => a.Action).ToListAsync();
        Assert.Contains("officer.disable", actions);
        Assert.Contains("officer.enable", actions);
    }

    [Fact]
    public async Task A_new_role_takes_effect_at_the_next_sign_in_and_ends_the_open_session()
    {
        await using var host = await TestHost.StartAsync();
        using var admin = await ConsoleClient.SignedInAsync(host, OfficerRole.Admin);
        var officer = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.Pk);
        using var session = ConsoleClient.For(host);
        await session.SignInAsync(officer.UserName, ConsoleClient.Password);

        var saved = await admin.PostFormAsync($"/console/petugas/{officer.Id}",
            [new("Profile.DisplayName", "Dewi Kusuma"), new("Profile.Role", "Kepala"), new("Profile.OfficeId", ConsoleData.DefaultOfficeId(host).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            $"/console/petugas/{officer.Id}?handler=Profile");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.True(IsSignInRedirect(await session.Http.GetAsync("/console")));
        await session.SignInAsync(officer.UserName, ConsoleClient.Password);
        var home = await ConsoleClient.TextAsync(await session.Http.GetAsync("/console"));
        Assert.Contains("Kepala kantor", home, StringComparison.Ordinal);
        Assert.Contains("Dewi Kusuma", home, StringComparison.Ordinal);
        await using var db = host.Store.CreateDbContext();
        Assert.Equal("Pk → Kepala", (await db.AuditEntries.SingleAsync(a => a.Action == "officer.role")).Details);
        var log = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/audit"));
        Assert.Contains("Mengubah peran petugas", log, StringComparison.Ordinal);
        Assert.Contains("→ Kepala kantor", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sets_a_new_password_that_opens_a_locked_account_and_the_old_one_stops_working()
    {
        await using var host = await TestHost.StartAsync();
        using var admin = await ConsoleClient.SignedInAsync(host, OfficerRole.Admin);
        var officer = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.VisitOfficer);
        using var forgetful = ConsoleClient.For(host);
        for (var i = 0; i < 6; i++)
        {
            await forgetful.SignInAsync(officer.UserName, "salah-lagi-" + i);
        }

        var mismatched = await admin.PostFormAsync($"/console/petugas/{officer.Id}", [new("Password", "Kunjungan-Baru-77"), new("ConfirmPassword", "lain")], $"/console/petugas/{officer.Id}?handler=Password");
        Assert.Contains("dua kali dengan sama", await ConsoleClient.TextAsync(mismatched), StringComparison.Ordinal);

        var reset = await admin.PostFormAsync($"/console/petugas/{officer.Id}", [new("Password", "Kunjungan-Baru-77"), new("ConfirmPassword", "Kunjungan-Baru-77")], $"/console/petugas/{officer.Id}?handler=Password");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        using var fresh = ConsoleClient.For(host);
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(officer.UserName, "Kunjungan-Baru-77")).StatusCode);
        await using var db = host.Store.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "officer.password.reset" && a.Subject == $"Officer/{officer.UserName}"));
    }

    [Fact]
    public async Task An_officer_changes_their_own_password_and_stays_signed_in_while_their_other_sessions_end()
    {
        await using var host = await TestHost.StartAsync();
        var officer = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.ServiceOfficer);
        using var here = ConsoleClient.For(host);
        using var elsewhere = ConsoleClient.For(host);
        await here.SignInAsync(officer.UserName, ConsoleClient.Password);
        await elsewhere.SignInAsync(officer.UserName, ConsoleClient.Password);

        var wrong = await here.PostFormAsync("/console/akun", [new("Current", "bukan-ini-1"), new("Password", "Layanan-Baru-2026"), new("ConfirmPassword", "Layanan-Baru-2026")]);
        Assert.Contains("Kata sandi saat ini salah.", await ConsoleClient.TextAsync(wrong), StringComparison.Ordinal);
        var weak = await here.PostFormAsync("/console/akun", [new("Current", ConsoleClient.Password), new("Password", "aaaa"), new("ConfirmPassword", "aaaa")]);
        Assert.Contains("Kata sandi minimal", await ConsoleClient.TextAsync(weak), StringComparison.Ordinal);

        var changed = await here.PostFormAsync("/console/akun", [new("Current", ConsoleClient.Password), new("Password", "Layanan-Baru-2026"), new("ConfirmPassword", "Layanan-Baru-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var page = await here.Http.GetAsync("/console/akun");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Kata sandi diganti.", await ConsoleClient.TextAsync(page), StringComparison.Ordinal);
        Assert.True(IsSignInRedirect(await elsewhere.Http.GetAsync("/console")), "The other session went on after the password changed.");
        using var next = ConsoleClient.For(host);
        Assert.Equal(HttpStatusCode.Redirect, (await next.SignInAsync(officer.UserName, "Layanan-Baru-2026")).StatusCode);
    }

    [Fact]
    public async Task The_console_is_never_left_without_an_admin_and_an_admin_manages_only_their_offices()
    {
        await using var host = await TestHost.StartAsync();
        var adminAccount = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.Admin);
        using var admin = ConsoleClient.For(host);
        await admin.SignInAsync(adminAccount.UserName, ConsoleClient.Password);

        var own = await admin.PostFormAsync($"/console/petugas/{adminAccount.Id}", [], $"/console/petugas/{adminAccount.Id}?handler=Disable");
        Assert.Contains("tidak dapat menonaktifkan akun sendiri", await ConsoleClient.TextAsync(own), StringComparison.Ordinal);

        var accounts = host.Services.GetRequiredService<ChatBot.Bot.OfficerConsole.Auth.OfficerAccounts>();
        var last = await Assert.ThrowsAsync<ArgumentException>(() => accounts.UpdateAsync(adminAccount.Id, new(Role: OfficerRole.Kepala), 0, "cli", CancellationToken.None));
        Assert.Contains("admin aktif terakhir", last.Message, StringComparison.Ordinal);

        var elsewhere = await ConsoleData.AddOfficeAsync(host, OfficeType.Lapas);
        var stranger = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.ServiceOfficer, elsewhere.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/console/petugas/{stranger.Id}")).StatusCode);
        var refused = await admin.PostFormAsync("/console/petugas", [], $"/console/petugas/{stranger.Id}?handler=Disable");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using var db = host.Store.CreateDbContext();
        Assert.True((await db.Officers.SingleAsync(o => o.Id == stranger.Id)).Active);
    }

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/console/masuk", StringComparison.Ordinal);
}
