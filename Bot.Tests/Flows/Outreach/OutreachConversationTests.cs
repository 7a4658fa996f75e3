using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Outreach;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Flows.Outreach;

/// <summary>One running service for the outreach conversations.</summary>
public sealed class OutreachChatHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>A school asks for an outreach session on WhatsApp: wrong answers are explained and asked again, items corrected by number.</summary>
public sealed class OutreachConversationTests(OutreachChatHost fixture) : IClassFixture<OutreachChatHost>
{
    private TestHost Host => fixture.Host;

    /// <summary>The menu entry and items 1–9 with valid answers: ends at the letter.</summary>
    internal static ChatScript FillToLetter(ChatScript chat) => chat
        .Send("halo").Expect("7. Penyuluhan desa/sekolah", "8. Bicara dengan petugas")
        .Send("7").Expect("Bambang Solah", "tidak dipungut biaya", "Butir 1 dari 10", "Desa/kelurahan", "Sekolah")
        .Send("desa").Expect("Butir 2 dari 10")
        .Send("Desa Banyurojo").Expect("Butir 3 dari 10")
        .Send("Slamet Riyadi").Expect("Butir 4 dari 10")
        .Send("0812 3456 7200").Expect("Butir 5 dari 10")
        .Send("slamet@banyurojo.test").Expect("Butir 6 dari 10")
        .Send("3 Maret 2031").Expect("Butir 7 dari 10", "1. Bahaya narkoba", "6. Lainnya (tulis sendiri)")
        .Send("2").Expect("Butir 8 dari 10", "hal khusus")
        .Send("perundungan di lingkungan RT").Expect("Butir 9 dari 10")
        .Send("60 warga dan perangkat desa").Expect("Butir 10 dari 10", "surat permohonan", "2 MB");

    [Fact]
    public async Task Wrong_answers_are_explained_and_asked_again_and_items_are_corrected_by_number_before_submission()
    {
        const string phone = "081300090001";
        await Host.Chat(phone)
            .Send("halo").Expect("7. Penyuluhan desa/sekolah")
            .Send("penyuluhan").Expect("Butir 1 dari 10")
            .Send("pabrik").Expect("angka 1 sampai 3")
            .Send("sekolah").Expect("Butir 2 dari 10")
            .Send("SMP Negeri 2 Mertoyudan").Expect("Butir 3 dari 10")
            .Send("Sri Wahyuni").Expect("Butir 4 dari 10")
            .Send("12345").Expect("Nomor telepon belum benar").ExpectNot("Butir 5")
            .Send("0812 3456 7100").Expect("Butir 5 dari 10")
            .Send("tidak ada").Expect("Butir 6 dari 10")
            // Dates: not understood, in the past, too many; then two in one answer.
            .Send("secepatnya").Expect("belum kami pahami", "1 sampai 3 tanggal").ExpectNot("Butir 7")
            .Send("10-01-2020").Expect("sudah lewat").ExpectNot("Butir 7")
            .Send("1 Maret 2031, 2 Maret 2031, 3 Maret 2031, 4 Maret 2031").Expect("Paling banyak 3").ExpectNot("Butir 7")
            .Send("5-3-2031 atau 3 Maret 2031").Expect("Butir 7 dari 10")
            // "lainnya" needs its own words.
            .Send("lainnya").Expect("Butir 8 dari 10", "topik yang Anda inginkan")
            .Send("tidak ada").Expect("topik *lainnya*").ExpectNot("Butir 9")
            .Send("bahaya judi online bagi pelajar").Expect("Butir 9 dari 10")
            .Send("seluruh siswa kelas IX").Expect("perkiraan jumlahnya dengan angka").ExpectNot("Butir 10")
            .Send("120 siswa kelas 8").Expect("Butir 10 dari 10")
            // The letter's type comes from its bytes, and its size is limited.
            .Send("nanti saya kirim").Expect("PDF").ExpectNot("Mohon periksa")
            .SendFile("application/x-msdownload", 40_000).Expect("tidak dapat kami terima")
            .SendFile("application/pdf", 3 * 1024 * 1024).Expect("terlalu besar", "2 MB")
            .SendFile("application/pdf", 200_000).Expect("Mohon periksa",
                "1. Lembaga: Sekolah", "2. Nama lembaga: SMP Negeri 2 Mertoyudan", "4. Nomor HP: +6281234567100", "5. Email: tidak ada",
                "6. Tanggal diinginkan: Senin, 3 Maret 2031; Rabu, 5 Maret 2031", "7. Topik: Lainnya (tulis sendiri)",
                "8. Keterangan topik: bahaya judi online bagi pelajar", "9. Peserta: 120 siswa kelas 8", "10. Surat permohonan: PDF 195 KB", "*kirim*")
            // A topic of the list instead: its detail is asked again, and may be left out.
            .Send("7").Expect("Butir 7 dari 10")
            .Send("1").Expect("Butir 8 dari 10", "hal khusus")
            .Send("tidak ada").Expect("Mohon periksa", "7. Topik: Bahaya narkoba", "8. Keterangan topik: tidak ada")
            .Send("salah").Expect("nomor")
            .Send("9").Expect("Butir 9 dari 10")
            .Send("150 siswa kelas 8 dan 9").Expect("Mohon periksa", "9. Peserta: 150 siswa kelas 8 dan 9", "7. Topik: Bahaya narkoba")
            .RunAsync();

        // Nothing is filed before the summary is agreed.
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.False(await db.OutreachRequests.AnyAsync(r => r.ContactPhone == "+6281234567100"));
        }

