using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Flows.IntegrationInfo;

/// <summary>One running service for the integration-information conversations.</summary>
public sealed class IntegrationChatHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The citizen's side of integration information, as chats.</summary>
public sealed class IntegrationInfoTests(IntegrationChatHost fixture) : IClassFixture<IntegrationChatHost>
{
    private const string Nik = "3171051208850001";

    private TestHost Host => fixture.Host;

    /// <summary>Menu 3, a new request, consent, and items 1–12 with valid answers: ends at the summary.</summary>
    internal static ChatScript FillToSummary(ChatScript chat, string inmate = "Budi Santoso", string email = "siti@mail.co.id") => chat
        .Send("halo").Send("3").Expect("Informasi Integrasi", "Ajukan permohonan")
        .Send("1").Expect("UU No. 27 Tahun 2022", "Siapa yang melihat", "90 hari", "setuju")
        .Send("ya").Expect("Butir 1 dari 13", "Nama lengkap")
        .Send("Siti Aminah").Expect("Butir 2 dari 13", "Keluarga", "Kuasa hukum")
        .Send("1").Expect("Butir 3 dari 13")
        .Send("Jl. Merdeka No. 10, Tanjungpinang").Expect("Butir 4 dari 13")
        .Send("0812-3456-7890").Expect("Butir 5 dari 13")
        .Send("Ahmad Yani").Expect("Butir 6 dari 13")
        .Send("ayah").Expect("Butir 7 dari 13")
        .Send("Jl. Merdeka No. 10, Tanjungpinang").Expect("Butir 8 dari 13")
        .Send("081298765432").Expect("Butir 9 dari 13")
        .Send(inmate).Expect("Butir 10 dari 13 (KTP, bagian 1 dari 2)", "NIK")
        .Send(Nik).Expect("Butir 10 dari 13 (KTP, bagian 2 dari 2)", "NIK tercatat", "foto atau scan KTP", "2 MB")
        .SendFile("image/jpeg", 200_000).Expect("Butir 11 dari 13", "email")
        .Send(email).Expect("Butir 12 dari 13", "Asimilasi", "Pembebasan Bersyarat (PB)", "Cuti Bersyarat (CB)", "Cuti Menjelang Bebas (CMB)")
        .Send("2").Expect("Periksa data Anda", "SETUJU");

    /// <summary>
    /// Item 10 is asked in two parts that say which part they are, and a question asked back at
    /// either (not a NIK, not a file) is explained and asked again instead of refused as a bad answer.
    /// </summary>
    [Fact]
    public async Task The_two_parts_of_the_KTP_item_are_told_apart_and_a_question_at_either_is_explained()
    {
        await Host.Chat("081300070019")
            .Send("halo").Send("3").Send("1").Send("ya")
            .Send("Siti Aminah").Send("1").Send("Jl. Merdeka No. 10").Send("081234567890")
            .Send("Ahmad Yani").Send("ayah").Send("Jl. Merdeka No. 10").Send("081298765432")
            .Send("Budi Santoso").Expect("bagian 1 dari 2", "NIK").ExpectNot("bagian 2 dari 2")
            .Send("NIK itu apa?").Expect("16 angka di bagian atas KTP", "Mohon jawab pertanyaan ini", "bagian 1 dari 2")
                .ExpectNot("tidak sesuai format")
            .Send(Nik).Expect("bagian 2 dari 2", "NIK tercatat").ExpectNot("bagian 1 dari 2")
            .Send("ktp nya difoto gimana?").Expect("Foto KTP dengan kamera HP", "Mohon jawab pertanyaan ini", "bagian 2 dari 2")
            .Send("ini KTP saya").Expect("Mohon kirim fotonya").ExpectNot("Mohon jawab pertanyaan ini")
            .SendFile("image/jpeg", 200_000).Expect("Butir 11 dari 13")
            .Send("email itu wajib?").Expect("email tidak wajib", "Butir 11 dari 13")
            .Send("tidak ada").Expect("Butir 12 dari 13")
            .RunAsync();
    }

