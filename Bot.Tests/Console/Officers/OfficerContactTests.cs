using System.Globalization;
using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Console.Officers;

/// <summary>
/// Where an officer's on-duty alerts go: an admin gives an account a telephone (kept as E.164) and an
/// e-mail on the Petugas pages, changes or removes them, and may make an officer a Kasubsi.
/// </summary>
public sealed class OfficerContactTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task An_admin_creates_a_kasubsi_with_a_phone_and_email_and_changes_them_later()
    {
        using var admin = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin);
        var page = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/petugas"));
        Assert.Contains("<option value=\"Kasubsi\">Kasubsi Bimbingan Klien</option>", page);
        var userName = $"kasubsi-{Guid.NewGuid():N}"[..16];

        var created = await admin.PostFormAsync("/console/petugas",
        [
            new("Input.UserName", userName), new("Input.DisplayName", "Ratna Kasubsi"), new("Input.Role", "Kasubsi"),
            new("Input.Phone", "0812-3456-7801"), new("Input.Email", "Ratna@Bapas-Magelang.go.id"),
            new("Input.Password", ConsoleClient.Password), new("Input.ConfirmPassword", ConsoleClient.Password),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Officer officer;
        await using (var db = Host.Store.CreateDbContext())
        {
            officer = await db.Officers.SingleAsync(o => o.UserName == userName);
            Assert.Equal((OfficerRole.Kasubsi, "+6281234567801", "Ratna@bapas-magelang.go.id"), (officer.Role, officer.Phone, officer.Email));
        }

        var detailPath = $"/console/petugas/{officer.Id}";
        var detail = await ConsoleClient.TextAsync(await admin.Http.GetAsync(detailPath));
        Assert.Contains("value=\"+6281234567801\"", detail);
        var office = officer.OfficeId.ToString(CultureInfo.InvariantCulture);
        var changed = await admin.PostFormAsync(detailPath,
            [new("Profile.DisplayName", "Ratna Kasubsi"), new("Profile.Role", "Kasubsi"), new("Profile.OfficeId", office), new("Profile.Phone", "+62 857 1111 2222"), new("Profile.Email", "")],
            detailPath + "?handler=Profile");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var wrong = await admin.PostFormAsync(detailPath,
            [new("Profile.DisplayName", "Ratna Kasubsi"), new("Profile.Role", "Kasubsi"), new("Profile.OfficeId", office), new("Profile.Phone", "12"), new("Profile.Email", "ratna@gmail.con")],
            detailPath + "?handler=Profile");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Nomor telepon petugas tidak dikenali", await ConsoleClient.TextAsync(wrong));
        var typo = await admin.PostFormAsync(detailPath,
            [new("Profile.DisplayName", "Ratna Kasubsi"), new("Profile.Role", "Kasubsi"), new("Profile.OfficeId", office), new("Profile.Phone", ""), new("Profile.Email", "ratna@gmail.con")],
            detailPath + "?handler=Profile");
        var typoText = await ConsoleClient.TextAsync(typo);
        Assert.Contains("maksudnya ratna@gmail.com?", typoText);
        Assert.Contains("value=\"ratna@gmail.con\"", typoText); // the form keeps what was typed

        await using (var db = Host.Store.CreateDbContext())
        {
            var saved = await db.Officers.SingleAsync(o => o.Id == officer.Id);
            Assert.Equal(("+6285711112222", null), (saved.Phone, saved.Email));
            var contact = await db.AuditEntries.SingleAsync(a => a.Action == "officer.contact" && a.Subject == $"Officer/{userName}");
            Assert.Equal("Phone, Email", contact.Details);
        }

        var log = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/audit?aksi=officer.contact"));
        Assert.Contains("Mengubah telepon atau email piket petugas", log);
        Assert.DoesNotContain("5711112222", log);

        // The Kasubsi signs in and opens the client register.
        using var kasubsi = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await kasubsi.SignInAsync(userName, ConsoleClient.Password)).StatusCode);
        var home = await ConsoleClient.TextAsync(await kasubsi.Http.GetAsync("/console"));
        Assert.Contains("Kasubsi Bimbingan Klien", home);
        Assert.Equal(HttpStatusCode.OK, (await kasubsi.Http.GetAsync("/console/klien")).StatusCode);
    }
}
