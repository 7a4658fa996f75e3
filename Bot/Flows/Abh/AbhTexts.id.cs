using System.Globalization;
using ChatBot.Domain.Abh;

namespace ChatBot.Bot.Flows.Abh;

public sealed partial record AbhTexts
{
    public static readonly AbhTexts Indonesian = new()
    {
        Menu = new("Pendampingan ABH (untuk penyidik/instansi)", ["abh", "pendampingan", "pendampingan abh", "pendampingan anak", "anak berhadapan dengan hukum", "penyidik"]),
        Intro = days =>
            "*Pendampingan ABH 24 jam* — permohonan pendampingan anak yang berhadapan dengan hukum oleh Pembimbing Kemasyarakatan (PK), " +
            "untuk penyidik, jaksa atau instansi terkait, kapan saja termasuk malam dan hari libur. Layanan ini tidak dipungut biaya.\n" +
            "Data anak dilindungi UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi: kami hanya mencatat *inisial* dan *usia* anak. " +
            $"Data dan surat hanya dilihat petugas yang menangani, dan dihapus {days} hari setelah pendampingan selesai.\n" +
            "Formulir berisi 10 butir. Ketik *batal* kapan saja untuk berhenti.",
        Questions =
        [
            "Butir 1 dari 10 — Permohonan dari *instansi* mana?",
            "Butir 2 dari 10 — *Nama kantor/instansi* (mis. Polres Magelang Kota, Kejari Kabupaten Magelang)?",
            "Butir 3 dari 10 — *Unit/bagian* (mis. Unit PPA Satreskrim, Seksi Pidana Umum)?",
            "Butir 4 dari 10 — *Nama petugas* yang mengajukan permohonan?",
            "Butir 5 dari 10 — *Nomor HP/WhatsApp* petugas yang dapat dihubungi PK?",
            "Butir 6 dari 10 — *Inisial* anak (mis. *A.R.*). Mohon inisial saja, bukan nama lengkap.",
            "Butir 7 dari 10 — *Usia* anak (dalam tahun)?",
            "Butir 8 dari 10 — *Di mana anak berada* sekarang (mis. ruang Unit PPA Polres Magelang Kota)?",
            "Butir 9 dari 10 — *Dugaan tindak pidana*, dalam satu kalimat?",
            "Butir 10 dari 10 — Kirim *surat permohonan pendampingan* (PDF atau foto JPG/PNG, paling besar 2 MB).",
        ],
        QuestionHelps = new Dictionary<int, string>
        {
            [0] = "Pilih instansi yang memohon pendampingan: kepolisian (penyidik), kejaksaan, atau instansi lain (mis. Dinas Sosial, UPTD PPA).",
            [2] = "Unit atau bagian yang menangani perkara anak, agar PK tahu siapa yang dihubungi. Bila tidak ada, tulis nama kantornya lagi.",
            [5] = "Inisial adalah huruf depan nama anak, misalnya anak bernama Andi Rahman ditulis *A.R.* Kami tidak mencatat nama lengkap anak.",
            [6] = "Usia anak dalam tahun. Pendampingan ABH untuk anak yang belum berumur 18 tahun.",
            [7] = "Tempat anak berada saat ini, agar PK dapat datang: kantor polisi, rumah aman, atau tempat lain.",
            [9] = "Surat permohonan pendampingan dari instansi Anda. Foto suratnya dengan kamera HP atau kirim berkas PDF-nya di sini (tombol lampiran 📎). Lewat email: lampirkan pada balasan.",
        },
        ItemLabels = ["Instansi", "Nama kantor", "Unit", "Nama petugas", "Nomor HP petugas", "Inisial anak", "Usia anak", "Tempat anak berada", "Dugaan tindak pidana", "Surat permohonan"],
        Institutions = new Dictionary<string, string>
        {
            [AbhInstitutions.Police] = "Kepolisian (penyidik)",
            [AbhInstitutions.Prosecutor] = "Kejaksaan",
            [AbhInstitutions.Other] = "Instansi lainnya",
        },
        InitialsNotName = "Mohon tulis *inisial* anak saja, misalnya *A.R.*, bukan nama lengkap. Data anak dilindungi undang-undang (UU PDP), jadi kami hanya mencatat inisialnya.",
        InitialsFormat = "Tulis inisial anak dengan huruf, 1 sampai 4 huruf, misalnya *A.R.*",
        AgeRetry = "Tulis usia anak dalam tahun, angka 1 sampai 17 (anak adalah yang belum berumur 18 tahun), misalnya *15*.",
        OffenceTooShort = "Mohon tulis dugaan tindak pidananya dalam satu kalimat singkat, misalnya *pencurian sepeda motor*.",
        Summary = lines => $"Mohon periksa permohonan Anda:\n{lines}",
        SummaryHint = "Ketik *kirim* bila sudah benar, atau ketik *nomor butir* yang ingin diperbaiki (mis. *6*).",
        Submitted = (code, when, onDuty, phone) =>
            $"Permohonan pendampingan ABH sudah *diterima* dengan nomor *{code}* ({when}).\n" +
            (onDuty is null
                ? "Petugas kami sudah diberi tahu. "
                : $"Petugas piket saat ini: *{onDuty}*, sudah diberi tahu. ") +
            "Permohonan segera diserahkan kepada Kepala untuk disposisi, lalu PK yang ditunjuk berangkat; kami kabari nama dan nomor PK-nya. " +
            "Standar layanan: PK mulai mendampingi paling lama 1 jam sejak disposisi.\n" +
            (phone is null ? "" : $"Telepon kantor: {phone}.\n") +
            $"Cek status kapan saja: ketik *status abh {code}*.",
        LetterKept = "Surat permohonan sudah kami terima.",
        NotSent = "Baik, permohonan pendampingan *belum terkirim* dan isian tidak disimpan. Ketik *menu* untuk layanan lain.",
        LeaveAsk = (filled, total) => $"Permohonan pendampingan belum terkirim ({filled} dari {total} butir terisi). Tinggalkan formulir? Isian disimpan sebagai draf; pilih layanan ini lagi untuk melanjutkan.",
        NotFound = code => $"Permohonan pendampingan *{code}* tidak kami temukan. Periksa lagi nomornya (contoh: ABH-7K2M9Q).",
        Paused = until => $"Terlalu banyak nomor yang tidak kami temukan. Silakan coba lagi setelah pukul {until}.",
        Busy = until => $"Layanan cek status sedang sibuk. Silakan coba lagi setelah pukul {until}.",
        Status = (code, label, received, next) => $"Status permohonan pendampingan *{code}* (diterima {received}): *{label}*.\n{next}",
        Statuses = new Dictionary<AbhRequestStatus, (string, string)>
        {
            [AbhRequestStatus.Received] = ("Diterima", "Petugas piket segera menyerahkan permohonan kepada Kepala."),
            [AbhRequestStatus.WithHead] = ("Menunggu disposisi Kepala", "Kepala mendisposisikan permohonan kepada Kasubsi BKA."),
            [AbhRequestStatus.Disposed] = ("Didisposisikan", "Kasubsi BKA menunjuk Pembimbing Kemasyarakatan (PK)."),
            [AbhRequestStatus.Appointed] = ("PK ditunjuk", "PK segera berangkat; kami kabari nama dan nomornya."),
            [AbhRequestStatus.Acknowledged] = ("PK berangkat", "PK sedang menuju atau sudah bersama anak."),
            [AbhRequestStatus.Accompanied] = ("Pendampingan berjalan", "Pendampingan anak sudah dimulai dan tercatat."),
        },
        PkComing = (code, pk, pkPhone, officePhone) =>
            $"Kabar permohonan pendampingan *{code}*: Pembimbing Kemasyarakatan *{pk}* sudah berangkat untuk mendampingi anak. " +
            (pkPhone is not null ? $"Nomor PK: *{pkPhone}*." : officePhone is not null ? $"Hubungi PK lewat telepon kantor: {officePhone}." : "PK akan menghubungi Anda."),
        EmailSubject = code => $"Permohonan pendampingan ABH {code}",
        NotSet = "—",
        At = "pukul",
        Culture = CultureInfo.GetCultureInfo("id-ID"),
        AlertNew = (code, institution, received) =>
            $"🔔 *Permohonan pendampingan ABH {code}*\nDari: {institution}\nDiterima: {received}\nMohon segera diterima dan diserahkan kepada Kepala (standar 1 jam).",
        AlertWaiting = (code, step) => $"🔔 *Pendampingan ABH {code}* menunggu Anda: {step}.",
        AlertEscalated = (code, step, since, asWhom) =>
            $"⚠️ *Belum ditindaklanjuti:* pendampingan ABH {code} menunggu {step} sejak {since}. Anda diberi tahu sebagai {asWhom}; mohon pastikan segera ditangani.",
        AsNextOnDuty = "petugas piket berikutnya",
        AsHead = "Kepala kantor",
        OpenConsole = url => url is null ? "Buka Konsol Petugas, menu *ABH*." : $"Buka: {url}",
        AlertSubject = code => $"[ABH] Permohonan pendampingan {code}",
        WaitingFor = new Dictionary<AbhRequestStatus, string>
        {
            [AbhRequestStatus.Received] = "penyerahan kepada Kepala",
            [AbhRequestStatus.WithHead] = "disposisi Kepala kepada Kasubsi BKA",
            [AbhRequestStatus.Disposed] = "penunjukan PK oleh Kasubsi BKA",
            [AbhRequestStatus.Appointed] = "konfirmasi PK berangkat (paling lama 1 jam sejak disposisi)",
        },
    };
}