    [Fact]
    public async Task The_full_form_is_validated_item_by_item_corrected_from_the_summary_and_submitted_with_a_reference_code()
    {
        const string phone = "081300070001";
        var chat = Host.Chat(phone)
            .Send("halo").Send("3").Send("1").Send("ya")
            .Send("Siti Aminah").Send("pengacara").Expect("Butir 3 dari 13")
            .Send("Jl. Merdeka No. 10, Tanjungpinang")
            .Send("12345").Expect("Nomor telepon belum benar")
            .Send("0812 3456 7890").Expect("Butir 5 dari 13")
            .Send("Ahmad Yani").Send("ayah").Send("Jl. Merdeka No. 10").Send("081298765432")
            .Send("Budi Santoso").Expect("NIK")
            .Send("1234").Expect("16 angka")
            .Send(Nik).Expect("foto atau scan KTP")
            .Send("ini KTP saya").Expect("Mohon kirim fotonya")
            .SendFile("image/png", 150_000).Expect("Butir 11 dari 13")
            .Send("siti@").Expect("email belum benar")
            .Send("siti@mail.co.id").Expect("Butir 12 dari 13")
            .Send("cmb").Expect("Periksa data Anda", "1. Nama pemohon: Siti Aminah", "2. Hubungan dengan WBP: Kuasa hukum",
                "4. Nomor HP aktif: +6281234567890", "9. Nama WBP/anak: Budi Santoso", $"NIK {Nik}, PNG 146 KB",
                "11. Email aktif: siti@mail.co.id", "12. Informasi yang diminta: Cuti Menjelang Bebas (CMB)", "13. Pernyataan")
            .Send("nanti saja").Expect("Ketik *SETUJU*")
            // A no is no cancel: the person is asked which item, and sees the summary again.
            .Send("tidak").Expect("bagian mana", "Periksa data Anda", "1. Nama pemohon: Siti Aminah").ExpectNot("Silakan pilih layanan")
            // Item 2 by its number: the relationship is asked again, then the summary comes back.
            .Send("2").Expect("Butir 2 dari 13")
            .Send("keluarga").Expect("Periksa data Anda", "2. Hubungan dengan WBP: Keluarga", "9. Nama WBP/anak: Budi Santoso")
            .Send("9").Expect("Butir 9 dari 13")
            .Send("Budi Santoso bin Ahmad").Expect("Periksa data Anda", "9. Nama WBP/anak: Budi Santoso bin Ahmad")
            // Item 10 has two questions: the NIK, then the file.
            .Send("10").Expect("NIK")
            .Send(Nik).Expect("foto atau scan KTP")
            .SendFile("application/pdf", 300_000).Expect("Periksa data Anda", "PDF 292 KB")
            .Send("setuju").Expect("Permohonan Anda terkirim dengan nomor *INF-", "status informasi INF-");
        await chat.RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var request = Assert.Single(await db.IntegrationRequests.Where(r => r.Phone == "+6281234567890" && r.RequesterName == "Siti Aminah" && r.Programme == IntegrationProgramme.Cmb).ToListAsync());
        Assert.Contains(request.ReferenceCode, chat.LastReply);
        Assert.Equal(IntegrationRequestStatus.Submitted, request.Status);
        Assert.Equal("family", request.Relationship);
        Assert.Equal("Budi Santoso bin Ahmad", request.InmateName);
        Assert.Equal("+6281298765432", request.GuarantorPhone);
        Assert.Equal("ayah", request.GuarantorRelationship);
        Assert.Equal(Nik, request.Nik);
        Assert.Equal("siti@mail.co.id", request.Email);
        Assert.Equal(("application/pdf", 300_000L), (request.KtpContentType, request.KtpBytes));
        Assert.True(request.ConsentedAt <= request.DeclaredAt);
        Assert.Equal(request.SubmittedAt, request.DeclaredAt);
    }

