using ChatBot.Bot.Dialogs;
using System.Globalization;
using ChatBot.Domain.Integration;

namespace ChatBot.Bot.Flows.IntegrationInfo;

public sealed partial record IntegrationTexts
{
    public static readonly IntegrationTexts Indonesian = new()
    {
        Menu = new("Informasi integrasi (asimilasi, PB, CB, CMB)", ["integrasi", "asimilasi", "pb", "cb", "cmb", "pembebasan bersyarat", "cuti bersyarat", "cuti menjelang bebas"]),
        Intro = "*Layanan Informasi Integrasi* (asimilasi, pembebasan bersyarat, cuti bersyarat, cuti menjelang bebas). Layanan ini tidak dipungut biaya. Apa yang ingin Anda lakukan?",
        NewRequest = "Ajukan permohonan informasi",
        AskStatus = "Cek status permohonan",
        Consent = days =>
            "Sebelum mulai, mohon dibaca (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi):\n" +
            "• *Untuk apa:* data Anda, penjamin dan WBP diperlukan agar petugas dapat memeriksa data WBP di Sistem Database Pemasyarakatan (SDP) dan mengirim jawaban kepada Anda.\n" +
            "• *Siapa yang melihat:* hanya petugas layanan kantor ini yang berwenang; foto KTP hanya dapat dibuka oleh petugas yang diberi hak, dan setiap pembukaan dicatat.\n" +
            $"• *Berapa lama:* data pribadi dan foto KTP dihapus {days} hari setelah permohonan selesai; yang tersisa hanya angka statistik tanpa identitas.\n" +
            "Formulir berisi 13 butir (sekitar 10 menit). Ketik *batal* kapan saja untuk berhenti.\n\n" +
            "Apakah Anda setuju data Anda diproses untuk layanan ini?",
        NoConsent = "Baik, tanpa persetujuan Anda kami tidak menyimpan data apa pun dan permohonan tidak dapat diproses. Ketik *menu* untuk layanan lain.",
        Questions =
        [
            "Butir 1 dari 13 — *Nama lengkap* Anda (pemohon)?",
            "Butir 2 dari 13 — *Hubungan* Anda dengan WBP?",
            "Butir 3 dari 13 — *Alamat* Anda?",
            "Butir 4 dari 13 — *Nomor HP/WhatsApp aktif* Anda? Jawaban akan dikirim ke nomor ini.",
            "Butir 5 dari 13 — *Nama penjamin*?",
            "Butir 6 dari 13 — *Hubungan penjamin* dengan WBP (contoh: ayah, istri, kakak)?",
            "Butir 7 dari 13 — *Alamat penjamin*?",
            "Butir 8 dari 13 — *Nomor HP penjamin*?",
            "Butir 9 dari 13 — *Nama WBP / anak* yang sedang menjalani proses integrasi?",
            "Butir 10 dari 13 (KTP, bagian 1 dari 2) — Ketik *NIK* (16 angka) pada KTP Anda.",
            "Butir 10 dari 13 (KTP, bagian 2 dari 2) — NIK tercatat. Sekarang kirim *foto atau scan KTP* Anda (JPG, PNG atau PDF, paling besar 2 MB).",
            "Butir 11 dari 13 — *Alamat email aktif* Anda? Jawaban juga dikirim ke email ini. Bila tidak punya, ketik *tidak ada*.",
            "Butir 12 dari 13 — *Informasi* apa yang Anda perlukan?",
        ],
        QuestionHelps = new Dictionary<int, string>
        {
            [0] = "Pemohon adalah Anda sendiri, yang mengisi formulir ini. Tulis nama lengkap Anda sesuai KTP.",
            [4] = "Penjamin adalah orang yang menjamin WBP selama menjalani program di luar lapas/rutan, biasanya keluarga dekat (orang tua, suami/istri, kakak). Penjamin boleh Anda sendiri.",
            [8] = "Tulis nama lengkap WBP atau anak yang Anda tanyakan, sesuai yang Anda ketahui.",
            [9] = "NIK (Nomor Induk Kependudukan) adalah 16 angka di bagian atas KTP Anda, di bawah tulisan PROVINSI. NIK juga tertulis di Kartu Keluarga.",
            [10] = "Petugas memerlukan foto KTP untuk mencocokkan data Anda. Foto KTP dengan kamera HP lalu kirim fotonya di sini (tombol lampiran 📎 atau kamera). Foto hanya dapat dibuka petugas yang berwenang.",
            [11] = "Jawaban juga dikirim ke email bila Anda punya; email tidak wajib. Bila tidak punya, ketik *tidak ada*.",
        },
        ItemLabels =
        [
            "Nama pemohon", "Hubungan dengan WBP", "Alamat", "Nomor HP aktif", "Nama penjamin", "Hubungan penjamin",
            "Alamat penjamin", "Nomor HP penjamin", "Nama WBP/anak", "KTP", "Email aktif", "Informasi yang diminta", "Pernyataan",
        ],
        Relationships = new Dictionary<string, string> { ["family"] = "Keluarga", ["lawyer"] = "Kuasa hukum" },
        Programmes = new Dictionary<IntegrationProgramme, string>
        {
            [IntegrationProgramme.Asimilasi] = "Asimilasi",
            [IntegrationProgramme.Pb] = "Pembebasan Bersyarat (PB)",
            [IntegrationProgramme.Cb] = "Cuti Bersyarat (CB)",
            [IntegrationProgramme.Cmb] = "Cuti Menjelang Bebas (CMB)",
        },
        Summary = items => $"Periksa data Anda:\n{items}",
        Declaration = "Saya menyatakan bahwa data yang saya isi benar.",
        SummaryHint = "Ketik *SETUJU* untuk menyatakan data benar dan mengirim permohonan, atau ketik nomor butir (1–12) yang ingin diperbaiki.",
        NoEmail = "tidak ada",
        Submitted = (code, at, email) =>
            $"Terima kasih. Permohonan Anda terkirim dengan nomor *{code}* (pernyataan tercatat {at}).\n" +
            $"Petugas akan memeriksa data di SDP lalu mengirim jawaban ke {(email ? "WhatsApp dan email" : "WhatsApp")} Anda. " +
            $"Untuk melihat statusnya, ketik *status informasi {code}*. Ketik *menu* untuk layanan lain.",
        ResumeAsk = (filled, all) => $"Selamat datang kembali. Formulir informasi integrasi Anda belum selesai ({filled} dari {all} butir terisi). Lanjutkan atau buang?",
        LeaveAsk = (filled, all) =>
            $"Formulir informasi integrasi Anda belum terkirim ({filled} dari {all} butir terisi). Ketik *ya* untuk keluar (draf disimpan dan bisa dilanjutkan nanti dengan mengetik *lanjut*), atau ketik *lanjut* untuk melanjutkan mengisi sekarang.",
        Resume = "Lanjutkan",
        Discard = "Buang formulir",
        Resumed = "Baik, kita lanjutkan.",
        Discarded = "Formulir dibuang; data yang sudah Anda isi tidak disimpan.",
        AskReference = "Ketik *nomor permohonan* Anda (contoh: INF-7K2M9Q).",
        ReferenceNotFound = code => $"Permohonan *{code}* tidak kami temukan. Periksa kembali nomornya, atau ketik *petugas* untuk bertanya kepada petugas.",
        Paused = until => $"Mohon maaf, sudah terlalu banyak nomor permohonan yang tidak ditemukan dari nomor Anda. Demi menjaga kerahasiaan data, silakan coba lagi setelah pukul {until}. Jika perlu bantuan, ketik *petugas*.",
        Busy = until => $"Mohon maaf, layanan pengecekan status permohonan sedang sangat sibuk. Silakan coba lagi setelah pukul {until}, atau hubungi kantor kami. Jika perlu bantuan, ketik *petugas*.",
        Status = (code, label, submitted, next) => $"Status permohonan *{code}*:\n• Diajukan: {submitted}\n• Status: *{label}*\n\n{next}",
        Statuses = new Dictionary<IntegrationRequestStatus, (string, string)>
        {
            [IntegrationRequestStatus.Submitted] = ("Menunggu pemeriksaan data di SDP", "Petugas akan memeriksa data WBP di SDP (standar layanan 3 menit pada jam layanan)."),
            [IntegrationRequestStatus.Verified] = ("Data WBP sudah diperiksa", "Petugas sedang menyiapkan informasi untuk Anda (standar layanan 5 menit)."),
            [IntegrationRequestStatus.Closed] = ("Selesai", "Jawaban sudah dikirim kepada Anda."),
        },
        AnswerNotInSdp = (code, programme, inmate) =>
            $"Permohonan informasi integrasi *{code}* ({programme}).\n\nMohon maaf, data WBP atas nama *{inmate}* tidak ada dalam Sistem Database Pemasyarakatan (SDP) kantor kami. " +
            "Periksa kembali nama dan kantor tempat WBP menjalani pidana, lalu ajukan permohonan baru bila perlu.",
        AnswerInformation = (code, programme, text) => $"Permohonan informasi integrasi *{code}* ({programme}).\n\n{text}",
        EmailSubject = code => $"Informasi Integrasi {code}",
        NotSet = "—",
        At = "pukul",
        Culture = CultureInfo.GetCultureInfo("id-ID"),
    };
}
