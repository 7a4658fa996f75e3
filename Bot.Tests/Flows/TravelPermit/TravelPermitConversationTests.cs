using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Permits;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary>One running service for the permit conversations.</summary>
public sealed class PermitChatHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The citizen's side of the out-of-town permit, as chats.</summary>
public sealed partial class TravelPermitConversationTests(PermitChatHost fixture) : IClassFixture<PermitChatHost>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_family_member_files_a_permit_request_corrects_it_from_the_summary_and_gets_an_IZN_code()
    {
        var client = await PermitWorld.AddClientAsync(Host);
        var today = PermitWorld.Today(Host);
        var chat = PermitWorld.ToSummary(Host.Chat("081300080001"), client, today)
            .Expect("1. Pemohon: Keluarga", "2. Nama pemohon: Siti Aminah", $"3. Klien: {client.RegistrationNumber} (B.S.)", "4. Kota tujuan: Semarang",
                $"7. Tanggal berangkat: {PermitWorld.Written(today.AddDays(10))}", $"8. Tanggal kembali: {PermitWorld.Written(today.AddDays(15))}",
                "9. Nomor HP: +6281234567890", "10. Surat permohonan: JPEG 292 KB")
            .ExpectNot("Budi Santoso")
            .Send("nanti dulu").Expect("Ketik *SETUJU*")
            // A no is no cancel: which item?
            .Send("tidak").Expect("bagian mana", "Periksa data permohonan")
            .Send("4").Expect("Butir 4 dari 10")
            .Send("Yogyakarta").Expect("Periksa data permohonan", "4. Kota tujuan: Yogyakarta", "5. Alamat tujuan: Jl. Pandanaran")
            // A later departure that no longer fits the return date asks the return date too.
            .Send("7").Expect("Butir 7 dari 10")
            .Send(PermitWorld.Typed(today.AddDays(20))).Expect("Butir 8 dari 10")
            .Send(PermitWorld.Typed(today.AddDays(22))).Expect("Periksa data permohonan", $"7. Tanggal berangkat: {PermitWorld.Written(today.AddDays(20))}", $"8. Tanggal kembali: {PermitWorld.Written(today.AddDays(22))}")
            .Send("1").Expect("Butir 1 dari 10")
            .Send("kuasa hukum").Expect("Periksa data permohonan", "1. Pemohon: Kuasa hukum")
            .Send("10").Expect("Butir 10 dari 10")
            .SendFile("application/pdf", 100_000).Expect("Periksa data permohonan", "10. Surat permohonan: PDF 97 KB")
            .Send("setuju").Expect("terkirim dengan nomor *IZN-", "status izin IZN-", "14 hari kerja");
        await chat.RunAsync();

        var code = CodePattern().Match(chat.LastReply).Value;
        await using var db = Host.Store.CreateDbContext();
        var permit = await db.TravelPermits.SingleAsync(p => p.Code == code);
        Assert.Equal((TravelPermitStatus.Submitted, client.Id, "lawyer"), (permit.Status, permit.ClientId, permit.ApplicantRelationship));
        Assert.Equal(("Siti Aminah", "Yogyakarta", "Menjenguk ibu yang sakit", "+6281234567890"), (permit.ApplicantName, permit.DestinationTown, permit.Purpose, permit.ContactPhone));
        Assert.Equal((today.AddDays(20), today.AddDays(22)), (permit.DepartOn, permit.ReturnOn));
        Assert.Equal(("application/pdf", 100_000L), (permit.RequestFileContentType, permit.RequestFileBytes));
        Assert.Equal("B.S.", permit.ClientInitials);
        Assert.Single(await db.RequestEvents.Where(e => e.Code == code && e.Step == "filed").ToListAsync());
    }

    [Fact]
    public async Task Dates_in_the_past_before_departure_or_too_long_are_refused_with_what_fits()
    {
        var client = await PermitWorld.AddClientAsync(Host);
        var today = PermitWorld.Today(Host);
        var depart = today.AddDays(3);
        await PermitWorld.ToDestination(Host.Chat("081300080002"), client)
            .Send("Semarang").Send("Jl. Pandanaran No. 10").Send("Bekerja").Expect("Butir 7 dari 10")
            .Send("kemarin").Expect("sudah lewat", "hari ini atau tanggal yang akan datang").ExpectNot("Butir 8")
            .Send("tanggal berapa saja yang boleh?").Expect("Tanggal tidak boleh sudah lewat", "Mohon jawab pertanyaan ini", "Butir 7 dari 10")
            .Send("bulan depan kira-kira").Expect("belum kami pahami", "25-12-2026")
            .Send(PermitWorld.Typed(depart)).Expect("Butir 8 dari 10")
            .Send(PermitWorld.Typed(depart.AddDays(-1))).Expect("harus setelah tanggal berangkat", PermitWorld.Written(depart))
            .Send(PermitWorld.Typed(depart)).Expect("harus setelah tanggal berangkat")
            .Send(PermitWorld.Typed(depart.AddDays(31))).Expect("paling lama 30 hari", PermitWorld.Written(depart.AddDays(30)), "petugas")
            .Send(PermitWorld.Typed(depart.AddDays(30))).Expect("Butir 9 dari 10")
            .RunAsync();
    }

    [Fact]
    public async Task A_wrong_file_is_refused_by_type_and_size_and_a_question_is_explained()
    {
        var client = await PermitWorld.AddClientAsync(Host);
        var today = PermitWorld.Today(Host);
        await PermitWorld.ToDestination(Host.Chat("081300080003"), client)
            .Send("alamatnya harus lengkap ya?").Expect("Tulis nama kota atau kabupaten", "Mohon jawab pertanyaan ini", "Butir 4 dari 10").ExpectNot("Butir 5")
            .Send("Semarang").Expect("Butir 5 dari 10")
            .Send("harus pakai RT RW juga?").Expect("tempat klien tinggal selama di kota tujuan", "Butir 5 dari 10").ExpectNot("Butir 6")
            .Send("Jl. Pandanaran No. 10").Send("Bekerja")
            .Send(PermitWorld.Typed(today.AddDays(2))).Send(PermitWorld.Typed(today.AddDays(4))).Send("081234567890").Expect("Butir 10 dari 10")
            .Send("surat permohonan itu seperti apa?").Expect("surat permohonan izin kepada Kepala Bapas", "Butir 10 dari 10")
            .Send("ini suratnya").Expect("Mohon kirim fotonya")
            .SendFile("image/jpeg", 3 * 1024 * 1024).Expect("terlalu besar", "2 MB")
            // A program renamed surat.jpg: the channel typed it from its bytes.
            .SendFile("application/x-msdownload", 40_000).Expect("tidak dapat kami terima", "JPG/PNG", "PDF")
            .SendFile("image/png", 2 * 1024 * 1024).Expect("Periksa data permohonan", "PNG 2048 KB")
            .RunAsync();
    }

    [Fact]
    public async Task An_unknown_client_gets_one_neutral_answer_and_is_paused_after_repeated_failures()
    {
        var client = await PermitWorld.AddClientAsync(Host);
        const string phone = "081300080004";
        var wrongNumber = Host.Chat(phone)
            .Send("halo").Send("5").Send("1").Send("ya").Send("1").Send("Budi Santoso").Expect("nomor register klien")
            .Send("PB-0/XXX/1999").Expect("tanggal lahir klien")
            .Send("17-08-1990").Expect("belum dapat kami cocokkan", "nomor register klien").ExpectNot("cocok.");
        await wrongNumber.RunAsync();
        var wrongBirthDate = Host.Chat(phone)
            .Send(client.RegistrationNumber).Send("18-08-1990").Expect("belum dapat kami cocokkan");
        await wrongBirthDate.RunAsync();
        Assert.Equal(wrongNumber.LastReply, wrongBirthDate.LastReply);

        await Host.Chat(phone)
            .Send("bukan nomor").Send("1 Januari 1980").Expect("belum dapat kami cocokkan")
            .Send("PB-1/XXX/1999").Send("1-1-1980").Expect("belum dapat kami cocokkan")
            // The fifth miss: the same neutral answer, and now a pause.
            .Send("PB-2/XXX/1999").Send("1-1-1980").Expect("belum dapat kami cocokkan", "terlalu banyak percobaan", "coba lagi setelah pukul").ExpectNot("Ketik *nomor register klien*")
            .Send("5").Send("1").Send("ya").Send("1").Send("Budi Santoso").Expect("terlalu banyak percobaan").ExpectNot("nomor register klien")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var attempts = await db.LookupAttempts.Where(a => a.Sender == "+6281300080004").ToListAsync();
        Assert.Equal(5, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((LookupKinds.Client, false), (a.Kind, a.Found)));
        Assert.False(await db.TravelPermits.AnyAsync(p => p.ApplicantName == "Budi Santoso"));
    }

    [Fact]
    public async Task Menu_in_the_middle_asks_first_keeps_a_draft_and_nothing_is_filed_until_agreed()
    {
        var client = await PermitWorld.AddClientAsync(Host);
        const string phone = "081300080005";
        await PermitWorld.ToDestination(Host.Chat(phone), client)
            .Send("menu").Expect("belum terkirim", "3 dari 10 butir terisi", "*lanjut*").ExpectNot("Silakan pilih layanan")
            .Send("ya").Expect("draf", "Silakan pilih layanan")
            .Send("5").Expect("kita lanjutkan formulir", "Butir 4 dari 10")
            .Send("batal").Expect("belum terkirim")
            .Send("lanjut").Expect("Butir 4 dari 10")
            .Send("Semarang").Expect("Butir 5 dari 10")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.UserAddress == "+6281300080005");
        Assert.False(await db.TravelPermits.AnyAsync(p => p.ConversationId == conversation.Id));
    }

    [Fact]
    public async Task The_status_is_told_by_code_from_anywhere_and_only_to_the_filer()
    {
        var client = await PermitWorld.AddClientAsync(Host);
        var chat = PermitWorld.ToSummary(Host.Chat("081300080006"), client, PermitWorld.Today(Host)).Send("setuju").Expect("IZN-");
        await chat.RunAsync();
        var code = CodePattern().Match(chat.LastReply).Value;

        await Host.Chat("081300080006")
            .Send($"status izin {code}").Expect($"Status permohonan izin *{code}*", "Menunggu pemeriksaan PK", "Semarang")
            .Send($"status {code.ToLowerInvariant()}").Expect("Menunggu pemeriksaan PK")
            .Send("menu").Send("5").Send("2").Expect("nomor permohonan")
            .Send(code).Expect("Menunggu pemeriksaan PK")
            // Inside a new request the status is told and the question asked again.
            .Send("5").Send("1").Send("ya").Expect("Butir 1 dari 10")
            .Send($"status izin {code}").Expect("Menunggu pemeriksaan PK", "Butir 1 dari 10")
            .RunAsync();
        await Host.Chat("081300080007").Send($"status izin {code}").Expect("tidak kami temukan").ExpectNot("Menunggu pemeriksaan", "Semarang").RunAsync();
    }

    [GeneratedRegex(@"IZN-[0-9A-Z]{6}")]
    private static partial Regex CodePattern();
}