        var chat = Host.Chat(phone).Send("kirim").Expect("sudah *diterima*", "SOS-", "status SOS-");
        await chat.RunAsync();
        var code = Regex.Match(chat.LastReply, @"SOS-[0-9A-Z]{6}").Value;

        await using (var db = Host.Store.CreateDbContext())
        {
            var request = await db.OutreachRequests.SingleAsync(r => r.Code == code);
            Assert.Equal(OutreachStatus.Submitted, request.Status);
            Assert.Equal(OutreachInstitutions.School, request.InstitutionKind);
            Assert.Equal("SMP Negeri 2 Mertoyudan", request.InstitutionName);
            Assert.Equal("Sri Wahyuni", request.ContactName);
            Assert.Null(request.ContactEmail);
            Assert.Equal("2031-03-03, 2031-03-05", request.PreferredDates);
            Assert.Equal("narkoba", request.Topic);
            Assert.Null(request.TopicDetail);
            Assert.Equal(150, request.AudienceSize);
            Assert.Equal("application/pdf", request.LetterContentType);
            Assert.Equal(200_000, request.LetterBytes);
            Assert.StartsWith("test/", request.LetterPath, StringComparison.Ordinal);
            Assert.Equal("filed", Assert.Single(await db.RequestEvents.Where(e => e.Code == code).ToListAsync()).Step);
        }

        // The status by code, from anywhere, for the requester only.
        await Host.Chat(phone)
            .Send($"status {code}").Expect($"*{code}*", "*Diterima*", "mencatat permohonan")
            .Send("halo").Send("7").Expect("Butir 1 dari 10")
            .Send($"status {code.ToLowerInvariant()}").Expect("*Diterima*", "Butir 1 dari 10")
            .RunAsync();
        await Host.Chat("081300090009")
            .Send($"status {code}").Expect("tidak kami temukan").ExpectNot("Diterima")
            .RunAsync();
    }

    [Fact]
    public async Task A_letter_sent_with_an_earlier_answer_is_kept_and_the_form_files_with_the_topic_detail()
    {
        var chat = Host.Chat("081300090002");
        await FillToLetter(chat)
            .SendFile("image/png", 120_000).Expect("Mohon periksa", "1. Lembaga: Desa/kelurahan", "5. Email: slamet@banyurojo.test",
                "6. Tanggal diinginkan: Senin, 3 Maret 2031", "8. Keterangan topik: perundungan di lingkungan RT", "10. Surat permohonan: PNG 117 KB")
            .Send("kirim").Expect("SOS-")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var request = await db.OutreachRequests.SingleAsync(r => r.ContactPhone == "+6281234567200");
        Assert.Equal("perundungan", request.Topic);
        Assert.Equal("perundungan di lingkungan RT", request.TopicDetail);
        Assert.Equal(60, request.AudienceSize);
        Assert.Equal("slamet@banyurojo.test", request.ContactEmail);
    }

    [Fact]
    public async Task Cancelling_stores_nothing()
    {
        await FillToLetter(Host.Chat("081300090003"))
            .Send("batal").Expect("belum terkirim")
            .Send("hapus").Expect("Silakan pilih layanan")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.UserAddress == "+6281300090003");
        Assert.False(await db.OutreachRequests.AnyAsync(r => r.ConversationId == conversation.Id));
    }
}
