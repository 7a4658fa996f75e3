using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.Abh;

/// <summary>One running service for the ABH conversations, with an officer on duty now.</summary>
public sealed class AbhChatHost : IAsyncLifetime
{
    public const string OnDutyName = "Ani Lestari";

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var officer = await Host.Services.GetRequiredService<ChatBot.Bot.OfficerConsole.Auth.OfficerAccounts>()
            .CreateAsync("ani", OnDutyName, OfficerRole.ServiceOfficer, office.Id, "merah-putih-2026", "test", CancellationToken.None);
        var local = office.ToLocal(DateTime.UtcNow);
        var change = await Host.Services.GetRequiredService<DutyRoster>()
            .AddAsync(office.Id, officer.Id, local.AddHours(-2), local.AddHours(6), 0, Actor.Officer(officer.Id, "test"), CancellationToken.None);
        Assert.True(change.Ok, string.Join(" ", change.Problems));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>An investigator asks for ABH accompaniment on WhatsApp: wrong answers are explained and asked again, items corrected by number.</summary>
public sealed class AbhConversationTests(AbhChatHost fixture) : IClassFixture<AbhChatHost>
{
    private TestHost Host => fixture.Host;

    /// <summary>The menu entry and items 1–9 with valid answers: ends at the letter.</summary>
    internal static ChatScript FillToLetter(ChatScript chat) => chat
        .Send("halo").Expect("6. Pendampingan ABH (untuk penyidik/instansi)", "8. Bicara dengan petugas")
        .Send("6").Expect("Pendampingan ABH 24 jam", "UU No. 27 Tahun 2022", "*inisial* dan *usia*", "Butir 1 dari 10", "Kepolisian (penyidik)", "Kejaksaan")
        .Send("polisi").Expect("Butir 2 dari 10")
        .Send("Polres Magelang Kota").Expect("Butir 3 dari 10")
        .Send("Unit PPA Satreskrim").Expect("Butir 4 dari 10")
        .Send("Bripka Sutrisno").Expect("Butir 5 dari 10")
        .Send("0812 3456 7001").Expect("Butir 6 dari 10", "Inisial")
        .Send("A.R.").Expect("Butir 7 dari 10")
        .Send("15").Expect("Butir 8 dari 10")
        .Send("Ruang Unit PPA Polres Magelang Kota").Expect("Butir 9 dari 10")
        .Send("pencurian sepeda motor").Expect("Butir 10 dari 10", "surat permohonan", "2 MB");

