using System.Net;
using ChatBot.Bot.Tests.Console.Integration;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// A console address that does not exist, or a record the officer may not open, answers 404 or 403
/// inside the console in Indonesian, saying what to do next; other addresses keep their bare codes.
/// </summary>
public sealed class ConsoleErrorPageTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Theory]
    [InlineData("/console/percakapan/999999", "/console/percakapan", "Kembali ke daftar percakapan")]
    [InlineData("/console/pengaduan/999999", "/console/pengaduan", "Kembali ke daftar pengaduan")]
    [InlineData("/console/pengaduan/999999/pelapor", "/console/pengaduan", "Kembali ke daftar pengaduan")]
    [InlineData("/console/integrasi/999999", "/console/integrasi", "Kembali ke daftar integrasi")]
    [InlineData("/console/litmas/999999", "/console/litmas", "Kembali ke daftar litmas")]
    [InlineData("/console/permohonan/complaint/999999", "/console/permohonan/complaint", "Kembali ke daftar")]
    [InlineData("/console/kunjungan/999999", null, null)]
    public async Task A_missing_record_is_a_404_inside_the_console_with_the_way_back(string path, string? list, string? label)
    {
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);

        var response = await head.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await ConsoleClient.TextAsync(response);
        var text = AuditLogTests.Visible(html);
        Assert.Contains("Tidak ditemukan", text);
        Assert.Contains("Halaman atau data yang Anda buka tidak ada", text);
        Assert.Contains("id=\"officer-name\"", html); // the console's own layout, signed in
        Assert.Contains("aria-label=\"Menu konsol\"", html);
        Assert.Contains("<a class=\"btn\" id=\"back-home\" href=\"/console\">Kembali ke Beranda</a>", html);
        if (list is null)
        {
            Assert.DoesNotContain("back-to-list", html);
        }
        else
        {
            Assert.Contains($"<a class=\"btn btn-primary\" id=\"back-to-list\" href=\"{list}\">{label}</a>", html);
        }
    }

    [Fact]
    public async Task A_ktp_the_role_may_not_open_is_a_403_that_says_who_may_and_whom_to_ask()
    {
        var request = await IntegrationWorld.SubmitAsync(Host, "+6281200099001", "siti@example.org");
        var admin = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Admin, userName: "admin-galat");
        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);

        var response = await visits.Http.GetAsync($"/console/integrasi/{request.Id}/ktp");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await ConsoleClient.TextAsync(response);
        var text = AuditLogTests.Visible(html);
        Assert.Contains("Akses ditolak", text);
        Assert.Contains("KTP pemohon hanya dapat dibuka oleh Kepala kantor dan Petugas layanan.", text);
        Assert.Contains("minta hak akses kepada admin kantor Anda: ", text);
        Assert.Contains(admin.DisplayName, text);
        Assert.Contains("id=\"officer-name\"", html);
        Assert.Contains("Kembali ke Beranda", text);
    }

    [Fact]
    public async Task A_page_of_another_role_names_the_roles_it_is_for()
    {
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);

        var redirect = await pk.Http.GetAsync("/console/audit");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var refused = await pk.Http.GetAsync(redirect.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var text = AuditLogTests.Visible(await ConsoleClient.TextAsync(refused));
        Assert.Contains("Akses ditolak", text);
        Assert.Contains("Halaman ini hanya untuk Admin dan Kepala kantor.", text);
        Assert.Contains("minta hak akses kepada admin kantor Anda", text);
    }

    [Fact]
    public async Task Other_addresses_files_and_live_refreshes_keep_their_bare_status()
    {
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);

        foreach (var path in new[] { "/tidak-ada", "/webhooks/tidak-ada", "/console/assets/tidak-ada.css" })
        {
            var response = await head.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }

        var background = new HttpRequestMessage(HttpMethod.Get, "/console/pengaduan/999999");
        background.Headers.Add("X-Console-Background", "1");
        var refresh = await head.Http.SendAsync(background);
        Assert.Equal(HttpStatusCode.NotFound, refresh.StatusCode);
        Assert.Empty(await refresh.Content.ReadAsStringAsync());

        // Someone not signed in still goes to the sign-in page for a console page, and gets a
        // plain "not found" in the console's look for an address that is none.
        using var anonymous = ConsoleClient.For(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Http.GetAsync("/console/pengaduan/999999")).StatusCode);
        var unknown = await anonymous.Http.GetAsync("/console/tidak-ada");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var html = await ConsoleClient.TextAsync(unknown);
        Assert.Contains("Tidak ditemukan", html);
        Assert.DoesNotContain("aria-label=\"Menu konsol\"", html);
    }
}
