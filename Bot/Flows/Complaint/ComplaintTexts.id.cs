using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Complaints;

namespace ChatBot.Bot.Flows.Complaint;

public sealed partial record ComplaintTexts
{
    public static readonly ComplaintTexts Indonesian = new()
    {
        Menu = new("Pengaduan", ["pengaduan", "aduan", "komplain", "keluhan", "lapor"]),
        ChooseAction = "*Layanan pengaduan*. Apa yang ingin Anda lakukan?",
        NewComplaint = "Sampaikan pengaduan baru",
        CheckStatus = "Cek status pengaduan",
        AskCategory = "Pengaduan Anda tentang apa?",
        Categories = new Dictionary<ComplaintCategory, string>
        {
            [ComplaintCategory.VisitService] = "Layanan kunjungan",
            [ComplaintCategory.Litmas] = "Litmas",
            [ComplaintCategory.Integration] = "Integrasi (asimilasi, PB, CB, CMB)",
            [ComplaintCategory.OfficerConduct] = "Perilaku petugas",
            [ComplaintCategory.Facilities] = "Sarana dan prasarana",
            [ComplaintCategory.Extortion] = "Pungutan liar (pungli) atau pemerasan",
            [ComplaintCategory.Other] = "Lainnya",
        },
        AskDescription = "Ceritakan pengaduan Anda dalam *satu pesan*: apa yang terjadi, kapan, dan di mana.",
        DescriptionTooShort = "Mohon ceritakan sedikit lebih lengkap (paling sedikit 10 huruf) agar petugas dapat menindaklanjutinya.",
        AskFile = "Jika ada *foto atau dokumen* pendukung (JPG, PNG atau PDF, paling besar 5 MB), kirimkan sekarang. Jika tidak ada, ketik *lewati*.",
        FileOrSkip = "Silakan kirim foto atau dokumen (JPG, PNG atau PDF), atau ketik *lewati* jika tidak ada.",
        FileReceived = "Berkas diterima.",
        AskAnonymous = "Apakah Anda ingin melapor secara *anonim*? Jika ya, nama dan nomor/alamat Anda tidak ditampilkan kepada petugas, tetapi jawaban tetap kami kirim ke sini.",
        AskName = "Siapa nama Anda?",
        Summary = (category, description, file, reporter) =>
            $"Ringkasan pengaduan:\n1. Kategori: {category}\n2. Isi: {description}\n3. Lampiran: {(file ? "ada" : "tidak ada")}\n4. Pelapor: {reporter ?? "anonim"}",
        ConfirmSend = "Kirim pengaduan ini? Ketik *ya* untuk mengirim, atau nomor butir (1–4) yang ingin diperbaiki. Ketik *batal* bila tidak jadi mengirim.",
        NotSent = "Baik, pengaduan dibatalkan dan tidak dikirim.",
        Filed = (code, review, answer) =>
            $"Terima kasih, pengaduan Anda sudah kami terima dengan kode *{code}*. Simpan kode ini.\n\n" +
            $"Pengaduan akan ditelaah Kepala paling lambat {review} dan dijawab paling lambat {answer}. Setiap perkembangan kami kabarkan di sini.\n\n" +
            $"Cek status kapan saja dengan mengetik: *status pengaduan {code}*",
        AskCode = "Ketik kode pengaduan Anda (contoh: ADU-7K3P9Q).",
        CodeFormat = "Kode pengaduan diawali *ADU-* lalu 6 huruf/angka, contoh: ADU-7K3P9Q.",
        NotFound = code => $"Pengaduan dengan kode {code} tidak kami temukan di kantor ini. Periksa kembali kodenya.",
        Paused = time => $"Terlalu banyak kode yang tidak ditemukan. Silakan coba lagi setelah pukul {time}.",
        Busy = time => $"Mohon maaf, layanan pengecekan status sedang sangat sibuk. Silakan coba lagi setelah pukul {time}, atau hubungi kantor kami.",
        Statuses = new Dictionary<ComplaintStatus, string>
        {
            [ComplaintStatus.Received] = "diterima, menunggu telaah Kepala",
            [ComplaintStatus.Reviewed] = "sudah ditelaah Kepala dan sedang ditindaklanjuti pejabat yang bertanggung jawab",
            [ComplaintStatus.FollowedUp] = "sudah ditindaklanjuti, jawaban resmi sedang disiapkan",
            [ComplaintStatus.Closed] = "selesai dan sudah dijawab",
        },
        StatusLine = (code, category, received, status) => $"Pengaduan *{code}* ({category}), diterima {received}.\nStatus: *{status}*.",
        AnswerWas = answer => $"Jawaban resmi:\n{answer}",
        StatusChanged = (code, status) => $"Kabar pengaduan *{code}*: status sekarang *{status}*.",
        Answered = (code, answer) => $"Jawaban resmi atas pengaduan *{code}*:\n\n{answer}\n\nPengaduan ini kami nyatakan selesai. Terima kasih telah menyampaikannya.",
        AskScore = "Seberapa puas Anda dengan penanganan pengaduan ini? Balas dengan angka *1* (sangat tidak puas) sampai *5* (sangat puas).",
        AskComment = "Ada saran atau komentar? Tulis dalam satu pesan, atau ketik *lewati*.",
        SurveyThanks = "Terima kasih atas penilaian Anda. Ketik *menu* untuk layanan lain.",
        SurveyLater = code => $"Untuk menilai penanganan pengaduan ini, ketik *status pengaduan {code}*.",
        Subject = code => $"Pengaduan {code}",
        SkipWords = ["lewati", "lewat", "tidak ada", "tidak", "ga ada", "gak ada", "nggak ada", "tdk ada"],
        DayNames = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    };
}
