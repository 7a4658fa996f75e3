using System.Globalization;
using ChatBot.Domain.Permits;

namespace ChatBot.Bot.Flows.TravelPermit;

public sealed partial record PermitTexts
{
    public static readonly PermitTexts Indonesian = new()
    {
        Menu = new("Izin ke luar kota", ["izin", "ijin", "luar kota", "izin keluar kota", "izin ke luar kota", "pohon ketan"]),
        Intro = "*Izin ke Luar Kota* (POHON KETAN) untuk klien pemasyarakatan, diajukan oleh klien, kuasa hukum atau keluarga. Layanan ini tidak dipungut biaya; paling lama 14 hari kerja. Apa yang ingin Anda lakukan?",
        NewRequest = "Ajukan izin ke luar kota",
        AskStatus = "Cek status permohonan",
        Consent = days =>
            "Sebelum mulai, mohon dibaca (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi):\n" +
            "• *Untuk apa:* data Anda, klien dan perjalanan diperlukan agar PK dan sidang TPP dapat memeriksa permohonan dan Kepala Bapas dapat menerbitkan surat izin.\n" +
            "• *Siapa yang melihat:* hanya PK, Kepala Bapas dan petugas yang berwenang di kantor ini; setiap pembukaan surat dicatat.\n" +
            $"• *Berapa lama:* data pribadi, scan surat permohonan dan berkas surat izin dihapus {days} hari setelah permohonan selesai; nomor surat, tanggal dan kode verifikasi tetap disimpan agar surat dapat diperiksa keasliannya.\n" +
            "Formulir berisi 10 butir. Siapkan foto atau scan surat permohonan yang sudah Anda tanda tangani. Ketik *batal* kapan saja untuk berhenti.\n\n" +
            "Apakah Anda setuju data Anda diproses untuk layanan ini?",
        NoConsent = "Baik, tanpa persetujuan Anda kami tidak menyimpan data apa pun dan permohonan tidak dapat diproses. Ketik *menu* untuk layanan lain.",
        Questions = new Dictionary<int, string>
        {
            [1] = "Butir 1 dari 10 — Siapa yang mengajukan permohonan ini?",
            [2] = "Butir 2 dari 10 — *Nama lengkap* Anda (pemohon)?",
            [4] = "Butir 4 dari 10 — *Kota/kabupaten tujuan*?",
            [5] = "Butir 5 dari 10 — *Alamat lengkap* selama di kota tujuan?",
            [6] = "Butir 6 dari 10 — *Keperluan* perjalanan (contoh: menjenguk orang tua sakit, bekerja)?",
            [7] = "Butir 7 dari 10 — *Tanggal berangkat*? (contoh: 20-01-2027)",
            [8] = "Butir 8 dari 10 — *Tanggal kembali*? (contoh: 25-01-2027)",
            [9] = "Butir 9 dari 10 — *Nomor HP/WhatsApp aktif* yang dapat dihubungi?",
            [10] = "Butir 10 dari 10 — Kirim *foto atau scan surat permohonan* yang sudah ditandatangani (JPG, PNG atau PDF, paling besar 2 MB).",
        },
        Helps = new Dictionary<int, string>
        {
            [1] = "Pilih *Klien sendiri* bila Anda klien yang akan bepergian, *Kuasa hukum* bila Anda pengacara klien, atau *Keluarga* bila Anda keluarga klien.",
            [2] = "Pemohon adalah Anda sendiri, yang mengisi formulir ini. Tulis nama lengkap Anda sesuai KTP.",
            [4] = "Tulis nama kota atau kabupaten yang akan dituju, misalnya Semarang atau Kabupaten Boyolali.",
            [5] = "Tulis alamat tempat klien tinggal selama di kota tujuan (jalan, nomor, kelurahan/desa), agar Bapas atau polisi setempat dapat mengetahuinya.",
            [6] = "Tulis singkat alasan perjalanan, misalnya menjenguk keluarga yang sakit, menghadiri pernikahan, atau bekerja.",
            [7] = "Tulis tanggal klien berangkat, misalnya 20-01-2027 atau 20 Januari. Tanggal tidak boleh sudah lewat.",
            [8] = "Tulis tanggal klien kembali ke kota asal, setelah tanggal berangkat, misalnya 25-01-2027.",
            [9] = "Nomor ini dipakai PK bila perlu menghubungi pemohon, misalnya 081234567890.",
            [10] = "Tulis surat permohonan izin kepada Kepala Bapas, tanda tangani, lalu foto dengan kamera HP atau scan, dan kirim di sini (tombol lampiran 📎 atau kamera).",
        },
        ItemLabels = ["Pemohon", "Nama pemohon", "Klien", "Kota tujuan", "Alamat tujuan", "Keperluan", "Tanggal berangkat", "Tanggal kembali", "Nomor HP", "Surat permohonan"],
        Relationships = new Dictionary<string, string> { ["self"] = "Klien sendiri", ["lawyer"] = "Kuasa hukum", ["family"] = "Keluarga" },
        DepartureInPast = "Tanggal berangkat itu sudah lewat. Mohon tulis hari ini atau tanggal yang akan datang.",
        ReturnNotAfterDeparture = depart => $"Tanggal kembali harus setelah tanggal berangkat ({depart}). Mohon tulis lagi tanggal kembali.",
        TooLong = (days, latest) => $"Izin ke luar kota paling lama {days} hari. Mohon tulis tanggal kembali paling lambat {latest}.",
        Summary = items => $"Periksa data permohonan Anda:\n{items}",
        SummaryHint = "Ketik *SETUJU* bila semua benar dan permohonan dikirim, atau ketik nomor butir (1–10) yang ingin diperbaiki.",
        Submitted = (code, due) =>
            $"Terima kasih. Permohonan izin ke luar kota Anda terkirim dengan nomor *{code}*.\n" +
            $"PK akan memeriksanya, lalu permohonan dibahas dalam sidang TPP. Kami kabari setiap tahapnya di sini; paling lambat {due} (14 hari kerja). " +
            $"Untuk melihat statusnya, ketik *status izin {code}*. Ketik *menu* untuk layanan lain.",
        LeaveAsk = (filled, all) =>
            $"Permohonan izin ke luar kota Anda belum terkirim ({filled} dari {all} butir terisi). Ketik *ya* untuk keluar (draf disimpan dan bisa dilanjutkan nanti dengan mengetik *lanjut*), atau ketik *lanjut* untuk melanjutkan mengisi sekarang.",
        ClientNotIdentified = "Permohonan belum dapat dilanjutkan tanpa data klien yang cocok. Ketik *menu* untuk layanan lain.",
        AskCode = "Ketik *nomor permohonan* Anda (contoh: IZN-7K2M9Q).",
        CodeNotFound = code => $"Permohonan *{code}* tidak kami temukan. Periksa kembali nomornya, atau ketik *petugas* untuk bertanya kepada petugas.",
        Paused = until => $"Mohon maaf, sudah terlalu banyak nomor permohonan yang tidak ditemukan dari nomor Anda. Demi menjaga kerahasiaan data, silakan coba lagi setelah pukul {until}. Jika perlu bantuan, ketik *petugas*.",
        Busy = until => $"Mohon maaf, layanan pengecekan status permohonan sedang sangat sibuk. Silakan coba lagi setelah pukul {until}, atau hubungi kantor kami. Jika perlu bantuan, ketik *petugas*.",
        Status = (code, label, submitted, trip, next) => $"Status permohonan izin *{code}*:\n• Diajukan: {submitted}\n• Perjalanan: {trip}\n• Status: *{label}*\n\n{next}",
        Statuses = new Dictionary<TravelPermitStatus, (string, string)>
        {
            [TravelPermitStatus.Submitted] = ("Menunggu pemeriksaan PK", "PK akan memeriksa permohonan Anda (standar layanan 5 menit pada jam layanan)."),
            [TravelPermitStatus.Examined] = ("Menunggu sidang TPP", "Permohonan Anda akan dibahas dalam sidang Tim Pengamat Pemasyarakatan."),
            [TravelPermitStatus.Approved] = ("Disetujui sidang TPP", "PK sedang menyiapkan surat izin untuk ditandatangani Kepala Bapas."),
            [TravelPermitStatus.Rejected] = ("Tidak disetujui", "Sidang TPP tidak menyetujui permohonan ini; alasannya sudah kami kirimkan kepada Anda."),
            [TravelPermitStatus.Drafted] = ("Surat izin menunggu tanda tangan", "Surat izin menunggu persetujuan Kepala Bapas."),
            [TravelPermitStatus.Signed] = ("Surat izin sudah ditandatangani", "Surat izin segera dikirim kepada Anda."),
            [TravelPermitStatus.Delivered] = ("Surat izin sudah dikirim", "Surat izin sudah kami kirim kepada Anda. Bawa surat itu selama perjalanan."),
            [TravelPermitStatus.Revoked] = ("Surat izin dicabut", "Kepala Bapas mencabut surat izin ini; surat tidak berlaku lagi."),
        },
        Trip = (town, from, to) => $"{town}, {from} s.d. {to}",
        ExaminedNotice = code => $"Permohonan izin ke luar kota *{code}* sudah diperiksa PK dan akan dibahas dalam sidang TPP.",
        ApprovedNotice = code => $"Permohonan izin ke luar kota *{code}* *disetujui* sidang TPP. PK sedang menyiapkan surat izin untuk ditandatangani Kepala Bapas.",
        RejectedNotice = (code, reason) => $"Mohon maaf, permohonan izin ke luar kota *{code}* *tidak disetujui* sidang TPP.\nAlasan: {reason}\n\nBila ada pertanyaan, ketik *petugas* atau hubungi PK Anda.",
        DraftedNotice = code => $"Surat izin ke luar kota untuk permohonan *{code}* sudah disiapkan PK dan menunggu tanda tangan Kepala Bapas.",
        SignedNotice = code => $"Surat izin ke luar kota untuk permohonan *{code}* sudah ditandatangani Kepala Bapas dan segera dikirim kepada Anda.",
        DeliveredNotice = (code, number, trip, verify) =>
            $"Berikut *surat izin ke luar kota* nomor {number} (permohonan *{code}*), untuk perjalanan {trip}.\n\n" +
            "Syarat: lapor diri ke Bapas atau kantor polisi di kota tujuan, dan kembali tepat waktu. Bawa surat ini selama perjalanan.\n" +
            $"Keaslian surat dapat diperiksa di {verify}",
        RevokedNotice = (code, number, reason) => $"Surat izin ke luar kota nomor {number} (permohonan *{code}*) *dicabut* oleh Kepala Bapas dan tidak berlaku lagi.\nAlasan: {reason}\n\nBila ada pertanyaan, ketik *petugas* atau hubungi PK Anda.",
        EmailSubject = code => $"Izin ke Luar Kota {code}",
        NotSet = "—",
        Culture = CultureInfo.GetCultureInfo("id-ID"),
    };
}