    [Fact]
    public async Task Refusing_consent_stores_nothing()
    {
        const string phone = "081300070002";
        await Host.Chat(phone)
            .Send("halo").Send("3").Send("1").Expect("setuju")
            .Send("tidak").Expect("tanpa persetujuan Anda kami tidak menyimpan data apa pun")
            .Send("Siti Aminah").ExpectNot("Butir 2")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.UserAddress == "+6281300070002");
        Assert.False(await db.IntegrationRequests.AnyAsync(r => r.ConversationId == conversation.Id));
        Assert.DoesNotContain("integration-info.form", conversation.DialogState ?? "");
    }

    [Fact]
    public async Task A_ktp_over_2_mb_or_not_an_image_or_pdf_is_refused_with_the_reason()
    {
        await Host.Chat("081300070003")
            .Send("halo").Send("3").Send("1").Send("ya")
            .Send("Siti Aminah").Send("1").Send("Jl. Merdeka 1").Send("081234567890")
            .Send("Ahmad Yani").Send("ayah").Send("Jl. Merdeka 1").Send("081298765432")
            .Send("Budi Santoso").Send(Nik).Expect("foto atau scan KTP")
            .SendFile("image/jpeg", 3 * 1024 * 1024).Expect("terlalu besar", "2 MB")
            // A program renamed ktp.jpg: the channel typed it from its bytes, so it arrives as what it is.
            .SendFile("application/x-msdownload", 40_000).Expect("tidak dapat kami terima", "JPG/PNG", "PDF")
            .SendFile("image/jpeg", 2 * 1024 * 1024).Expect("Butir 11 dari 13")
            .RunAsync();
    }

    [Fact]
    public async Task The_status_is_told_by_reference_code_from_the_menu_and_from_anywhere()
    {
        var chat = FillToSummary(Host.Chat("081300070004")).Send("setuju").Expect("INF-");
        await chat.RunAsync();
        var code = System.Text.RegularExpressions.Regex.Match(chat.LastReply, @"INF-[0-9A-Z]{6}").Value;

        await Host.Chat("081300070004")
            .Send("halo").Send("3").Send("2").Expect("nomor permohonan")
            .Send(code.ToLowerInvariant()).Expect($"Status permohonan *{code}*", "Menunggu pemeriksaan data di SDP")
            .Send($"status informasi {code}").Expect("Menunggu pemeriksaan data di SDP")
            .Send("status informasi INF-2222AA").Expect("tidak kami temukan")
            // Inside another flow the status is answered and the flow's question asked again.
            .Send("1").Send($"status informasi {code}").Expect("Menunggu pemeriksaan data di SDP")
            .RunAsync();

        // Inside a new request too: the status is told and nothing typed so far is lost.
        await Host.Chat("081300070004")
            .Send("menu").Send("3").Send("1").Send("ya")
            .Send("Siti Aminah").Send("1").Expect("Butir 3 dari 13")
            .Send($"status informasi {code}").Expect("Menunggu pemeriksaan data di SDP", "Butir 3 dari 13")
            .Send("Jl. Merdeka No. 10").Expect("Butir 4 dari 13")
            .RunAsync();
    }

    [Fact]
    public async Task A_reference_code_asked_from_another_number_is_not_found_like_an_unknown_one_and_counts_as_a_guess()
    {
        const int limit = 5; // Lookups:MaxFailures by default
        var chat = FillToSummary(Host.Chat("081300070021")).Send("setuju").Expect("INF-");
        await chat.RunAsync();
        var code = System.Text.RegularExpressions.Regex.Match(chat.LastReply, @"INF-[0-9A-Z]{6}").Value;

        var other = Host.Chat("081300070022").Send($"status informasi {code}").ExpectNot("Menunggu pemeriksaan", "Siti");
        await other.RunAsync();
        var stranger = Host.Chat("081300070023").Send("status informasi INF-2222AA");
        await stranger.RunAsync();
        Assert.Contains("tidak kami temukan", other.LastReply);
        Assert.Equal(stranger.LastReply.Replace("INF-2222AA", "CODE"), other.LastReply.Replace(code, "CODE"));

        var tries = Host.Chat("081300070022");
        for (var i = 1; i < limit; i++)
        {
            tries.Send($"status informasi {code}").Expect("tidak kami temukan");
        }

        await tries.Send($"status informasi {code}").Expect("terlalu banyak", "coba lagi setelah pukul").ExpectNot("tidak kami temukan", "Menunggu pemeriksaan").RunAsync();
        await Host.Chat("081300070021").Send($"status informasi {code}").Expect($"Status permohonan *{code}*", "Menunggu pemeriksaan data di SDP").RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var attempts = await db.LookupAttempts.Where(a => a.Sender == "+6281300070022").ToListAsync();
        Assert.Equal(limit, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((ChatBot.Domain.Lookups.LookupKinds.Integration, false, code), (a.Kind, a.Found, a.Query)));
    }

    [Fact]
    public async Task Unknown_reference_codes_are_throttled_like_other_lookups()
    {
        var chat = Host.Chat("081300070024");
        foreach (var code in new[] { "INF-2222AB", "INF-2222AC", "inf 2222ad", "INF-2222AE", "bukan kode" })
        {
            chat.Send($"status informasi {code}").Expect("tidak kami temukan");
        }

        await chat
            .Send("status informasi INF-2222AF").Expect("terlalu banyak", "coba lagi setelah pukul").ExpectNot("tidak kami temukan")
            .Send("halo").Send("3").Send("2").Expect("nomor permohonan")
            .Send("INF-2222AG").Expect("terlalu banyak").ExpectNot("tidak kami temukan")
            .RunAsync();
    }

    [Fact]
    public async Task A_requester_without_e_mail_says_so_and_is_answered_by_whatsapp_only()
    {
        const string phone = "081300070062";
        await FillToSummary(Host.Chat(phone), email: "gak punya email").Expect("11. Email aktif: tidak ada")
            .Send("SETUJU").Expect("INF-", "ke WhatsApp Anda").ExpectNot("dan email")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var request = await db.IntegrationRequests.SingleAsync(r => r.RequesterName == "Siti Aminah" && r.Phone == "+6281234567890" && r.Email == null);
        Assert.Equal(IntegrationRequestStatus.Submitted, request.Status);
    }

    [Fact]
    public async Task Asking_what_a_guarantor_is_gets_an_explanation_and_the_same_question_not_a_saved_name() =>
        await Host.Chat("081300070061")
            .Send("halo").Send("3").Send("1").Send("ya")
            .Send("Siti Aminah").Send("1").Send("Jl. Merdeka No. 10, Tanjungpinang")
            .Send("081234567890").Expect("Butir 5 dari 13")
            .Send("penjamin itu apa ya?").Expect("Penjamin adalah orang yang menjamin WBP", "Mohon jawab pertanyaan ini", "Butir 5 dari 13").ExpectNot("Butir 6")
            .Send("terima kasih").Expect("nama lengkap, misalnya").ExpectNot("Butir 6")
            .Send("Ahmad Yani").Expect("Butir 6 dari 13")
            .Send("ayah").Send("Jl. Merdeka No. 10").Send("081298765432").Expect("Butir 9 dari 13")
            .Send("siapa ya namanya?").Expect("nama lengkap WBP atau anak", "Butir 9 dari 13")
            .Send("Budi Santoso").Expect("Butir 10 dari 13")
            .RunAsync();
}