    [Fact]
    public async Task Wrong_answers_are_explained_and_asked_again_and_items_are_corrected_by_number_before_submission()
    {
        const string phone = "081300080001";
        await Host.Chat(phone)
            .Send("halo").Send("pendampingan abh").Expect("Butir 1 dari 10")
            .Send("pengadilan tinggi").Expect("angka 1 sampai 3")
            .Send("2").Expect("Butir 2 dari 10")
            .Send("Kejari Kabupaten Magelang").Send("Seksi Pidana Umum").Send("Dewi Kartika").Expect("Butir 5 dari 10")
            .Send("12345").Expect("Nomor telepon belum benar").ExpectNot("Butir 6")
            .Send("081234567002").Expect("Butir 6 dari 10")
            // A child's full name is refused, politely, with why.
            .Send("Andi Rahman").Expect("*inisial* anak saja", "bukan nama lengkap", "UU PDP").ExpectNot("Butir 7")
            .Send("Budi").Expect("bukan nama lengkap")
            .Send("inisial itu apa?").Expect("huruf depan nama anak", "Butir 6 dari 10")
            .Send("a r").Expect("Butir 7 dari 10")
            // An age out of range, then a word.
            .Send("19").Expect("1 sampai 17", "belum berumur 18 tahun").ExpectNot("Butir 8")
            .Send("0").Expect("1 sampai 17")
            .Send("14").Expect("Butir 8 dari 10")
            .Send("Rumah aman Dinas Sosial Magelang").Expect("Butir 9 dari 10")
            .Send("curi").Expect("satu kalimat").ExpectNot("Butir 10")
            .Send("penganiayaan ringan terhadap teman sekolah").Expect("Butir 10 dari 10")
            // The letter's type comes from its bytes: a program renamed .pdf arrives as what it is.
            .Send("nanti saya kirim").Expect("PDF").ExpectNot("Mohon periksa")
            .SendFile("application/x-msdownload", 40_000).Expect("tidak dapat kami terima", "PDF")
            .SendFile("application/pdf", 3 * 1024 * 1024).Expect("terlalu besar", "2 MB")
            .SendFile("image/jpeg", 300_000).Expect("Mohon periksa", "1. Instansi: Kejaksaan", "5. Nomor HP petugas: +6281234567002",
                "6. Inisial anak: A.R.", "7. Usia anak: 14", "10. Surat permohonan: JPEG 292 KB", "*kirim*")
            .Send("7").Expect("Butir 7 dari 10")
            .Send("13").Expect("Mohon periksa", "7. Usia anak: 13")
            .Send("salah").Expect("nomor")
            .Send("6").Expect("Butir 6 dari 10")
            .Send("M. F.").Expect("6. Inisial anak: M.F.", "7. Usia anak: 13")
            .RunAsync();

        // Nothing is filed before the summary is agreed.
        await using (var db = Host.Store.CreateDbContext())
        {
            Assert.False(await db.AbhRequests.AnyAsync(r => r.RequesterPhone == "+6281234567002"));
        }

        var chat = Host.Chat(phone).Send("kirim").Expect("sudah *diterima*", "ABH-", $"Petugas piket saat ini: *{AbhChatHost.OnDutyName}*", "status abh");
        await chat.RunAsync();
        var code = Regex.Match(chat.LastReply, @"ABH-[0-9A-Z]{6}").Value;

        await using (var db = Host.Store.CreateDbContext())
        {
            var request = await db.AbhRequests.SingleAsync(r => r.Code == code);
            Assert.Equal(AbhRequestStatus.Received, request.Status);
            Assert.Equal(AbhInstitutions.Prosecutor, request.InstitutionKind);
            Assert.Equal("Kejari Kabupaten Magelang", request.InstitutionName);
            Assert.Equal("Seksi Pidana Umum", request.InstitutionUnit);
            Assert.Equal("Dewi Kartika", request.RequesterName);
            Assert.Equal("M.F.", request.ChildInitials);
            Assert.Equal(13, request.ChildAge);
            Assert.Equal("image/jpeg", request.LetterContentType);
            Assert.Equal(300_000, request.LetterBytes);
            Assert.Equal("filed", Assert.Single(await db.RequestEvents.Where(e => e.Code == code).ToListAsync()).Step);
        }

        // The status by code, for the requester only.
        await Host.Chat(phone)
            .Send($"status abh {code}").Expect($"*{code}*", "*Diterima*", "menyerahkan permohonan kepada Kepala")
            .Send($"status {code.ToLowerInvariant()}").Expect("*Diterima*")
            .RunAsync();
        await Host.Chat("081300080009")
            .Send($"status abh {code}").Expect("tidak kami temukan").ExpectNot("Diterima")
            .RunAsync();
    }

    [Fact]
    public async Task Cancelling_stores_nothing_and_leaving_keeps_a_draft_that_goes_on_where_it_stopped()
    {
        await FillToLetter(Host.Chat("081300080002"))
            .Send("menu").Expect("belum terkirim", "9 dari 10 butir")
            .Send("menu").Expect("draf", "Silakan pilih layanan")
            .Send("6").Expect("Butir 10 dari 10").ExpectNot("Butir 1 dari 10")
            .SendFile("application/pdf", 50_000).Expect("Mohon periksa", "2. Nama kantor: Polres Magelang Kota", "10. Surat permohonan: PDF 48 KB")
            .Send("batal").Expect("belum terkirim")
            .Send("hapus").Expect("Silakan pilih layanan")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.UserAddress == "+6281300080002");
        Assert.False(await db.AbhRequests.AnyAsync(r => r.ConversationId == conversation.Id));
        Assert.DoesNotContain("A.R.", conversation.DialogState ?? "");
    }

    [Fact]
    public async Task A_letter_sent_with_an_earlier_answer_is_kept_and_not_asked_for_again()
    {
        await Host.Chat("081300080003")
            .Send("halo").Send("6").Send("1").Send("Polsek Mertoyudan").Send("Unit Reskrim").Send("Aiptu Joko Susilo").Send("081234567003")
            .SendFile("application/pdf", 80_000, "B.S.").Expect("Surat permohonan sudah kami terima", "Butir 7 dari 10")
            .Send("16").Send("Polsek Mertoyudan").Send("perkelahian antarpelajar").Expect("Mohon periksa", "6. Inisial anak: B.S.", "10. Surat permohonan: PDF 78 KB")
            .ExpectNot("Butir 10 dari 10")
            .Send("kirim").Expect("ABH-")
            .RunAsync();
    }
}
