using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Bot.Tests.Console.Clients;

/// <summary>The client register in a real Chromium, on a phone and on a laptop: find a client, open them, correct the record.</summary>
public sealed class ClientBrowserTests(Browser browser, ConsoleHost service) : IClassFixture<Browser>, IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Theory]
    [InlineData(412, 915)]
    [InlineData(1366, 768)]
    public async Task The_head_finds_a_client_opens_them_and_corrects_the_phone_and_the_pk(int width, int height)
    {
        var bapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Bapas);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala, bapas.Id);
        var dewi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id, userName: $"dewi-{width}-{Guid.NewGuid():N}"[..18]);
        var budi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk, bapas.Id, userName: $"budi-{width}-{Guid.NewGuid():N}"[..18]);
        long id;
        await using (var db = Host.Store.CreateDbContext())
        {
            foreach (var (number, name) in new[] { ("PB-81/BPS/2026", "Joko Delapan Satu"), ("CB-82/BPS/2026", "Sari Delapan Dua") })
            {
                db.Clients.Add(new Client
                {
                    OfficeId = bapas.Id, RegistrationNumber = number, NumberKey = ClientRegister.Key(number), FullName = name,
                    BirthDate = new DateOnly(1990, 8, 17), PkOfficerId = dewi.Id, Phone = "+6281200000081", Town = "Kabupaten Magelang",
                    Programme = ClientProgramme.Pb, SupervisionStart = new DateOnly(2026, 1, 5), SupervisionEnd = new DateOnly(2027, 1, 4),
                    CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            }

            using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }

            id = await db.Clients.Where(c => c.OfficeId == bapas.Id && c.NumberKey == "PB81BPS2026").Select(c => c.Id).SingleAsync();
        }

        await using var session = await browser.NewPageAsync(Host.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/console/masuk?ReturnUrl=%2Fconsole%2Fklien");
        await page.Locator("#username").FillAsync(head.UserName);
        await page.Locator("#password").FillAsync(ConsoleClient.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console/klien$"));
        await Expect(page.Locator("nav.nav a[aria-current='page']")).ToHaveTextAsync("Klien");
        await Expect(page.Locator("#client-table tbody tr")).ToHaveCountAsync(2);
        await AuditLogBrowserTests.AssertFitsAsync(page);

        await page.Locator("#cari").FillAsync("pb 81");
        await page.Locator("#client-filter-submit").ClickAsync();
        await Expect(page.Locator("#client-table tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#client-table").GetByRole(AriaRole.Link, new() { Name = "Joko Delapan Satu" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/console/klien/{id}$"));
        await Expect(page.Locator("#client-title")).ToHaveTextAsync("Joko Delapan Satu");
        await Expect(page.Locator("#client-phone")).ToHaveValueAsync("+6281200000081");
        await AuditLogBrowserTests.AssertFitsAsync(page);

        // A typo first: the form says what is wrong under the field and keeps the rest.
        await page.Locator("#client-phone").FillAsync("0812");
        await page.Locator("#client-save").ClickAsync();
        await Expect(page.Locator("#client-phone-error")).ToContainTextAsync("jumlah angkanya tidak pas");
        await Expect(page.Locator("#client-phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await AuditLogBrowserTests.AssertFitsAsync(page);

        await page.Locator("#client-phone").FillAsync("0857 4444 5555");
        await page.Locator("#client-pk").SelectOptionAsync(new SelectOptionValue { Label = $"Petugas Pk ({budi.UserName})" });
        await page.Locator("#client-save").ClickAsync();

        await Expect(page.Locator("#client-notice")).ToHaveTextAsync("Data klien disimpan.");
        await Expect(page.Locator("#client-phone")).ToHaveValueAsync("+6285744445555");
        await Expect(page.Locator("#client-pk-shown")).ToHaveTextAsync("Petugas Pk");
        await Expect(page.Locator("#client-pk")).ToHaveValueAsync(budi.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GotoAsync("/console/klien");
        await page.GotoAsync($"/console/klien?pk={budi.Id}");
        await Expect(page.Locator("#client-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#client-table tbody tr .client-pk")).ToHaveTextAsync("Petugas Pk");
        await AuditLogBrowserTests.AssertFitsAsync(page);
        Assert.Empty(session.Errors);
    }
}