/// <summary><c>menu</c> or <c>batal</c> in the middle of the form: asked first, and the answers kept as a draft.</summary>
public sealed class IntegrationDraftTests(IntegrationChatHost fixture) : IClassFixture<IntegrationChatHost>
{
    private TestHost Host => fixture.Host;

    private ChatScript ToItem4(string phone) => Host.Chat(phone)
        .Send("halo").Send("3").Send("1").Send("ya")
        .Send("Siti Aminah").Send("1").Send("Jl. Merdeka 1").Expect("Butir 4 dari 13");

    [Fact]
    public Task Menu_in_the_middle_asks_first_and_lanjut_goes_on_with_the_answers_kept() =>
        ToItem4("081300070031")
            .Send("menu").Expect("belum terkirim", "3 dari 13 butir terisi", "*ya*", "*lanjut*").ExpectNot("Silakan pilih layanan", "Butir 5")
            .Send("lanjut").Expect("kita lanjutkan", "Butir 4 dari 13").ExpectNot("Silakan pilih layanan")
            .Send("081234567890").Expect("Butir 5 dari 13")
            .RunAsync();

    [Fact]
    public async Task Leaving_keeps_a_draft_that_lanjut_takes_up_later_where_it_stopped()
    {
        const string phone = "081300070032";
        await ToItem4(phone)
            .Send("081234567890").Expect("Butir 5 dari 13")
            .Send("batal").Expect("belum terkirim", "4 dari 13 butir terisi")
            .Send("ya").Expect("draf", "*lanjut*", "Silakan pilih layanan").ExpectNot("dibatalkan")
            // Another service meanwhile; it asks nothing before leaving.
            .Send("4").Expect("Layanan pengaduan")
            .Send("menu").Expect("Silakan pilih layanan").ExpectNot("belum terkirim")
            .RunAsync();

        await Host.Chat(phone)
            .Send("lanjut").Expect("kita lanjutkan formulir", "Butir 5 dari 13")
            .Send("Ahmad Yani").Send("ayah").Send("Jl. Merdeka 1").Send("081298765432")
            .Send("Budi Santoso").Send("3171051208850001").SendFile("image/jpeg", 100_000)
            .Send("siti@mail.co.id").Send("1")
            .Expect("1. Nama pemohon: Siti Aminah", "3. Alamat: Jl. Merdeka 1", "4. Nomor HP aktif: +6281234567890", "5. Nama penjamin: Ahmad Yani")
            .Send("setuju").Expect("INF-")
            .RunAsync();
    }

