using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Tests.Flows.VisitBooking;

/// <summary>A family books a video-call visit by chat, checks it, cancels, reschedules and books again.</summary>
public sealed class VisitBookingTests(VisitHost shared) : IClassFixture<VisitHost>
{
    private TestHost Host => shared.Host;

    [Fact]
    public async Task Happy_path_books_a_slot_with_a_code_a_queue_number_and_the_free_of_charge_note()
    {
        var chat = Host.Chat("081300001001")
            .Send("halo").Expect("Selamat datang")
            .Send("1").Expect("nama lengkap", "nomor registrasi")
            .Send("budi santoso").Expect("tanggal lahir")
            .Send("17-08-1990").Expect("Data WBP ditemukan: *Budi Santoso*", "nama Anda")
            .Send("Siti Aminah").Expect("hubungan", "1. Orang tua", "2. Suami/istri")
            .Send("2").Expect("+6281300001001", "*ya*")
            .Send("ya").Expect("Pilih jadwal video call (waktu WIB)", "1. ")
            .Send("1").Expect("berhasil", "Kode booking: *VC-", "Nomor antrean: *", "WIB", "gratis", "Nomor yang dihubungi: +6281300001001");
        await chat.RunAsync();

        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(Host, "081300001001"));
        Assert.Equal(VisitStatus.Booked, visit.Status);
        Assert.Equal("Siti Aminah", visit.RequesterName);
        Assert.Equal("spouse", visit.Relationship);
        Assert.Equal("+6281300001001", visit.CallNumber);
        Assert.Contains(visit.Code, chat.LastReply);
        Assert.Contains($"Nomor antrean: *{visit.QueueNumber}*", chat.LastReply);

