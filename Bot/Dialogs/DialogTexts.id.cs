namespace ChatBot.Bot.Dialogs;

public sealed partial record DialogTexts
{
    public static readonly DialogTexts Indonesian = new()
    {
        Yes = "Ya",
        No = "Tidak",
        EmptyAnswer = "Mohon tuliskan jawaban Anda.",
        Weekdays = "Senin–Jumat",
        TooLong = max => $"Jawaban terlalu panjang. Mohon singkat saja, paling banyak {max} huruf.",
        ChooseNumber = count => count > 0
            ? $"Maaf, pilihan itu tidak kami kenali. Balas dengan angka 1 sampai {count}, atau tulis nama pilihannya."
            : "Maaf, pilihan itu tidak kami kenali.",
        AnswerYesNo = "Mohon jawab *ya* atau *tidak*.",
        NumberOnly = "Mohon jawab dengan angka, misalnya 2.",
        NumberBetween = (min, max) => $"Mohon jawab dengan angka dari {min} sampai {max}.",
        DateFormat = "Tanggal belum kami pahami. Contoh: 25-12-2026, 25 Desember, atau besok.",
        DateNotPast = "Tanggal itu sudah lewat. Mohon pilih hari ini atau tanggal yang akan datang.",
        DateNotFuture = "Tanggal itu belum terjadi. Mohon tulis tanggal hari ini atau sebelumnya.",
        PhoneFormat = "Nomor telepon belum benar. Contoh: 081234567890.",
        EmailFormat = "Alamat email belum benar. Contoh: nama@gmail.com.",
        EmailTypo = suggestion => $"Apakah maksud Anda {suggestion}? Jika ya, mohon tulis ulang alamat itu.",
        NikLength = "NIK terdiri dari 16 angka, seperti tertulis di KTP. Mohon periksa lagi.",
        NikInvalid = "NIK itu tidak sesuai format KTP. Mohon periksa lagi angka-angkanya.",
        AttachmentMissing = "Mohon kirim fotonya (JPG/PNG) atau berkas PDF.",
        AttachmentType = "Berkas itu tidak dapat kami terima. Mohon kirim foto (JPG/PNG) atau PDF.",
        AttachmentSize = bytes => $"Berkas terlalu besar. Paling besar {Megabytes(bytes)} MB.",
        QuestionAtPrompt = "Sepertinya itu pertanyaan. Bila perlu penjelasan, ketik *bantuan*, atau *petugas* untuk bertanya langsung kepada petugas.",
        AskedAgain = "Mohon jawab pertanyaan ini:",
        NoEmailHint = "Bila tidak punya email, ketik *tidak ada*.",
        NotAName = "Mohon tulis nama lengkap, misalnya Siti Aminah.",
        OfferOfficer = "Jika kesulitan, ketik *petugas* untuk dibantu petugas, atau *menu* untuk kembali ke menu utama.",
        EmptyMessage = "Pesan Anda kosong. Silakan tulis pesan Anda.",
        EmailFooter = "Balas email ini untuk menjawab; cukup tulis jawaban Anda di baris paling atas. Untuk pilihan bernomor, tulis nomornya atau nama pilihannya.\nPerintah yang selalu bisa dipakai: menu (menu utama), batal, kembali, bantuan, petugas (dilayani petugas).",
        LinesNotRead = lines => $"({lines} baris berikutnya dalam email Anda belum kami baca. Mohon jawab pertanyaan di atas terlebih dahulu.)",
        OnlyAttachment = "Terima kasih, berkas sudah kami terima. Saat ini berkas hanya kami perlukan ketika diminta.",
        SummaryHint = items => $"Ketik *ya* bila semuanya sudah benar, atau ketik nomor butir (1–{items}) yang ingin diperbaiki. Ketik *batal* bila tidak jadi.",
        WhichItem = "Baik, bagian mana yang ingin Anda perbaiki? Ketik nomor butirnya.",
        Cancelled = "Baik, dibatalkan.",
        NothingToGoBackTo = "Tidak ada langkah sebelumnya.",
        FlowRestarted = "Mohon maaf, layanan ini baru saja diperbarui sehingga kita perlu mulai lagi dari awal.",
        SomethingWentWrong = "Mohon maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi, atau ketik *petugas*.",
        LanguageSwitched = "Baik, kita lanjutkan dalam Bahasa Indonesia.",
        FileRefusedType = "Berkas yang Anda kirim tidak dapat kami terima. Kami hanya menerima foto (JPG/PNG) atau PDF.",
        FileRefusedSize = bytes => $"Berkas yang Anda kirim terlalu besar. Paling besar {Megabytes(bytes)} MB.",
        FileUnavailable = "Berkas yang Anda kirim tidak dapat kami unduh. Mohon kirim ulang.",
        OptedOut = "Baik, Anda tidak akan menerima pemberitahuan dari kami lagi. Kirim pesan apa saja bila ingin menerimanya kembali.",
    };
}
