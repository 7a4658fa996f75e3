using ChatBot.Bot.Dialogs;
using System.Globalization;
using ChatBot.Domain.Litmas;

namespace ChatBot.Bot.Flows.LitmasStatus;

public sealed partial record LitmasTexts
{
    public static readonly LitmasTexts Indonesian = new()
    {
        Menu = new("Status litmas (penelitian kemasyarakatan)", ["litmas", "penelitian kemasyarakatan", "status litmas"]),
        NumberHelp = "Nomor registrasi litmas tertulis pada surat permintaan litmas atau diberikan petugas Bapas, diawali LIT. Bila nomor tidak ditemukan, periksa penulisannya, atau ketik *petugas* untuk bertanya.",
        AskNumber = "Silakan ketik *nomor registrasi litmas* yang Anda terima dari petugas Bapas (contoh: LIT-123/PKU/2026).",
        NotFound = number =>
            $"Nomor litmas *{number}* tidak kami temukan. Periksa kembali nomornya lalu ketik lagi, atau ketik *petugas* untuk bertanya kepada petugas.",
        Paused = until =>
            $"Mohon maaf, sudah terlalu banyak nomor yang tidak ditemukan dari nomor Anda. Demi menjaga kerahasiaan data, silakan coba lagi setelah pukul {until}. Jika perlu bantuan, ketik *petugas*.",
        Busy = until =>
            $"Mohon maaf, layanan pengecekan status litmas sedang sangat sibuk. Silakan coba lagi setelah pukul {until}, atau hubungi kantor kami. Jika perlu bantuan, ketik *petugas*.",
        Status = (number, stage, updated, pk, next) =>
            $"Status litmas *{number}*:\n• Tahap: *{stage}*\n• Diperbarui: {updated}\n• Pembimbing Kemasyarakatan: {pk}\n\nSelanjutnya: {next}",
        Changed = (number, stage, updated, next) =>
            $"Kabar litmas *{number}*: statusnya sekarang *{stage}* (diperbarui {updated}).\n\nSelanjutnya: {next}",
        AskSubscribe = "Mau kami kabari lewat chat ini bila statusnya berubah?",
        Subscribed = "Baik, kami akan mengabari Anda di sini setiap kali status litmas ini berubah. Ketik *BERHENTI* kapan saja untuk berhenti menerima kabar. Ketik *menu* untuk layanan lain.",
        AlreadySubscribed = "Anda sudah terdaftar untuk menerima kabar perubahan status litmas ini. Ketik *menu* untuk layanan lain.",
        NotSubscribed = "Baik. Ketik *status litmas* diikuti nomornya kapan saja untuk melihat statusnya lagi. Ketik *menu* untuk layanan lain.",
        NextWithPk = "PK yang ditunjuk akan menghubungi klien dan keluarga untuk wawancara dan kunjungan rumah.",
        Stages = new Dictionary<LitmasStage, (string, string)>
        {
            [LitmasStage.Diterima] = ("Permintaan diterima",
                "Kepala Bapas akan menunjuk Pembimbing Kemasyarakatan (PK) yang menangani litmas ini."),
            [LitmasStage.PkDitunjuk] = ("PK sudah ditunjuk",
                "PK akan menghubungi klien dan keluarga untuk wawancara dan kunjungan rumah."),
            [LitmasStage.Penelitian] = ("Penelitian (wawancara dan kunjungan rumah)",
                "Setelah wawancara dan kunjungan rumah selesai, PK menyusun laporan litmas."),
            [LitmasStage.PenyusunanLaporan] = ("Laporan sedang disusun",
                "Laporan akan dibahas dalam sidang Tim Pengamat Pemasyarakatan (TPP)."),
            [LitmasStage.SidangTpp] = ("Sidang TPP",
                "Setelah sidang TPP, laporan litmas dikirim ke instansi yang meminta."),
            [LitmasStage.Selesai] = ("Selesai dan sudah dikirim",
                "Laporan litmas sudah dikirim ke instansi yang meminta. Untuk langkah berikutnya, silakan hubungi instansi tersebut."),
        },
        At = "pukul",
        Culture = CultureInfo.GetCultureInfo("id-ID"),
    };
}
