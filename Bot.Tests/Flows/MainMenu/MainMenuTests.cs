using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.MainMenu;

public sealed class MainMenuTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private TestHost Host => shared.Host;

    [Fact]
    public Task Greeting_shows_the_welcome_and_every_service() =>
        Host.Chat("081200000001")
            .Send("halo")
            .Expect("Selamat datang", "gratis", "1. Pendaftaran kunjungan video call", "2. Status litmas",
                "3. Informasi integrasi", "4. Pengaduan", "5. Izin ke luar kota", "6. Pendampingan ABH (untuk penyidik/instansi)", "7. Penyuluhan desa/sekolah", "8. Bicara dengan petugas")
            .RunAsync();

    [Fact]
    public Task Any_first_message_gets_the_menu() =>
        Host.Chat("081200000002")
            .Send("saya mau tanya")
            .Expect("Selamat datang", "1. Pendaftaran kunjungan video call")
            .RunAsync();

    [Fact]
    public async Task A_service_not_built_yet_says_coming_soon_and_shows_the_menu_again()
    {
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton(
            new MenuEntry("soon", OfficeServices.None, DialogId: null, Order: 99, _ => new MenuLabel("Layanan uji coba", ["layanan uji"]))));
        await host.Chat("081200000003")
            .Send("halo").Expect("Selamat datang", "Layanan uji coba")
            .Send("layanan uji").Expect("segera hadir", "Layanan uji coba", "Silakan pilih layanan")
            .Send("5").Expect("Izin ke Luar Kota", "Ajukan izin ke luar kota").ExpectNot("segera hadir")
            .RunAsync();
    }

    [Fact]
    public Task A_wrong_choice_is_explained_and_the_menu_repeated() =>
        Host.Chat("081200000004")
            .Send("halo").Expect("Selamat datang")
            .Send("9").Expect("angka 1 sampai 8", "1. Pendaftaran kunjungan video call")
            .Send("xyz qwerty").Expect("tidak kami kenali")
            .Send("5").Expect("Izin ke Luar Kota", "Ajukan izin ke luar kota")
            .RunAsync();

    [Fact]
    public async Task An_office_without_officer_chat_gives_its_service_hours_instead()
    {
        await using var host = await TestHost.StartAsync();
        await using (var db = host.Store.CreateDbContext())
        {
            var office = await db.Offices.SingleAsync();
            office.Services = OfficeServices.All & ~OfficeServices.Handover;
            await db.SaveChangesAsync();
        }

        await host.Services.GetRequiredService<OfficeDirectory>().ReloadAsync(CancellationToken.None);
        await host.Chat("081200000005")
            .Send("halo").Expect("5. Izin ke luar kota").ExpectNot("8. Bicara dengan petugas", "Bicara dengan petugas")
            .Send("petugas").Expect("tidak tersedia", "Senin–Jumat", "08.00–16.00 WIB")
            .RunAsync();
    }

    [Fact]
    public Task English_on_request_and_back_to_Indonesian() =>
        Host.Chat("081200000006")
            .Send("halo").Expect("Selamat datang")
            .Send("english").Expect("continue in English", "1. Video-call visit registration")
            .Send("help").Expect("*Help*", "free of charge")
            .Send("bahasa").Expect("Bahasa Indonesia", "1. Pendaftaran kunjungan video call")
            .RunAsync();

    [Fact]
    public Task Help_explains_commands_and_returns_to_the_question() =>
        Host.Chat("081200000007")
            .Send("halo").Expect("Selamat datang")
            .Send("bantuan").Expect("*Bantuan*", "*menu*", "*batal*", "*kembali*", "*petugas*", "gratis", "Silakan pilih layanan")
            .Send("5").Expect("Ajukan izin ke luar kota")
            .RunAsync();

    [Fact]
    public async Task Stop_opts_out_of_notifications_until_the_person_writes_again()
    {
        await Host.Chat("081200000008").Send("halo").Expect("Selamat datang").Send("BERHENTI").Expect("tidak akan menerima pemberitahuan").RunAsync();
        Assert.NotNull(await OptedOutAtAsync("+6281200000008"));

        await Host.Chat("081200000008").Send("halo").Expect("Selamat datang").RunAsync();
        Assert.Null(await OptedOutAtAsync("+6281200000008"));
    }

    private async Task<DateTime?> OptedOutAtAsync(string phone)
    {
        await using var db = Host.Store.CreateDbContext();
        return await db.Conversations.Where(c => c.UserAddress == phone).Select(c => c.OptedOutAt).SingleAsync();
    }
}

/// <summary>A flow that is done in the turn it begins (as a status query with its code is).</summary>
public sealed class MainMenuOneTurnFlowTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(extraDialogs: [new OneTurnDialog()]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_first_message_naming_a_flow_that_ends_at_once_is_answered_once_and_the_menu_waits()
    {
        await _host.Chat("081200000090")
            .Send("pengaduan").Expect("done once").ExpectNot("Selamat datang")
            .Send("5").Expect("Ajukan izin ke luar kota")
            .RunAsync();
        Assert.Equal(1, OneTurnDialog.Begun);
    }

    private sealed class OneTurnDialog() : Dialog("complaint")
    {
        public static int Begun;

        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
        {
            Interlocked.Increment(ref Begun);
            dc.Say("done once");
            return dc.EndDialogAsync();
        }
    }
}
