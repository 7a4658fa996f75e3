using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Outreach;

namespace ChatBot.Bot.Flows.Outreach;

public sealed partial record OutreachTexts
{
    public static readonly OutreachTexts Indonesian = new()
    {
        Menu = new("Penyuluhan desa/sekolah", ["penyuluhan", "penyuluhan desa", "penyuluhan sekolah", "sosialisasi", "bambang solah", "sambang deso", "sambang desa"]),
        Intro =
            "*Bambang Solah (Sambang Deso lan Sekolah)* — permohonan penyuluhan oleh tim Bapas ke desa, sekolah atau lembaga Anda. Layanan ini tidak dipungut biaya.\n" +
            "Formulir berisi 10 butir, termasuk surat permohonan (PDF atau foto). Ketik *batal* kapan saja untuk berhenti.",
        Questions =
        [
            "Butir 1 dari 10 — Permohonan dari lembaga apa?",
            "Butir 2 dari 10 — *Nama desa/sekolah/lembaga* (mis. SMP Negeri 2 Mertoyudan, Desa Banyurojo)?",
            "Butir 3 dari 10 — *Nama narahubung* (yang dapat dihubungi tim)?",
            "Butir 4 dari 10 — *Nomor HP/WhatsApp* narahubung?",
            "Butir 5 dari 10 — *Email* narahubung (ketik *tidak ada* bila tidak punya)?",
            "Butir 6 dari 10 — *Tanggal yang diinginkan*: 1 sampai 3 tanggal, dipisah koma (mis. *10 Desember, 12 Desember 2026*).",
            "Butir 7 dari 10 — *Topik* penyuluhan?",
            "Butir 8 dari 10 — Tulis *topik yang Anda inginkan*, dalam satu kalimat.",
            "Butir 9 dari 10 — *Peserta* yang hadir dan perkiraan jumlahnya (mis. *120 siswa kelas 8*)?",
            "Butir 10 dari 10 — Kirim *surat permohonan* dari lembaga Anda (PDF atau foto JPG/PNG, paling besar 2 MB).",
        ],
        TopicDetailOptional = "Butir 8 dari 10 — Ada hal khusus yang ingin dibahas? Tulis dalam satu kalimat, atau ketik *tidak ada*.",
        QuestionHelps = new Dictionary<int, string>
        {
            [0] = "Pilih jenis lembaga yang meminta penyuluhan: desa/kelurahan, sekolah, atau lembaga lain (mis. pondok pesantren, karang taruna).",
            [4] = "Alamat email untuk kabar permohonan ini. Bila tidak ada, ketik *tidak ada*; kabar dikirim lewat percakapan ini.",
            [5] = "Tanggal penyuluhan yang Anda harapkan, paling banyak 3 pilihan, tidak boleh tanggal yang sudah lewat. Contoh: *10 Desember, 12 Desember* atau *10-12-2026*.",
            [8] = "Siapa yang akan hadir dan berapa kira-kira jumlahnya, misalnya *120 siswa kelas 8* atau *60 warga dan perangkat desa*.",
            [9] = "Surat resmi dari lembaga Anda yang memohon penyuluhan. Foto suratnya dengan kamera HP atau kirim berkas PDF-nya di sini (tombol lampiran 📎). Lewat email: lampirkan pada balasan.",
        },
        ItemLabels = ["Lembaga", "Nama lembaga", "Narahubung", "Nomor HP", "Email", "Tanggal diinginkan", "Topik", "Keterangan topik", "Peserta", "Surat permohonan"],
        Institutions = new Dictionary<string, string>
        {
            [OutreachInstitutions.Village] = "Desa/kelurahan",
            [OutreachInstitutions.School] = "Sekolah",
            [OutreachInstitutions.Other] = "Lembaga lainnya",
        },
        OtherTopic = "Lainnya (tulis sendiri)",
        TopicOtherRequired = "Anda memilih topik *lainnya*: mohon tulis topiknya dalam satu kalimat, misalnya *bahaya judi online bagi pelajar*.",
        DatesFormat = "Tanggal belum kami pahami. Tulis 1 sampai 3 tanggal dipisah koma, misalnya *10 Desember, 12 Desember 2026* atau *10-12-2026*.",
        DatesPast = "Tanggal itu sudah lewat. Mohon pilih tanggal mulai hari ini atau sesudahnya.",
        DatesTooMany = max => $"Paling banyak {max} tanggal. Mohon pilih {max} tanggal yang paling sesuai, dipisah koma.",
        AudienceHint = "Mohon tulis peserta *dan* perkiraan jumlahnya dengan angka, misalnya *120 siswa kelas 8*.",
        NoTopicDetail = "tidak ada",
        NoEmail = "tidak ada",
        Summary = lines => $"Mohon periksa permohonan Anda:\n{lines}",
        SummaryHint = "Ketik *kirim* bila sudah benar, atau ketik *nomor butir* yang ingin diperbaiki (mis. *6*).",
        Submitted = (code, when, phone) =>
            $"Permohonan penyuluhan sudah *diterima* dengan nomor *{code}* ({when}).\n" +
            "Petugas mencatat permohonan (standar 30 menit), Kepala mendisposisikan kepada Kasubsi (10 menit), lalu Kasubsi menunjuk tim (5 menit). " +
            "Tim akan menghubungi narahubung untuk menyepakati tanggal; kami kabari setiap tahapnya.\n" +
            (phone is null ? "" : $"Telepon kantor: {phone}.\n") +
            $"Cek status kapan saja: ketik *status {code}*.",
        LetterKept = "Surat permohonan sudah kami terima.",
        NotSent = "Baik, permohonan penyuluhan *belum terkirim* dan isian tidak disimpan. Ketik *menu* untuk layanan lain.",
        LeaveAsk = (filled, total) => $"Permohonan penyuluhan belum terkirim ({filled} dari {total} butir terisi). Tinggalkan formulir? Isian disimpan sebagai draf; pilih layanan ini lagi untuk melanjutkan.",
        NotFound = code => $"Permohonan penyuluhan *{code}* tidak kami temukan. Periksa lagi nomornya (contoh: SOS-7K2M9Q).",
        Paused = until => $"Terlalu banyak nomor yang tidak kami temukan. Silakan coba lagi setelah pukul {until}.",
        Busy = until => $"Layanan cek status sedang sibuk. Silakan coba lagi setelah pukul {until}.",
        Status = (code, label, received, next) => $"Status permohonan penyuluhan *{code}* (diterima {received}): *{label}*.\n{next}",
        Statuses = new Dictionary<OutreachStatus, (string, string)>
        {
            [OutreachStatus.Submitted] = ("Diterima", "Petugas segera mencatat permohonan dan meneruskannya kepada Kepala."),
            [OutreachStatus.Received] = ("Tercatat, menunggu disposisi Kepala", "Kepala mendisposisikan permohonan kepada Kasubsi."),
            [OutreachStatus.Disposed] = ("Didisposisikan", "Kasubsi menunjuk tim penyuluhan."),
            [OutreachStatus.TeamAppointed] = ("Tim ditunjuk", "Tim menghubungi narahubung untuk menyepakati tanggal."),
            [OutreachStatus.Scheduled] = ("Jadwal disepakati", "Tim datang pada tanggal yang disepakati."),
            [OutreachStatus.Held] = ("Penyuluhan terlaksana", "Tim menyusun laporan singkat."),
            [OutreachStatus.Reported] = ("Selesai", "Terima kasih telah mengundang kami."),
            [OutreachStatus.Declined] = ("Tidak dapat dilaksanakan", "Hubungi kantor bila ada pertanyaan."),
        },
        Registered = code => $"Kabar permohonan penyuluhan *{code}*: permohonan sudah *dicatat* dan diteruskan kepada Kepala untuk disposisi.",
        Disposed = code => $"Kabar permohonan penyuluhan *{code}*: Kepala sudah *mendisposisikan* permohonan kepada Kasubsi, yang segera menunjuk tim.",
        Declined = (code, reason) => $"Kabar permohonan penyuluhan *{code}*: mohon maaf, permohonan *tidak dapat kami laksanakan*.\nAlasan: {reason}",
        TeamAppointed = (code, leader, phone, officePhone) =>
            $"Kabar permohonan penyuluhan *{code}*: *tim penyuluhan sudah ditunjuk*, diketuai *{leader}*. " +
            (phone is not null ? $"Nomor ketua tim: *{phone}*. " : officePhone is not null ? $"Hubungi tim lewat telepon kantor: {officePhone}. " : "") +
            "Tim akan menghubungi Anda untuk menyepakati tanggal.",
        Scheduled = (code, when, leader, phone) =>
            $"Kabar permohonan penyuluhan *{code}*: jadwal *disepakati* pada *{when}*. Ketua tim: *{leader}*" + (phone is null ? "." : $" ({phone}).") +
            " Sampai jumpa!",
        Held = code => $"Kabar permohonan penyuluhan *{code}*: penyuluhan sudah *terlaksana*. Terima kasih atas sambutannya; tim menyusun laporan singkat.",
        Reported = (code, attendance) => $"Kabar permohonan penyuluhan *{code}*: laporan penyuluhan sudah dicatat ({attendance} peserta hadir). Permohonan *selesai*.",
        AskScore = "Seberapa puas Anda dengan penyuluhan ini? Balas dengan angka *1* (sangat tidak puas) sampai *5* (sangat puas).",
        AskComment = "Ada saran atau komentar? Tulis dalam satu pesan, atau ketik *lewati*.",
        SurveyThanks = "Terima kasih atas penilaian Anda. Ketik *menu* untuk layanan lain.",
        SurveyLater = code => $"Untuk menilai penyuluhan ini, ketik *nilai {code}*.",
        EmailSubject = code => $"Permohonan penyuluhan {code}",
        NotSet = "—",
        At = "pukul",
        Culture = CultureInfo.GetCultureInfo("id-ID"),
    };
}
