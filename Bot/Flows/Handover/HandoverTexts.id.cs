using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.Handover;

public sealed partial record HandoverTexts
{
    public static readonly HandoverTexts Indonesian = new()
    {
        Menu = new("Bicara dengan petugas", ["petugas", "operator", "manusia", "orang"]),
        OfficerUnavailable = (office, reach) =>
            $"Chat langsung dengan petugas {office} tidak tersedia di sini. {reach}",
        Queued = place => $"Permintaan Anda sudah kami teruskan ke petugas. Anda berada di antrean ke-*{place}*. Mohon tunggu, petugas akan membalas di sini.",
        StillQueued = place => $"Mohon maaf menunggu. Permintaan Anda sudah kami teruskan dan Anda masih berada di antrean ke-*{place}*. Petugas akan membalas di sini; pesan yang Anda kirim tetap kami simpan untuk petugas.",
        OutsideHours = (hours, next) => $"Saat ini di luar jam layanan petugas ({hours}). Petugas akan membalas mulai {next}.",
        HowToCancel = "Ketik *batal* bila tidak jadi.",
        CancelledByUser = "Permintaan bicara dengan petugas dibatalkan.",
        TicketAnswered = (code, officer, office) =>
            $"Pesan Anda dengan nomor tiket *{code}* sekarang dijawab petugas {office} ({officer}). Balasan petugas menyusul di sini; Anda juga bisa langsung menulis.",
        Taken = (officer, office) => $"Anda sekarang terhubung dengan petugas {office} ({officer}). Silakan sampaikan keperluan Anda.",
        HandedBack = "Petugas telah menyelesaikan percakapan dan mengembalikan Anda ke layanan otomatis.",
        Closed = "Percakapan dengan petugas sudah ditutup. Terima kasih. Ketik *menu* bila memerlukan layanan lain.",
        NobodyAnswered = "Mohon maaf, saat ini belum ada petugas yang dapat membalas.",
        LeaveMessagePrompt = "Silakan tulis pesan Anda dalam satu pesan. Pesan akan kami catat dan petugas akan menindaklanjutinya.",
        MessageLeft = code => $"Terima kasih, pesan Anda sudah dicatat dengan nomor tiket *{code}*. Petugas akan menindaklanjuti dan membalas di sini. Ketik *menu* untuk layanan lain.",
        DayNames = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    };
}