        // Asking again shows the booking's status.
        await Host.Chat("081300001001").Send("menu").Send("1").Expect(visit.Code, "terdaftar", $"antrean ke-{visit.QueueNumber}", "Ubah jadwal", "Batalkan").RunAsync();
        await Host.Chat("081300001001").Send("menu").Send("status kunjungan").Expect(visit.Code, "terdaftar", $"antrean ke-{visit.QueueNumber}").RunAsync();
    }

    [Theory]
    [InlineData("081300002001", "Muhamad Rizky", "05-01-1995")]
    [InlineData("081300002002", "m. rizki", "B.I-102/2024")]
    [InlineData("081300002003", "MOCH  RIZKI", "5 Januari 1995")]
    public Task A_misspelled_name_still_finds_the_inmate_with_a_second_detail(string phone, string name, string detail) =>
        Host.Chat(phone)
            .Send("halo").Send("1").Expect("nama lengkap")
            .Send(name).Expect("tanggal lahir")
            .Send(detail).Expect("Data WBP ditemukan: *MUHAMMAD RIZKI*")
            .RunAsync();

    [Theory]
    [InlineData("081300002101", "rizki pratama")]
    [InlineData("081300002102", "muhamad rizky")]
    public Task Part_of_a_name_with_the_right_birth_date_is_confirmed_by_the_full_name(string phone, string name) =>
        Host.Chat(phone)
            .Send("halo").Send("1").Send(name).Expect("tanggal lahir")
            .Send("21-03-1998").Expect("Apakah yang Anda maksud *Muhammad Rizki Pratama*? (ya/tidak)").ExpectNot("Data WBP ditemukan", "nama Anda", "cocokkan")
            .Send("ya").Expect("nama Anda").ExpectNot("Pratama")
            .Send("Siti Aminah").Expect("hubungan")
            .RunAsync();

    [Fact]
    public async Task Part_of_a_name_needs_the_right_birth_date_and_a_no_asks_for_the_inmate_again()
    {
        var unknown = Host.Chat("081300002103").Send("halo").Send("1").Send("Joko Susilo").Send("01-01-1980");
        await unknown.RunAsync();

        var wrong = Host.Chat("081300002104").Send("halo").Send("1").Send("rizki pratama").Send("01-01-1990");
        await wrong.ExpectNot("Pratama", "Apakah yang Anda maksud").RunAsync();
        Assert.Equal(unknown.LastReply, wrong.LastReply);

        await Host.Chat("081300002104")
            .Send("rizki pratama").Send("21-03-1998").Expect("Apakah yang Anda maksud *Muhammad Rizki Pratama*?")
            .Send("tidak").Expect("periksa kembali", "nama lengkap").ExpectNot("nama Anda")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var attempts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.LookupAttempts.Where(a => a.Sender == "+6281300002104"));
        Assert.Equal([false, true], attempts.OrderBy(a => a.Id).Select(a => a.Found));
    }

    [Fact]
    public Task Booking_by_registration_number_needs_the_birth_date_not_the_number_twice() =>
        Host.Chat("081300002201")
            .Send("halo").Send("1")
            .Send("BI-101/2024").Expect("tanggal lahir")
            .Send("B.I-101/2024").Expect("belum dapat kami cocokkan", "*petugas*", "nama lengkap")
            .Send("B.I-101/2024").Send("17/08/1990").Expect("Data WBP ditemukan: *Budi Santoso*")
            .RunAsync();

    [Fact]
    public async Task An_unknown_inmate_and_a_wrong_birth_date_get_the_same_neutral_answer()
    {
        var unknown = Host.Chat("081300003001").Send("halo").Send("1").Send("Joko Susilo").Send("01-01-1980");
        await unknown.Expect("belum dapat kami cocokkan", "*petugas*").ExpectNot("Joko").RunAsync();
        var wrongDate = Host.Chat("081300003002").Send("halo").Send("1").Send("Budi Santoso").Send("01-01-1980");
        await wrongDate.RunAsync();
        Assert.Equal(unknown.LastReply, wrongDate.LastReply);
    }

    [Fact]
    public Task An_inmate_not_allowed_video_calls_is_refused_politely() =>
        Host.Chat("081300003101")
            .Send("halo").Send("1").Send("Agus Salim").Send("03-03-1980")
            .Expect("tidak dapat menerima kunjungan video call", "*petugas*")
            .RunAsync();

    [Fact]
    public Task Repeated_failed_lookups_are_paused_like_litmas_lookups() =>
        Host.Chat("081300004001")
            .Send("halo").Send("1")
            .Send("Orang Satu").Send("01-01-1970").Expect("belum dapat kami cocokkan")
            .Send("Orang Dua").Send("02-02-1970").Expect("belum dapat kami cocokkan")
            .Send("Orang Tiga").Send("03-03-1970").Expect("belum dapat kami cocokkan", "terlalu banyak percobaan")
            .Send("1").Expect("terlalu banyak percobaan", "pukul")
            .RunAsync();

    [Fact]
    public async Task A_slot_taken_meanwhile_gets_a_polite_answer_and_the_next_free_slots()
    {
        // Dewi's slots are offered to one family; another family takes the first one before they choose.
        var slow = Host.Chat("081300005001")
            .Send("halo").Send("1").Send("Dewi Lestari").Send("12-12-1992").Send("Rina").Send("3").Send("ya")
            .Expect("Pilih jadwal");
        await slow.RunAsync();
        var firstOffered = Line(slow.LastReply, "1. ");

        await Host.Chat("081300005002")
            .Send("halo").Send("1").Send("Budi Santoso").Send("17-08-1990").Send("Andi").Send("4").Send("ya")
            .Expect(firstOffered)
            .Send("1").Expect("berhasil")
            .RunAsync();

        await Host.Chat("081300005001")
            .Send("1").Expect("baru saja terisi", "Pilih jadwal").ExpectNot(firstOffered)
            .Send("1").Expect("berhasil", "Kode booking")
            .RunAsync();
        Assert.Single(await VisitWorld.VisitsOfAsync(Host, "081300005001"));
    }

    [Fact]
    public async Task Cancel_then_book_again_and_reschedule()
    {
        const string phone = "081300006001";
        await Host.Chat(phone)
            .Send("halo").Send("1").Send("Budi Santoso").Send("17-08-1990").Send("Wati").Send("1").Send("0812 9999 0000")
            .Expect("Pilih jadwal")
            .Send("1").Expect("berhasil", "Nomor yang dihubungi: +6281299990000")
            .RunAsync();
        var first = Assert.Single(await VisitWorld.VisitsOfAsync(Host, phone));

        // One active booking per requester per inmate.
        await Host.Chat(phone)
            .Send("menu").Send("1").Expect(first.Code, "Daftar kunjungan baru")
            .Send("Daftar kunjungan baru").Expect("nama lengkap")
            .Send("Budi Santoso").Send("17-08-1990").Expect("sudah memiliki pendaftaran kunjungan aktif", first.Code)
            .RunAsync();

        await Host.Chat(phone)
            .Send("menu").Send("1").Expect(first.Code)
            .Send("2").Expect($"Batalkan kunjungan *{first.Code}*")
            .Send("ya").Expect($"*{first.Code}* sudah dibatalkan")
            .RunAsync();

        await Host.Chat(phone)
            .Send("menu").Send("1").Expect("nama lengkap")
            .Send("Budi Santoso").Send("17-08-1990").Send("Wati").Send("1").Send("ya")
            .Send("1").Expect("berhasil")
            .RunAsync();
        var visits = await VisitWorld.VisitsOfAsync(Host, phone);
        Assert.Equal([VisitStatus.Cancelled, VisitStatus.Booked], visits.Select(v => v.Status));
        Assert.Null(visits[0].Station);
        var second = visits[1];

        var reschedule = Host.Chat(phone).Send("menu").Send("1").Expect(second.Code).Send("1").Expect("Pilih jadwal");
        await reschedule.RunAsync();
        var newTime = Line(reschedule.LastReply, "3. ")[3..];
        await Host.Chat(phone).Send("3").Expect("berhasil diubah", newTime.Split(' ')[1]).RunAsync();
        visits = await VisitWorld.VisitsOfAsync(Host, phone);
        Assert.Equal([VisitStatus.Cancelled, VisitStatus.Cancelled, VisitStatus.Booked], visits.Select(v => v.Status));
        Assert.Equal(second.Id, visits[2].ReplacesVisitId);
        Assert.True(visits[2].SlotStart > second.SlotStart);
    }

    [Theory]
    [InlineData("081300001071", "adik")]
    [InlineData("081300001072", "kakak")]
    [InlineData("081300001073", "bapak")]
    [InlineData("081300001074", "anak")]
    [InlineData("081300001075", "suami")]
    [InlineData("081300001076", "paman")]
    [InlineData("081300001077", "pengacara")]
    [InlineData("081300001078", "kuasa hukum")]
    public Task The_relationships_people_actually_type_are_understood(string phone, string relationship) =>
        Host.Chat(phone)
            .Send("halo").Send("1").Send("Dewi Lestari").Send("12-12-1992").Send("Rina").Expect("hubungan")
            .Send(relationship).Expect("*ya*").ExpectNot("tidak kami kenali")
            .RunAsync();

    [Fact]
    public async Task Ibu_is_booked_as_a_parent_and_cancelling_a_reschedule_says_the_booking_is_kept()
    {
        const string phone = "081300001079";
        await Host.Chat(phone)
            .Send("halo").Send("1").Send("Dewi Lestari").Send("12-12-1992").Send("Rina")
            .Send("ibu").Expect("*ya*")
            .Send("ya").Send("1").Expect("berhasil")
            .RunAsync();
        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(Host, phone));
        Assert.Equal("parent", visit.Relationship);

        await Host.Chat(phone)
            .Send("menu").Send("1").Expect(visit.Code)
            .Send("1").Expect("Pilih jadwal")
            .Send("batal").Expect("tetap terdaftar").ExpectNot("dibatalkan")
            .Send("menu").Send("1").Expect(visit.Code)
            .Send("2").Expect($"Batalkan kunjungan *{visit.Code}*")
            .Send("batal").Expect("tetap terdaftar").ExpectNot("dibatalkan")
            .RunAsync();
        Assert.Equal(VisitStatus.Booked, Assert.Single(await VisitWorld.VisitsOfAsync(Host, phone)).Status);
    }

    [Fact]
    public Task A_wrong_call_number_is_explained_and_asked_again() =>
        Host.Chat("081300007001")
            .Send("halo").Send("1").Send("Dewi Lestari").Send("12-12-1992").Send("Rina").Send("3")
            .Send("nanti saja").Expect("Ketik *ya*", "0812 3456 7890")
            .Send("ya").Expect("Pilih jadwal")
            .RunAsync();

    [Fact]
    public Task English_speakers_get_the_same_flow_in_English() =>
        Host.Chat("081300008001")
            .Send("english").Send("1").Expect("*full name*")
            .Send("Dewi Lestari").Expect("date of birth")
            .Send("12-12-1992").Expect("Inmate found")
            .RunAsync();

    private static string Line(string text, string start) =>
        text.Split('\n').First(l => l.StartsWith(start, StringComparison.Ordinal)).Trim();

    [Fact]
    public async Task A_thanks_or_a_question_is_neither_an_inmate_name_nor_a_failed_lookup()
    {
        const string phone = "081300001061";
        await Host.Chat(phone)
            .Send("halo").Send("1").Expect("nama lengkap", "nomor registrasi")
            .Send("makasih").Expect("nama lengkap, misalnya").ExpectNot("tanggal lahir")
            .Send("nomornya dimana ya?").Expect("pertanyaan", "nomor registrasi").ExpectNot("tanggal lahir")
            .Send("budi santoso").Expect("tanggal lahir")
            .Send("17-08-1990").Expect("Data WBP ditemukan", "nama Anda")
            .Send("ya").Expect("nama lengkap, misalnya").ExpectNot("hubungan")
            .Send("Siti Aminah").Expect("hubungan")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var attempts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.LookupAttempts.Where(a => a.Sender == "+6281300001061"));
        Assert.Equal(["BUDI SANTOSO"], attempts.Select(a => a.Query.ToUpperInvariant()));
    }
}

