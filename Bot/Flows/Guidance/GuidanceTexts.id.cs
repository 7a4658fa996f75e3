using ChatBot.Domain.Guidance;

namespace ChatBot.Bot.Flows.Guidance;

public sealed partial record GuidanceTexts
{
    public static readonly GuidanceTexts Indonesian = new()
    {
        KindName = (kind, town) => kind == GuidanceSessionKind.Counter ? $"Pojok BATAKO di {town}" : "Bimbingan Kelompok",
        Invitation = (kind, topic, date, hours, place) =>
            $"*Undangan {kind}*\nBapak/Ibu klien Bapas diundang mengikuti {kind} dengan topik *{topic}*.\n" +
            $"Hari/tanggal: {date}\nWaktu: {hours}\nTempat: {place}\n\n" +
            "Mohon balas *HADIR*, *TIDAK*, atau *GANTI JADWAL*. Harap membawa kartu bimbingan. Layanan ini tidak dipungut biaya.",
        InvitationSubject = (kind, date) => $"Undangan {kind}, {date}",
        Reminder = (kind, topic, date, hours, place) =>
            $"*Pengingat {kind}*\nBesok Bapak/Ibu dijadwalkan hadir: *{topic}*.\nHari/tanggal: {date}\nWaktu: {hours}\nTempat: {place}\n" +
            "Harap membawa kartu bimbingan. Bila berhalangan, balas *TIDAK* atau hubungi PK Anda.",
        ReminderSubject = (kind, date) => $"Pengingat {kind}, {date}",
        Attending = (kind, date) => $"Terima kasih, kehadiran Bapak/Ibu pada {kind} {date} sudah kami catat. Kami akan mengingatkan sehari sebelumnya.",
        Declining = (kind, date) => $"Terima kasih, sudah kami catat bahwa Bapak/Ibu tidak dapat hadir pada {kind} {date}. PK Anda akan menindaklanjuti.",
        Reschedule = (kind, date) => $"Terima kasih, permintaan ganti jadwal untuk {kind} {date} sudah kami catat. PK Anda akan menghubungi untuk jadwal lain.",
        WhichOne = answer => $"Bapak/Ibu mendapat lebih dari satu undangan. Jawaban *{answer}* untuk undangan yang mana? Ketik nomornya.",
        WhichChoice = (date, kind, topic) => $"{date} — {kind}: {topic}",
        AnswerWords = new Dictionary<InvitationAnswer, string>
        {
            [InvitationAnswer.Attending] = "HADIR",
            [InvitationAnswer.Declining] = "TIDAK",
            [InvitationAnswer.Reschedule] = "GANTI JADWAL",
        },
        AnythingElse = "Ketik *menu* untuk layanan lainnya.",
        NoAnswer = (kind, date, clients, count) =>
            $"{count} klien Anda belum menjawab undangan {kind} {date}:\n{clients}\nMohon dihubungi. Rincian di konsol, menu *Bimbingan*.",
        NoAnswerSubject = (kind, date) => $"Klien belum menjawab undangan {kind}, {date}",
    };
}