    [Fact]
    public async Task Choosing_the_service_again_resumes_the_draft_and_hapus_throws_it_away()
    {
        const string phone = "081300070033";
        await Host.Chat(phone)
            // Before consent nothing is kept, so nothing is asked.
            .Send("halo").Send("3").Send("1").Expect("setuju")
            .Send("menu").Expect("Silakan pilih layanan").ExpectNot("belum terkirim")
            .RunAsync();

        await ToItem4(phone)
            // A second "menu" at the question leaves, and keeps the draft.
            .Send("menu").Expect("belum terkirim")
            .Send("menu").Expect("draf", "Silakan pilih layanan")
            .Send("3").Expect("kita lanjutkan formulir", "Butir 4 dari 13").ExpectNot("Ajukan permohonan")
            .Send("batal").Expect("belum terkirim")
            .Send("hapus").Expect("draf dihapus", "Silakan pilih layanan")
            .Send("lanjut").ExpectNot("Butir")
            .Send("3").Expect("Informasi Integrasi", "Ajukan permohonan")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.UserAddress == "+6281300070033");
        Assert.DoesNotContain("Siti Aminah", conversation.DialogState ?? "");
    }
}

/// <summary>A half-finished form after the person went silent, on a fake clock.</summary>
public sealed class IntegrationResumeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task After_a_day_of_silence_the_form_is_resumed_where_it_stopped()
    {
        await _host.Chat("081300070011")
            .Send("halo").Send("3").Send("1").Send("ya")
            .Send("Siti Aminah").Send("1").Send("Jl. Merdeka 1").Expect("Butir 4 dari 13")
            .RunAsync();
        _clock.Advance(TimeSpan.FromHours(25));

        await _host.Chat("081300070011")
            .Send("halo").Expect("Selamat datang kembali", "3 dari 13 butir", "Lanjutkan", "Buang")
            .Send("1").Expect("kita lanjutkan", "Butir 4 dari 13")
            .Send("081234567890").Expect("Butir 5 dari 13")
            .Send("Ahmad Yani").Send("ayah").Send("Jl. Merdeka 1").Send("081298765432")
            .Send("Budi Santoso").Send("3171051208850001").SendFile("image/jpeg", 100_000)
            .Send("siti@mail.co.id").Send("1").Expect("1. Nama pemohon: Siti Aminah", "3. Alamat: Jl. Merdeka 1", "Asimilasi")
            .Send("setuju").Expect("INF-")
            .RunAsync();
    }

    [Fact]
    public async Task After_a_day_of_silence_the_form_can_be_discarded()
    {
        await _host.Chat("081300070012")
            .Send("halo").Send("3").Send("1").Send("ya").Send("Siti Aminah").Expect("Butir 2 dari 13")
            .RunAsync();
        _clock.Advance(TimeSpan.FromDays(1));

        await _host.Chat("081300070012")
            .Send("Jl. Merdeka 1").Expect("belum selesai", "1 dari 13 butir")
            .Send("buang").Expect("Formulir dibuang", "Silakan pilih layanan")
            .RunAsync();

        await using var db = _host.Store.CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.UserAddress == "+6281300070012");
        Assert.DoesNotContain("Siti Aminah", conversation.DialogState ?? "");
        Assert.False(await db.IntegrationRequests.AnyAsync(r => r.ConversationId == conversation.Id));
    }
}
