using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console.Offices;

/// <summary>
/// An office sets itself up: its name, address, phone, hours and services reach what the bot says,
/// configuration changes reach an existing store, new offices get the services of their type, and
/// the settings page admits the admins who manage the office and nobody else.
/// </summary>
public sealed class OfficeSettingsTests
{
    [Fact]
    public async Task The_bot_gives_the_offices_own_address_phone_and_hours_where_it_cannot_help()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Offices:Default:Services"] = "VideoCallVisit, Complaint" });
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var change = await host.Services.GetRequiredService<OfficeSettings>().UpdateAsync(office.Id, o =>
        {
            o.Name = "Rutan Kelas I Tanjungpinang";
            o.Address = "Jl. Lembaga No. 1, Tanjungpinang";
            o.Phone = "(0771) 21234";
            o.WorkDays = (1 << (int)DayOfWeek.Monday) | (1 << (int)DayOfWeek.Wednesday) | (1 << (int)DayOfWeek.Saturday);
            o.OpensAt = new TimeOnly(7, 30);
            o.ClosesAt = new TimeOnly(14, 0);
        }, "test", CancellationToken.None);
        Assert.True(change.Ok, string.Join("; ", change.Problems));

        await host.Chat("081277001001")
            .Send("halo").Expect("Rutan Kelas I Tanjungpinang")
            .Send("petugas").Expect("tidak tersedia", "Senin, Rabu, Sabtu, 07.30–14.00 WIB", "Jl. Lembaga No. 1, Tanjungpinang", "(0771) 21234")
            .ExpectNot("Unit Pelaksana")
            .RunAsync();
    }

    [Fact]
    public async Task A_changed_default_office_setting_reaches_an_existing_store_but_a_console_edit_stands_until_it_changes_again()
    {
        var directory = TestHost.NewDirectory();
        try
        {
            await using (var first = await TestHost.StartAsync(directory))
            {
                await first.Chat("081277001002").Send("halo").Expect("Unit Pelaksana Teknis Pemasyarakatan").RunAsync();
            }

            await using (var renamed = await TestHost.StartAsync(directory, new Dictionary<string, string?> { ["Offices:Default:Name"] = "Lapas Kelas IIA Bogor" }))
            {
                await renamed.Chat("081277001003").Send("halo").Expect("Lapas Kelas IIA Bogor").ExpectNot("Unit Pelaksana").RunAsync();
                var office = renamed.Services.GetRequiredService<OfficeDirectory>().Default!;
                await renamed.Services.GetRequiredService<OfficeSettings>().UpdateAsync(office.Id, o => o.Name = "Lapas Bogor (nama baru)", "admin1", CancellationToken.None);
            }

            await using (var again = await TestHost.StartAsync(directory, new Dictionary<string, string?> { ["Offices:Default:Name"] = "Lapas Kelas IIA Bogor" }))
            {
                await again.Chat("081277001004").Send("halo").Expect("Lapas Bogor (nama baru)").RunAsync();
            }

            await using var changed = await TestHost.StartAsync(directory, new Dictionary<string, string?> { ["Offices:Default:Name"] = "Lapas Kelas IIA Cibinong" });
            await changed.Chat("081277001005").Send("halo").Expect("Lapas Kelas IIA Cibinong").RunAsync();
        }
        finally
        {
            TestHost.DeleteDirectory(directory);
        }
    }

    [Theory]
    [InlineData(OfficeType.Rutan, OfficeServices.VideoCallVisit, OfficeServices.LitmasStatus)]
    [InlineData(OfficeType.Lapas, OfficeServices.VideoCallVisit, OfficeServices.TravelPermit)]
    [InlineData(OfficeType.Bapas, OfficeServices.LitmasStatus, OfficeServices.VideoCallVisit)]
    [InlineData(OfficeType.Bapas, OfficeServices.TravelPermit, OfficeServices.VideoCallVisit)]
    public async Task A_new_office_offers_the_services_of_its_type(OfficeType type, OfficeServices offered, OfficeServices notOffered)
    {
        await using var host = await TestHost.StartAsync();
        var change = await host.Services.GetRequiredService<OfficeSettings>().AddAsync($"T-{Guid.NewGuid():N}"[..10], $"{type} Uji", type, _ => { }, "test", CancellationToken.None);

        Assert.True(change.Ok, string.Join("; ", change.Problems));
        var office = host.Services.GetRequiredService<OfficeDirectory>().FindByCode(change.Office!.Code)!;
        Assert.True(office.Offers(offered));
        Assert.False(office.Offers(notOffered));
        Assert.True(office.Offers(OfficeServices.Complaint | OfficeServices.Handover));
    }

    [Fact]
    public async Task Settings_that_would_misroute_messages_or_cannot_be_read_are_refused_and_nothing_is_saved()
    {
        await using var host = await TestHost.StartAsync();
        var settings = host.Services.GetRequiredService<OfficeSettings>();
        var other = await settings.AddAsync("LAPAS-X", "Lapas X", OfficeType.Lapas, o => o.WhatsAppNumber = "+6281100001111", "test", CancellationToken.None);
        Assert.True(other.Ok);
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;

        var refused = await settings.UpdateAsync(office.Id, o =>
        {
            o.Name = "Nama yang tidak boleh tersimpan";
            o.WhatsAppNumber = "+62 811 0000 1111";
            o.Code = "lapas-x";
            o.Holidays = "2026-12-25, 25-12-2026";
            o.ClosesAt = new TimeOnly(7, 0);
        }, "test", CancellationToken.None);

        Assert.False(refused.Ok);
        Assert.Contains(refused.Problems, p => p.Contains("Nomor WhatsApp +6281100001111 sudah dipakai", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Contains("Kode LAPAS-X sudah dipakai", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Contains("25-12-2026", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Contains("Jam tutup", StringComparison.Ordinal));
        await using var db = host.Store.CreateDbContext();
        Assert.NotEqual("Nama yang tidak boleh tersimpan", (await db.Offices.SingleAsync(o => o.Id == office.Id)).Name);
    }

    [Fact]
    public async Task An_admin_saves_the_offices_settings_on_the_page_and_the_change_is_audited()
    {
        await using var host = await TestHost.StartAsync();
        using var admin = await ConsoleClient.SignedInAsync(host, OfficerRole.Admin);

        var saved = await admin.PostFormAsync("/console/kantor", Form(("Input.Name", "Rutan Kelas IIB Sleman"), ("Input.Phone", "(0274) 868000"),
            ("Input.Address", "Jl. Bhayangkara, Sleman"), ("Input.Services", "VideoCallVisit"), ("Input.Services", "Complaint")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await ConsoleClient.TextAsync(await admin.Http.GetAsync(saved.Headers.Location));
        Assert.Contains("Pengaturan kantor disimpan.", page, StringComparison.Ordinal);
        Assert.Contains("(0274) 868000", page, StringComparison.Ordinal);
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        Assert.Equal("Rutan Kelas IIB Sleman", office.Name);
        Assert.Equal(OfficeServices.VideoCallVisit | OfficeServices.Complaint, office.Services);
        await using var db = host.Store.CreateDbContext();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == "office.update");
        Assert.Contains("Phone", entry.Details, StringComparison.Ordinal);

        await host.Chat("081277001006").Send("halo").Expect("Rutan Kelas IIB Sleman").ExpectNot("Status litmas").RunAsync();
    }

    [Theory]
    [InlineData(OfficerRole.Kepala)]
    [InlineData(OfficerRole.ServiceOfficer)]
    public async Task Only_admins_open_the_office_settings(OfficerRole role)
    {
        await using var host = await TestHost.StartAsync();
        using var officer = await ConsoleClient.SignedInAsync(host, role);

        var response = await officer.Http.GetAsync("/console/kantor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/ditolak", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_kanwil_admin_manages_and_adds_the_offices_of_its_region_and_no_other()
    {
        await using var host = await TestHost.StartAsync();
        var kanwil = await ConsoleData.AddOfficeAsync(host, OfficeType.Kanwil);
        var otherKanwil = await ConsoleData.AddOfficeAsync(host, OfficeType.Kanwil);
        var settings = host.Services.GetRequiredService<OfficeSettings>();
        var outside = (await settings.AddAsync("LAPAS-LUAR", "Lapas di wilayah lain", OfficeType.Lapas, o => o.RegionOfficeId = otherKanwil.Id, "test", CancellationToken.None)).Office!;
        using var admin = await ConsoleClient.SignedInAsync(host, OfficerRole.Admin, kanwil.Id);
        using var localAdmin = await ConsoleClient.SignedInAsync(host, OfficerRole.Admin);

        var added = await admin.PostFormAsync("/console/kantor?baru=true", Form(("Input.Code", "bapas-mgl"), ("Input.Name", "Bapas Kelas II Magelang"), ("Input.Type", "Bapas")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var bapas = host.Services.GetRequiredService<OfficeDirectory>().FindByCode("BAPAS-MGL")!;
        Assert.Equal(kanwil.Id, bapas.RegionOfficeId);
        Assert.True(bapas.Offers(OfficeServices.LitmasStatus));

        var list = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/kantor"));
        Assert.Contains("Bapas Kelas II Magelang", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Lapas di wilayah lain", list, StringComparison.Ordinal);
        Assert.DoesNotContain(otherKanwil.Name, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/console/kantor?kantor={outside.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/console/kantor?kantor={bapas.Id}")).StatusCode);

        // The admin of one office edits that office only, and adds none.
        Assert.Equal(HttpStatusCode.NotFound, (await localAdmin.Http.GetAsync($"/console/kantor?kantor={bapas.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await localAdmin.Http.GetAsync("/console/kantor?baru=true")).StatusCode);
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] changes)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Code", "UPT"), new("Input.Name", "Rutan"), new("Input.Type", "Rutan"), new("Input.TimeZone", "Asia/Jakarta"),
            new("Input.OpensAt", "08:00"), new("Input.ClosesAt", "16:00"), new("Input.Services", "None"),
        };
        fields.AddRange(Enumerable.Range(1, 5).Select(d => new KeyValuePair<string, string>("Input.Days", d.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        foreach (var (key, value) in changes)
        {
            if (key != "Input.Services")
            {
                fields.RemoveAll(f => f.Key == key);
            }

            fields.Add(new(key, value));
        }

        return fields;
    }
}
