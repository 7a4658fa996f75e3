using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Dialogs;

/// <summary>The commands that work in every step, and prompts that recover from wrong answers.</summary>
public sealed class InterruptionAndPromptTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private TestHost Host => shared.Host;

    [Fact]
    public Task A_form_completes_with_valid_answers() =>
        Host.Chat("081200001001")
            .Send("halo").Expect("Selamat datang")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Siti Aminah").Expect("Halo Siti Aminah, tanggal berapa?")
            .Send("besok").Expect("Nomor HP")
            .Send("0812 3456 7890").Expect("+6281234567890", "1. Ya", "2. Tidak")
            .Send("ya").Expect("Tercatat untuk Siti Aminah", "*menu*")
            .Send("5").Expect("Ajukan izin ke luar kota")
            .RunAsync();

    [Fact]
    public Task Wrong_answers_get_a_hint_and_the_third_failure_offers_an_officer() =>
        Host.Chat("081200001002")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Budi").Expect("tanggal berapa?")
            .Send("kapan-kapan").Expect("Contoh: 25-12-2026").ExpectNot("petugas")
            .Send("nanti saja").Expect("Contoh: 25-12-2026").ExpectNot("petugas")
            .Send("entahlah").Expect("Contoh: 25-12-2026", "*petugas*")
            .Send("besok").Expect("Nomor HP")
            .Send("nomor saya abc").Expect("Contoh: 081234567890")
            .Send("081298765432").Expect("+6281298765432")
            .Send("mungkin").Expect("*ya* atau *tidak*")
            .Send("tidak").Expect("Tidak disimpan")
            .RunAsync();

    [Fact]
    public Task Kembali_asks_the_previous_question_again() =>
        Host.Chat("081200001003")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Budi").Expect("Halo Budi, tanggal berapa?")
            .Send("kembali").Expect("Siapa nama Anda?")
            .Send("Budiman").Expect("Halo Budiman, tanggal berapa?")
            .Send("besok").Expect("Nomor HP")
            .Send("kembali").Expect("Halo Budiman, tanggal berapa?")
            .RunAsync();

    [Fact]
    public Task Kembali_at_the_first_question_returns_to_the_menu() =>
        Host.Chat("081200001004")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("kembali").Expect("Silakan pilih layanan")
            .RunAsync();

    [Fact]
    public Task Batal_cancels_the_flow_and_shows_the_menu() =>
        Host.Chat("081200001005")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Budi").Expect("tanggal berapa?")
            .Send("BATAL").Expect("dibatalkan", "Silakan pilih layanan")
            .Send("1").Expect("Siapa nama Anda?")
            .RunAsync();

    [Fact]
    public Task Menu_leaves_the_flow_at_any_step() =>
        Host.Chat("081200001006")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Budi").Expect("tanggal berapa?")
            .Send(" Menu! ").Expect("Silakan pilih layanan", "1. Pendaftaran kunjungan video call")
            .RunAsync();

    [Fact]
    public Task Help_in_a_flow_asks_the_pending_question_again() =>
        Host.Chat("081200001007")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Budi").Expect("tanggal berapa?")
            .Send("bantuan").Expect("*Bantuan*", "Halo Budi, tanggal berapa?")
            .Send("besok").Expect("Nomor HP")
            .RunAsync();

    [Fact]
    public Task Switching_language_in_a_flow_keeps_the_answers_so_far() =>
        Host.Chat("081200001008")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Budi").Expect("tanggal berapa?")
            .Send("english").Expect("continue in English", "Halo Budi, tanggal berapa?")
            .Send("besok").Expect("Nomor HP")
            .RunAsync();

    [Fact]
    public Task Petugas_in_a_flow_leaves_it_for_the_officers_queue() =>
        Host.Chat("081200001009")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("petugas").Expect("antrean")
            .Send("Budi").ExpectSilence()
            .RunAsync();

    [Theory]
    [InlineData(1, "")]
    [InlineData(2, "   ")]
    [InlineData(3, "\u0001\u0002\u0007")]
    [InlineData(4, "\u200B\t\r\n")]
    public Task Empty_messages_get_a_polite_reply_and_the_question_again(int user, string text) =>
        Host.Chat($"0812000011{user:D2}")
            .Send("1").Expect("Siapa nama Anda?")
            .Send(text).Expect("kosong", "Siapa nama Anda?")
            .Send("Budi").Expect("tanggal berapa?")
            .RunAsync();

    [Fact]
    public Task Odd_messages_never_break_the_conversation()
    {
        var chat = Host.Chat("081200001020");
        chat.Send("1").Expect("Siapa nama Anda?");
        chat.Send(new string('x', 5000)).Expect("terlalu panjang");
        chat.Send("😀😀😀").Expect("tanggal berapa?");
        chat.Send("١٢٣ 中文 русский").Expect("Contoh: 25-12-2026");
        chat.Send("99999999999999999999999").Expect("Contoh: 25-12-2026");
        chat.Send("besok").Expect("Nomor HP");
        return chat.RunAsync();
    }

    [Fact]
    public Task Email_nik_number_choice_and_file_prompts_accept_good_answers_after_bad_ones() =>
        Host.Chat("081200001030")
            .Send("3").Expect("Alamat email?")
            .Send("budi at mail").Expect("Alamat email belum benar")
            .Send("budi@gmail.con").Expect("budi@gmail.com")
            .Send("email saya Budi@Mail.co.id").Expect("NIK?")
            .Send("12345").Expect("16 angka")
            .Send("0000000000000000").Expect("tidak sesuai format KTP")
            .Send("3171 0512 0885 0001").Expect("Berapa orang?")
            .Send("lima").Expect("dari 1 sampai 3")
            .Send("dua").Expect("Hubungan dengan WBP?", "1. Keluarga", "2. Kuasa hukum")
            .Send("pengacara").Expect("Kirim foto KTP.")
            .Send("ini fotonya").Expect("Mohon kirim fotonya")
            .SendFile("application/x-msdownload", 10_000).Expect("tidak dapat kami terima")
            .SendFile("image/jpeg", 3 * 1024 * 1024).Expect("terlalu besar", "2 MB")
            .SendFile("image/jpeg", 200_000).Expect("Data: Budi@mail.co.id, 3171051208850001, 2 orang, lawyer, image/jpeg")
            .RunAsync();
}
