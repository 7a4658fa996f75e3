using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Console;

/// <summary>Signing in and out, lock-out, and what ends a session: a changed account, signing out, idleness, age.</summary>
public sealed class ConsoleSessionTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private const string WrongCredentials = "Nama pengguna atau kata sandi salah.";

    private const string Locked = "Akun dikunci sementara karena terlalu banyak percobaan. Coba lagi setelah ";

    private TestHost Host => service.Host;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        using var client = ConsoleClient.For(Host);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.SignInAsync(officer.UserName, "salah-sandi-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(WrongCredentials, await ConsoleClient.TextAsync(wrong));
        }

        var fifth = await ConsoleClient.TextAsync(await client.SignInAsync(officer.UserName, "salah-sandi-5"));
        Assert.Contains(Locked, fifth);
        Assert.Matches(@"Coba lagi setelah \d\d:\d\d WIB\.", fifth);

        var right = await client.SignInAsync(officer.UserName, ConsoleClient.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Locked, await ConsoleClient.TextAsync(right));
        Assert.DoesNotContain(client.Cookies.GetCookies(Host.BaseAddress), c => c.Name == "chatbot.console");
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/console")).StatusCode);

        await using var db = Host.Store.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.Actor == officer.UserName).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(
            ["officer.signin.failed", "officer.signin.failed", "officer.signin.failed", "officer.signin.failed", "officer.lockout", "officer.signin.locked"],
            actions);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        using var client = ConsoleClient.For(Host);

        var unknown = await ConsoleClient.TextAsync(await client.SignInAsync("tidak-ada-" + Guid.NewGuid().ToString("N")[..8], ConsoleClient.Password));
        var wrong = await ConsoleClient.TextAsync(await client.SignInAsync(officer.UserName, "bukan-sandinya-1"));

        Assert.Contains(WrongCredentials, unknown);
        Assert.Contains(WrongCredentials, wrong);
        Assert.DoesNotContain(officer.UserName, wrong.Replace($"value=\"{officer.UserName}\"", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_session_at_the_next_request()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        using var client = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/console")).StatusCode);
        var oldCookie = client.Cookies.GetCookies(Host.BaseAddress)["chatbot.console"]!.Value;

        await SetStampAsync(officer.Id, Guid.NewGuid().ToString("N"));

        var after = await client.Http.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/console/masuk", ConsoleAccessTests.TargetPath(after));
        Assert.DoesNotContain(client.Cookies.GetCookies(Host.BaseAddress), c => c.Name == "chatbot.console");

        // The old cookie, replayed, is refused everywhere (the event stream included).
        using var replay = ConsoleClient.For(Host);
        replay.Cookies.Add(Host.BaseAddress, new Cookie("chatbot.console", oldCookie));
        Assert.Equal(HttpStatusCode.Redirect, (await replay.Http.GetAsync("/console/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.Http.GetAsync("/console/events")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_officer_is_signed_out()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        using var client = ConsoleClient.For(Host);
        await client.SignInAsync(officer.UserName, ConsoleClient.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/console")).StatusCode);

        await using (var db = Host.Store.CreateDbContext())
        {
            await db.Officers.Where(o => o.Id == officer.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Active, false));
        }

        Assert.Equal("/console/masuk", ConsoleAccessTests.TargetPath(await client.Http.GetAsync("/console")));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_is_audited()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        using var client = ConsoleClient.For(Host);
        await client.SignInAsync(officer.UserName, ConsoleClient.Password);

        var signOut = await client.PostFormAsync("/console", [], action: "/console/keluar");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/console/masuk", ConsoleAccessTests.TargetPath(signOut));
        Assert.Equal("/console/masuk", ConsoleAccessTests.TargetPath(await client.Http.GetAsync("/console")));

        await using var db = Host.Store.CreateDbContext();
        Assert.Equal(
            ["officer.signin", "officer.signout"],
            await db.AuditEntries.Where(a => a.Actor == officer.UserName).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_signing_out_is_refused_afterwards()
    {
        var officer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        using var client = ConsoleClient.For(Host);
        await client.SignInAsync(officer.UserName, ConsoleClient.Password);
        var copy = client.Cookies.GetCookies(Host.BaseAddress)["chatbot.console"]!.Value;
        using var thief = ConsoleClient.For(Host);
        thief.Cookies.Add(Host.BaseAddress, new Cookie("chatbot.console", copy));
        Assert.Equal(HttpStatusCode.OK, (await thief.Http.GetAsync("/console")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/console", [], action: "/console/keluar")).StatusCode);

        using var replay = ConsoleClient.For(Host);
        replay.Cookies.Add(Host.BaseAddress, new Cookie("chatbot.console", copy));
        Assert.Equal("/console/masuk", ConsoleAccessTests.TargetPath(await replay.Http.GetAsync("/console")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.Http.GetAsync("/console/api/session")).StatusCode);

        // Signing in again gives a working session.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(officer.UserName, ConsoleClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_session_kept_busy_ends_when_its_lifetime_is_over()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Console:SessionTimeout"] = "00:30:00", ["Console:SessionLifetime"] = "01:00:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var officer = await ConsoleClient.SignedInAsync(host, OfficerRole.Pk);

        // Busy at 20, 40 and 59 minutes: the idle timeout alone would never end this session.
        foreach (var step in new[] { 20, 20, 19 })
        {
            clock.Advance(TimeSpan.FromMinutes(step));
            Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/console")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("/console/masuk", ConsoleAccessTests.TargetPath(await officer.Http.GetAsync("/console")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.Http.GetAsync("/console/api/session")).StatusCode);
    }

    [Fact]
    public async Task The_live_stream_ends_when_the_session_lifetime_is_over_though_the_cookie_would_last_longer()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Console:SessionTimeout"] = "00:30:00", ["Console:SessionLifetime"] = "01:00:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var officer = await ConsoleClient.SignedInAsync(host, OfficerRole.Pk);

        // Busy at 20 and 40 minutes: the cookie now lasts until 70 minutes, the sign-in only until 60.
        foreach (var step in new[] { 20, 20 })
        {
            clock.Advance(TimeSpan.FromMinutes(step));
            Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/console")).StatusCode);
        }

        using var stream = await EventStream.OpenAsync(officer);
        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.False(await stream.EndsWithinAsync(TimeSpan.FromMilliseconds(500)), "The stream ended before the session did.");

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await stream.EndsWithinAsync(TimeSpan.FromSeconds(5)), "The stream outlived the session's lifetime.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.Http.GetAsync("/console/events")).StatusCode);
    }

    [Theory]
    [InlineData("Console:SessionLifetime", "00:10:00")]
    [InlineData("Console:SignInAttemptsPerAddress", "0")]
    [InlineData("Console:SignInAttemptsPerUserName", "-1")]
    public async Task Console_settings_it_cannot_work_with_stop_the_start(string key, string value)
    {
        var directory = TestHost.NewDirectory();
        try
        {
            var problem = await Assert.ThrowsAsync<ChatBot.Domain.SettingsException>(
                () => TestHost.StartAsync(directory, new Dictionary<string, string?> { [key] = value }));
            Assert.Contains(key, problem.Message);
        }
        finally
        {
            TestHost.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task An_admin_creates_an_officer_who_can_then_sign_in()
    {
        using var admin = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin);
        var userName = "petugas." + Guid.NewGuid().ToString("N")[..6];

        var weak = await admin.PostFormAsync("/console/petugas", Form(userName, "pendek", "pendek"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Kata sandi minimal 10 karakter.", await ConsoleClient.TextAsync(weak));

        var mismatch = await admin.PostFormAsync("/console/petugas", Form(userName, ConsoleClient.Password, ConsoleClient.Password + "x"));
        Assert.Contains("Kedua kata sandi tidak sama.", await ConsoleClient.TextAsync(mismatch));

        var created = await admin.PostFormAsync("/console/petugas", Form(userName, ConsoleClient.Password, ConsoleClient.Password));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/petugas"));
        Assert.Contains($"Akun {userName} (Petugas kunjungan) dibuat.", list);
        Assert.Contains("Siti Rahayu", list);

        var taken = await admin.PostFormAsync("/console/petugas", Form(userName, ConsoleClient.Password, ConsoleClient.Password));
        Assert.Contains($"Nama pengguna '{userName}' sudah dipakai.", await ConsoleClient.TextAsync(taken));

        using var newcomer = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync(userName, ConsoleClient.Password)).StatusCode);
        Assert.Contains("Siti Rahayu", await ConsoleClient.TextAsync(await newcomer.Http.GetAsync("/console")));

        await using var db = Host.Store.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "officer.create" && a.Subject == $"Officer/{userName}");
        Assert.StartsWith("admin-", audit.Actor);
    }

    [Fact]
    public async Task An_idle_session_ends_and_background_refreshes_do_not_keep_it_alive()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Console:SessionTimeout"] = "00:00:08" });
        var active = await ConsoleClient.SignedInAsync(host, OfficerRole.Pk);
        var idle = await ConsoleClient.SignedInAsync(host, OfficerRole.Pk);
        using (active)
        using (idle)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.Equal(HttpStatusCode.OK, (await active.Http.GetAsync("/console")).StatusCode);
            var refresh = new HttpRequestMessage(HttpMethod.Get, "/console?handler=figures");
            refresh.Headers.Add("X-Console-Background", "1");
            Assert.Equal(HttpStatusCode.OK, (await idle.Http.SendAsync(refresh)).StatusCode);

            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.Equal(HttpStatusCode.OK, (await active.Http.GetAsync("/console")).StatusCode);
            Assert.Equal("/console/masuk", ConsoleAccessTests.TargetPath(await idle.Http.GetAsync("/console")));
            Assert.Equal(HttpStatusCode.Unauthorized, (await idle.Http.GetAsync("/console/api/session")).StatusCode);
        }
    }

    private static KeyValuePair<string, string>[] Form(string userName, string password, string again) =>
    [
        new("Input.UserName", userName),
        new("Input.DisplayName", "Siti Rahayu"),
        new("Input.Role", nameof(OfficerRole.VisitOfficer)),
        new("Input.Password", password),
        new("Input.ConfirmPassword", again),
    ];

    private async Task SetStampAsync(int officerId, string stamp)
    {
        await using var db = Host.Store.CreateDbContext();
        await db.Officers.Where(o => o.Id == officerId).ExecuteUpdateAsync(s => s.SetProperty(o => o.SecurityStamp, stamp));
    }
}
