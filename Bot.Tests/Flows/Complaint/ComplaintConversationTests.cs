using ChatBot.Bot.Flows.Complaint;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.Complaint;

/// <summary>Complaints as citizens make them on the chat: filing, status by ticket code, the survey after closing.</summary>
public sealed class ComplaintConversationTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_anonymous_complaint_with_a_photo_gets_a_ticket_code_and_its_status()
    {
        var chat = _host.Chat("081200070001");
        await chat
            .Send("halo").Expect("Selamat datang")
            .Send("4").Expect("Layanan pengaduan", "1. Sampaikan pengaduan baru", "2. Cek status pengaduan")
            .Send("1").Expect("tentang apa", "4. Perilaku petugas")
            .Send("4").Expect("satu pesan")
            .Send("Petugas di loket kunjungan meminta uang Rp50.000 agar antrean saya didahulukan.").Expect("foto atau dokumen", "lewati")
            .SendFile("image/jpeg", 200_000).Expect("Berkas diterima", "anonim")
            .Send("ya").Expect("Kategori: Perilaku petugas", "Lampiran: ada", "Pelapor: anonim", "Kirim pengaduan ini?")
            .Send("ya").Expect("ADU-", "status pengaduan ADU-")
            .RunAsync();
        var code = TicketCode.Find(ComplaintRequests.Prefix, chat.LastReply)!;

        var complaint = await FindAsync(code);
        Assert.True(complaint.Anonymous);
        Assert.Null(complaint.ReporterName);
        Assert.Equal(ComplaintCategory.OfficerConduct, complaint.Category);
        Assert.Equal("image/jpeg", complaint.AttachmentContentType);
        Assert.Equal(ComplaintStatus.Received, complaint.Status);

        // Later, through the menu, typing the code in lower case.
        await _host.Chat("081200070001")
            .Send("menu").Expect("Silakan pilih layanan")
            .Send("pengaduan").Expect("Layanan pengaduan")
            .Send("2").Expect("kode pengaduan")
            .Send(code.ToLowerInvariant()).Expect(code, "Perilaku petugas", "menunggu telaah Kepala")
            .RunAsync();
    }

    [Fact]
    public async Task A_named_complaint_is_answered_by_a_status_message_from_anywhere()
    {
        var code = await FileNamedAsync("081200070002", "Budi Santoso");
        var complaint = await FindAsync(code);
        Assert.False(complaint.Anonymous);
        Assert.Equal("Budi Santoso", complaint.ReporterName);
        Assert.Null(complaint.AttachmentPath);

        // Straight after filing (the menu waits quietly), and after starting something else.
        await _host.Chat("081200070002")
            .Send($"status pengaduan {code}").Expect(code, "Sarana dan prasarana", "menunggu telaah Kepala")
            .Send("menu").Expect("Silakan pilih layanan")
            .Send($"Status pengaduan {code} bagaimana?").Expect(code, "menunggu telaah Kepala").ExpectNot("Selamat datang")
            .RunAsync();
    }

    [Fact]
    public async Task A_code_asked_from_another_number_is_not_found_like_an_unknown_one_and_counts_as_a_guess()
    {
        const int limit = 5; // Lookups:MaxFailures by default
        var code = await FileNamedAsync("081200070010", "Budi Santoso");

        // Someone else with the leaked code: word for word what an unknown code gets.
        var other = _host.Chat("081200070011").Send($"status pengaduan {code}").ExpectNot("Sarana", "menunggu telaah", "Budi");
        await other.RunAsync();
        var leaked = other.LastReply;
        var stranger = _host.Chat("081200070012").Send("status pengaduan ADU-ZZZZZZ");
        await stranger.RunAsync();
        Assert.Contains("tidak kami temukan", leaked);
        Assert.Equal(stranger.LastReply.Replace("ADU-ZZZZZZ", "CODE"), leaked.Replace(code, "CODE"));

        // Every such try counts: after the limit the other number is paused, the complainant is not.
        var tries = _host.Chat("081200070011");
        for (var i = 1; i < limit; i++)
        {
            tries.Send($"status pengaduan {code}").Expect("tidak kami temukan");
        }

        await tries.Send($"status pengaduan {code}").Expect("Terlalu banyak kode", "coba lagi setelah pukul").ExpectNot("Sarana", "tidak kami temukan").RunAsync();
        await _host.Chat("081200070010")
            .Send($"status pengaduan {code}").Expect(code, "Sarana dan prasarana", "menunggu telaah Kepala")
            .RunAsync();

        await using var db = _host.Store.CreateDbContext();
        var attempts = await db.LookupAttempts.Where(a => a.Sender == "+6281200070011").ToListAsync();
        Assert.Equal(limit, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((ChatBot.Domain.Lookups.LookupKinds.Complaint, false, code), (a.Kind, a.Found, a.Query)));
    }

    [Fact]
    public async Task Asking_a_complaints_status_in_the_middle_of_another_flow_keeps_that_flows_place()
    {
        var code = await FileNamedAsync("081200070005", "Rina");

        await _host.Chat("081200070005")
            .Send("menu").Expect("Silakan pilih layanan")
            .Send("1").Expect("nama lengkap")
            .Send($"status pengaduan {code}").Expect(code, "menunggu telaah Kepala", "nama lengkap")
            .Send("status pengaduan ADU-ZZZZZZ").Expect("ADU-ZZZZZZ", "nama lengkap")
            .RunAsync();
    }

    [Fact]
    public Task Wrong_answers_are_explained_and_the_complaint_goes_on() =>
        _host.Chat("081200070004")
            .Send("4").Expect("Layanan pengaduan")
            .Send("1").Expect("tentang apa")
            .Send("9").Expect("angka 1 sampai 7", "1. Layanan kunjungan")
            .Send("litmas").Expect("satu pesan")
            .Send("jelek").Expect("lebih lengkap")
            .Send("Litmas anak saya belum selesai padahal sudah dua bulan.").Expect("foto atau dokumen")
            .Send("apa maksudnya").Expect("ketik *lewati* jika tidak ada")
            .SendFile("application/pdf", 6 * 1024 * 1024).Expect("terlalu besar", "5 MB")
            .Send("lewati").Expect("anonim")
            .Send("mungkin").Expect("jawab *ya* atau *tidak*")
            .Send("ya").Expect("Pelapor: anonim")
            .Send("kembali").Expect("anonim").ExpectNot("Ringkasan")
            .Send("tidak").Expect("nama")
            .Send("Sari").Expect("Kategori: Litmas", "Pelapor: Sari")
            .Send("tidak").Expect("bagian mana", "Kategori: Litmas").ExpectNot("tidak dikirim")
            .Send("batal").Expect("tidak dikirim", "Silakan pilih layanan")
            .RunAsync();

    [Fact]
    public async Task Saying_no_at_the_summary_offers_corrections_by_number_and_only_batal_cancels()
    {
        var chat = _host.Chat("081200070081");
        await chat
            .Send("pengaduan").Send("baru").Send("5")
            .Send("Kursi ruang tunggu kunjungan banyak yang patah.").Send("lewati").Send("tidak").Send("Rina")
            .Expect("1. Kategori: Sarana dan prasarana", "2. Isi: Kursi ruang tunggu", "3. Lampiran: tidak ada", "4. Pelapor: Rina", "nomor butir (1–4)")
            .Send("Tidak").Expect("bagian mana", "Ringkasan pengaduan", "2. Isi: Kursi ruang tunggu").ExpectNot("tidak dikirim", "Silakan pilih layanan")
            .Send("2").Expect("satu pesan").ExpectNot("tentang apa")
            .Send("Kursi ruang tunggu banyak yang patah dan kipas anginnya mati.").Expect("Ringkasan pengaduan", "2. Isi: Kursi ruang tunggu banyak yang patah dan kipas anginnya mati.", "4. Pelapor: Rina").ExpectNot("foto atau dokumen")
            .Send("salah").Expect("bagian mana", "Ringkasan pengaduan")
            .Send("1").Expect("tentang apa")
            .Send("perilaku petugas").Expect("1. Kategori: Perilaku petugas", "kipas anginnya mati").ExpectNot("satu pesan")
            .Send("ubah").Expect("bagian mana")
            .Send("nomor 4").Expect("anonim")
            .Send("ya").Expect("4. Pelapor: anonim", "1. Kategori: Perilaku petugas")
            .Send("ya").Expect("ADU-")
            .RunAsync();

        var complaint = await FindAsync(TicketCode.Find(ComplaintRequests.Prefix, chat.LastReply)!);
        Assert.Equal(ComplaintCategory.OfficerConduct, complaint.Category);
        Assert.Equal("Kursi ruang tunggu banyak yang patah dan kipas anginnya mati.", complaint.Description);
        Assert.True(complaint.Anonymous);
        Assert.Null(complaint.ReporterName);
    }

    [Fact]
    public async Task A_wrong_or_unknown_code_is_asked_again()
    {
        await _host.Chat("081200070005")
            .Send("4").Expect("Layanan pengaduan")
            .Send("cek status").Expect("kode pengaduan")
            .Send("12345").Expect("diawali *ADU-*")
            .Send("ADU-ZZZZZZ").Expect("tidak kami temukan", "kode pengaduan")
            .RunAsync();
        await using var db = _host.Store.CreateDbContext();
        Assert.Equal(1, await db.LookupAttempts.CountAsync(a => a.Kind == ChatBot.Domain.Lookups.LookupKinds.Complaint && !a.Found));
    }

    [Fact]
    public async Task After_the_answer_the_complainant_rates_it_and_only_they_see_the_answer_again()
    {
        var code = await FileNamedAsync("081200070006", "Rina");
        var id = (await FindAsync(code)).Id;
        var accounts = _host.Services.GetRequiredService<ChatBot.Bot.OfficerConsole.Auth.OfficerAccounts>();
        var office = ChatBot.Bot.Tests.Console.ConsoleData.DefaultOfficeId(_host);
        var head = await accounts.CreateAsync("kepala-survei", "Kepala Rutan", OfficerRole.Kepala, office, "Sandi-Uji-2026!", "test", CancellationToken.None);
        var official = await accounts.CreateAsync("kasubsi-survei", "Kasubsi Pelayanan", OfficerRole.ServiceOfficer, office, "Sandi-Uji-2026!", "test", CancellationToken.None);

        Assert.Equal(RequestActionStatus.Forbidden, await Desk.ComplaintAsync(_host, id, ComplaintRequests.Steps.Review, official, new StepInput("Periksa kursi.", official.Id)));
        Assert.Equal(RequestActionStatus.Done, await Desk.ComplaintAsync(_host, id, ComplaintRequests.Steps.Review, head, new StepInput("Periksa dan ganti kursi yang rusak.", official.Id)));
        Assert.Equal(RequestActionStatus.Conflict, await Desk.ComplaintAsync(_host, id, ComplaintRequests.Steps.Review, head, new StepInput("Sekali lagi.", official.Id)));
        Assert.Equal(RequestActionStatus.Done, await Desk.ComplaintAsync(_host, id, ComplaintRequests.Steps.FollowUp, official, new StepInput("Kursi diganti.", Choice: nameof(ComplaintFollowUpKind.Fix))));
        Assert.Equal(RequestActionStatus.Done, await Desk.ComplaintAsync(_host, id, ComplaintRequests.Steps.Answer, official, new StepInput("Kursi ruang tunggu sudah diganti pada hari ini.")));

        var said = await WaitForSimulatorAsync("081200070006", "Kursi ruang tunggu sudah diganti");
        Assert.Contains("angka *1*", said);
        var sent = (await _host.Gateway.HistoryAsync("081200070006", 100, CancellationToken.None)).Where(l => l.Direction == "out").ToList();
        Assert.Equal(2, sent.Count(l => l.Body.Contains($"Kabar pengaduan *{code}*")));
        Assert.Single(sent, l => l.Body.Contains($"Jawaban resmi atas pengaduan *{code}*"));

        await _host.Chat("081200070006")
            .Send("7").Expect("angka dari 1 sampai 5")
            .Send("4").Expect("saran atau komentar")
            .Send("Cepat ditangani, terima kasih.").Expect("Terima kasih atas penilaian")
            .Send($"status pengaduan {code}").Expect("selesai dan sudah dijawab", "Kursi ruang tunggu sudah diganti").ExpectNot("angka *1*")
            .RunAsync();
        await _host.Chat("081200070007")
            .Send($"status pengaduan {code}").Expect("tidak kami temukan").ExpectNot("selesai", "Kursi ruang tunggu sudah diganti")
            .RunAsync();

        var rated = await FindAsync(code);
        Assert.Equal(4, rated.SurveyScore);
        Assert.Equal("Cepat ditangani, terima kasih.", rated.SurveyComment);
        var history = await Desk.HistoryAsync(_host, ComplaintRequests.Kind, code);
        Assert.Equal(["filed", "review", "follow-up", "answer"], history.Select(e => e.Step));
        Assert.Equal([null, head.Id, official.Id, official.Id], history.Select(e => e.OfficerId));
        Assert.NotNull(rated.ReviewedAt);
    }

    private async Task<string> FileNamedAsync(string phone, string name)
    {
        var chat = _host.Chat(phone);
        await chat
            .Send("pengaduan").Expect("Layanan pengaduan")
            .Send("baru").Expect("tentang apa")
            .Send("5").Expect("satu pesan")
            .Send("Kursi ruang tunggu kunjungan banyak yang patah.").Expect("foto atau dokumen")
            .Send("lewati").Expect("anonim")
            .Send("tidak").Expect("nama")
            .Send(name).Expect($"Pelapor: {name}", "Lampiran: tidak ada")
            .Send("ya").Expect("ADU-")
            .RunAsync();
        return TicketCode.Find(ComplaintRequests.Prefix, chat.LastReply)!;
    }

    private async Task<ChatBot.Domain.Complaints.Complaint> FindAsync(string code)
    {
        await using var db = _host.Store.CreateDbContext();
        return await db.Complaints.AsNoTracking().SingleAsync(c => c.Code == code);
    }

    private async Task<string> WaitForSimulatorAsync(string phone, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var line = (await _host.Gateway.HistoryAsync(phone, 100, CancellationToken.None)).LastOrDefault(l => l.Direction == "out" && l.Body.Contains(text));
            if (line is not null)
            {
                return line.Body;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"\"{text}\" did not reach {phone}.");
    }

    [Fact]
    public async Task A_yes_or_a_thanks_at_the_name_question_is_not_taken_as_the_complainants_name()
    {
        var chat = _host.Chat("081200070061");
        await chat
            .Send("pengaduan").Expect("Layanan pengaduan")
            .Send("baru").Expect("tentang apa")
            .Send("5").Expect("satu pesan")
            // A question is a complaint's natural form: the description takes it as it is.
            .Send("Kenapa kursi ruang tunggu kunjungan dibiarkan patah?").Expect("foto atau dokumen")
            .Send("lewati").Expect("anonim")
            .Send("tidak").Expect("nama")
            .Send("ya").Expect("nama lengkap, misalnya").ExpectNot("Pelapor: ya")
            .Send("makasih").Expect("nama lengkap, misalnya")
            .Send("nama saya siapa?").Expect("pertanyaan", "Mohon jawab pertanyaan ini", "nama")
            .Send("Rahmat Hidayat").Expect("Pelapor: Rahmat Hidayat", "Kenapa kursi ruang tunggu")
            .Send("ya").Expect("ADU-")
            .RunAsync();

        var complaint = await FindAsync(TicketCode.Find(ComplaintRequests.Prefix, chat.LastReply)!);
        Assert.Equal("Rahmat Hidayat", complaint.ReporterName);
    }

    [Fact]
    public async Task Pungli_is_a_category_and_such_a_complaint_reaches_the_head_and_not_the_other_officers()
    {
        var chat = _host.Chat("081200070071");
        await chat
            .Send("pengaduan").Expect("Layanan pengaduan")
            .Send("baru").Expect("tentang apa", "Pungutan liar (pungli)")
            .Send("pungli").Expect("satu pesan")
            .Send("Saya dimintai uang Rp100.000 supaya bisa video call lebih lama.").Expect("foto atau dokumen")
            .Send("lewati").Expect("anonim")
            .Send("ya").Expect("Kategori: Pungutan liar (pungli) atau pemerasan")
            .Send("kirim").Expect("ADU-")
            .RunAsync();
        var code = TicketCode.Find(ComplaintRequests.Prefix, chat.LastReply)!;
        var complaint = await FindAsync(code);
        Assert.Equal(ComplaintCategory.Extortion, complaint.Category);

        using var desk = await Console.ConsoleClient.SignedInAsync(_host, OfficerRole.ServiceOfficer);
        Assert.DoesNotContain(code, await Console.ConsoleClient.TextAsync(await desk.Http.GetAsync("/console/pengaduan")));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await desk.Http.GetAsync($"/console/pengaduan/{complaint.Id}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await desk.Http.GetAsync($"/console/permohonan/complaint/{complaint.Id}")).StatusCode);

        using var head = await Console.ConsoleClient.SignedInAsync(_host, OfficerRole.Kepala);
        Assert.Contains(code, await Console.ConsoleClient.TextAsync(await head.Http.GetAsync("/console/pengaduan")));
        Assert.Contains(code, await Console.ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/pengaduan/{complaint.Id}")));
        // The generic request pages send the head on to the complaint's own page.
        var generic = await head.Http.GetAsync($"/console/permohonan/complaint/{complaint.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, generic.StatusCode);
        Assert.Equal($"/console/pengaduan/{complaint.Id}", generic.Headers.Location?.OriginalString);
        Assert.Equal("/console/pengaduan", (await head.Http.GetAsync("/console/permohonan/complaint")).Headers.Location?.OriginalString);

        // The complainant's conversation is kept from the desk as the complaint is; the head reads it.
        var transcript = $"/console/percakapan/{complaint.ConversationId}";
        var deskView = await Console.ConsoleClient.TextAsync(await desk.Http.GetAsync(transcript));
        Assert.DoesNotContain("Rp100.000", deskView);
        Assert.DoesNotContain("+6281200070071", deskView);
        Assert.Contains("Sebagian pesan tidak ditampilkan", deskView);
        Assert.Contains("Rp100.000", await Console.ConsoleClient.TextAsync(await head.Http.GetAsync(transcript)));
    }
}