/// <summary>Inmate lookups when the office as a whole had too many failures (limit 6 in an hour).</summary>
public sealed class VisitLookupOfficeLimitTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(settings: VisitWorld.Settings(new() { ["Lookups:OfficeMaxFailures"] = "6" }));
        await VisitWorld.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Once_the_office_limit_is_reached_new_numbers_are_told_the_service_is_busy_and_a_known_family_goes_on()
    {
        await _host.Chat("081300009001").Send("halo").Send("1").Send("budi santoso").Send("17-08-1990").Expect("Data WBP ditemukan").Send("batal").RunAsync();
        for (var n = 0; n < 6; n++)
        {
            await _host.Chat($"08130000910{n}").Send("halo").Send("1").Send($"Orang {n}").Send("01-01-1970").Expect("belum dapat kami cocokkan").RunAsync();
        }

        await _host.Chat("081300009201")
            .Send("halo").Send("1").Expect("sedang sangat sibuk", "coba lagi setelah pukul").ExpectNot("nama lengkap")
            .RunAsync();
        // Someone who was in the middle of it: the name they had not matched before waits too.
        await _host.Chat("081300009001")
            .Send("menu").Send("1").Expect("nama lengkap")
            .Send("Dewi Lestari").Send("12-12-1992").Expect("sedang sangat sibuk").ExpectNot("ditemukan", "cocokkan")
            .Send("menu").Send("1").Send("Budi Santoso").Send("17-08-1990").Expect("Data WBP ditemukan: *Budi Santoso*")
            .RunAsync();
    }
}
