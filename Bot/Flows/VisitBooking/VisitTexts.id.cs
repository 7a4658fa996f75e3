using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

public sealed partial record VisitTexts
{
    public static readonly VisitTexts Indonesian = new()
    {
        Menu = new("Pendaftaran kunjungan video call", ["kunjungan", "video call", "vc", "besuk", "bezuk", "kunjung", "status kunjungan", "jadwal kunjungan", "batal kunjungan"]),
        AskInmate = "*Pendaftaran kunjungan video call*\nTulis *nama lengkap* atau *nomor registrasi* WBP yang ingin Anda hubungi.",
        AskSecondDetail = "Untuk memastikan data, tulis *tanggal lahir* WBP tersebut (contoh: 17-08-1990) atau *nomor registrasinya*.",
        NotMatched = "Mohon maaf, data WBP yang Anda tulis belum dapat kami cocokkan. Periksa kembali penulisan nama dan tanggal lahir atau nomor registrasi, atau ketik *petugas* untuk dibantu petugas.",
        Paused = until => $"Mohon maaf, terlalu banyak percobaan pencarian data WBP. Silakan coba lagi setelah pukul {until}, atau ketik *petugas* untuk dibantu petugas.",
        Busy = until => $"Mohon maaf, layanan pencarian data WBP sedang sangat sibuk. Silakan coba lagi setelah pukul {until}, atau hubungi kantor kami (ketik *petugas* untuk dibantu petugas).",
        Matched = name => $"Data WBP ditemukan: *{name}*.",
        ConfirmInmate = name => $"Apakah yang Anda maksud *{name}*? (ya/tidak)",
        NotThatInmate = "Baik, mohon periksa kembali nama dan tanggal lahir atau nomor registrasi WBP yang Anda maksud.",
        NotAllowed = "Mohon maaf, WBP ini saat ini tidak dapat menerima kunjungan video call. Ketik *petugas* untuk informasi lebih lanjut.",
        AlreadyBooked = code => $"Anda sudah memiliki pendaftaran kunjungan aktif untuk WBP ini (kode *{code}*). Pilih menu kunjungan lagi untuk melihat status, mengubah jadwal atau membatalkannya.",
        AskRequesterName = "Siapa *nama Anda*?",
        AskRelationship = "Apa hubungan Anda dengan WBP?",
        Relationships = new Dictionary<string, string>
        {
            ["parent"] = "Orang tua",
            ["spouse"] = "Suami/istri",
            ["child"] = "Anak",
            ["sibling"] = "Saudara kandung",
            ["relative"] = "Keluarga lain",
            ["lawyer"] = "Kuasa hukum",
        },
        AskCallNumber = number => $"Petugas akan melakukan video call ke nomor *{number}*. Ketik *ya* bila benar, atau tulis nomor WhatsApp lain.",
        AskCallNumberNoDefault = "Tulis nomor WhatsApp yang akan dihubungi petugas untuk video call (contoh: 0812 3456 7890).",
        CallNumberHint = "Ketik *ya*, atau tulis nomor HP yang benar, contoh: 0812 3456 7890.",
        ChooseSlot = tz => $"Pilih jadwal video call (waktu {tz}). Balas dengan nomornya, sebut hari yang Anda inginkan (misalnya *jumat* atau *senin pagi*), atau ketik *lainnya* untuk jadwal berikutnya:",
        MoreSlots = tz => $"Jadwal berikutnya yang masih kosong (waktu {tz}). Balas dengan nomornya, sebut harinya, atau ketik *lainnya* lagi:",
        SlotsOn = (day, tz) => $"Jadwal yang masih kosong pada *{day}* (waktu {tz}). Balas dengan nomornya, atau ketik *lainnya* untuk jadwal berikutnya:",
        SlotsThen = tz => $"Jadwal terdekat yang masih kosong pada waktu itu (waktu {tz}). Balas dengan nomornya, atau ketik *lainnya* untuk jadwal berikutnya:",
        NoSlotsOn = (day, nearest, tz) => $"Mohon maaf, pada *{day}* tidak ada jadwal video call yang kosong. Hari terdekat yang masih ada jadwal: {nearest}. Silakan pilih (waktu {tz}), atau sebut hari lain:",
        NoSlotsThen = "Mohon maaf, pada waktu itu tidak ada jadwal video call yang kosong.",
        NoMoreSlots = days => $"Itu semua jadwal yang masih kosong dalam {days} hari ke depan. Kita lihat lagi dari awal.",
        SlotHint = count => $"Balas dengan nomor jadwal (1 sampai {count}), sebut harinya (misalnya *jumat* atau *senin pagi*), atau ketik *lainnya* untuk jadwal berikutnya.",
        SlotDayPassed = "Hari itu sudah lewat. Sebut hari yang akan datang (misalnya *jumat*), atau balas dengan nomor jadwal.",
        And = " dan ",
        NoSlots = days => $"Mohon maaf, belum ada jadwal video call yang kosong dalam {days} hari ke depan. Silakan coba lagi nanti atau ketik *petugas*.",
        SlotTaken = "Mohon maaf, jadwal itu baru saja terisi oleh pendaftar lain. Berikut jadwal yang masih kosong.",
        WeeklyLimit = "Mohon maaf, jatah video call WBP ini pada minggu itu sudah penuh. Silakan pilih jadwal lain.",
        Booked = "✅ *Pendaftaran kunjungan video call berhasil.*",
        Rescheduled = "✅ *Jadwal kunjungan video call berhasil diubah.*",
        BookingDetails = (code, queue, when, inmate, number) =>
            $"Kode booking: *{code}*\nNomor antrean: *{queue}*\nJadwal: {when}\nWBP: {inmate}\nNomor yang dihubungi: {number}",
        FreeOfCharge = "Layanan ini *gratis*, tidak dipungut biaya apa pun.",
        HowToManage = "Kami akan mengirim pengingat sebelum jadwal dan memberi tahu saat video call akan dimulai. Untuk melihat status, mengubah jadwal atau membatalkan, ketik *menu* lalu pilih kunjungan video call.",
        YourBookings = "*Status pendaftaran kunjungan Anda:*",
        StatusLine = (code, when, queue, inmate, status) => $"• *{code}* — {when}, antrean ke-{queue}, WBP {inmate}: *{status}*",
        StatusNames = new Dictionary<VisitStatus, string>
        {
            [VisitStatus.Booked] = "terdaftar",
            [VisitStatus.Called] = "dipanggil",
            [VisitStatus.IdentityChecked] = "identitas diperiksa",
            [VisitStatus.InCall] = "sedang video call",
            [VisitStatus.Finished] = "selesai",
            [VisitStatus.NoShow] = "tidak hadir",
            [VisitStatus.Cancelled] = "dibatalkan",
        },
        WhatNext = "Apa yang ingin Anda lakukan?",
        RescheduleChoice = code => $"Ubah jadwal {code}",
        CancelChoice = code => $"Batalkan {code}",
        NewChoice = "Daftar kunjungan baru",
        DoneChoice = "Selesai",
        ConfirmCancel = (code, when) => $"Batalkan kunjungan *{code}* ({when})?",
        Cancelled = code => $"Kunjungan *{code}* sudah dibatalkan. Ketik *menu* untuk layanan lain.",
        CannotChange = "Mohon maaf, kunjungan ini tidak dapat diubah lagi karena sudah diproses petugas. Ketik *petugas* bila perlu bantuan.",
        Kept = "Baik, kunjungan Anda tetap terdaftar.",
        Done = "Baik. Ketik *menu* untuk layanan lain.",
        Reminder = (code, when, queue, number) =>
            $"🔔 Pengingat kunjungan video call *{code}*: {when}, antrean ke-{queue}. Pastikan nomor {number} aktif dan siap menerima video call. Layanan ini gratis.",
        CallStarting = (code, from) =>
            $"📞 Kunjungan video call *{code}* akan segera dimulai. Petugas akan menghubungi Anda dari nomor *{from}*. Mohon siapkan HP Anda dan angkat panggilannya.",
        CallStartingNoNumber = (code, office) =>
            $"📞 Kunjungan video call *{code}* akan segera dimulai. Petugas {office} akan menghubungi Anda melalui video call WhatsApp. Mohon siapkan HP Anda dan angkat panggilannya.",
        CancelledByOfficer = code => $"Mohon maaf, kunjungan video call *{code}* dibatalkan oleh petugas. Ketik *petugas* untuk informasi lebih lanjut.",
        DayNames = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        At = "pukul",
    };
}
