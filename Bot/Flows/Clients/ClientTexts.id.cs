namespace ChatBot.Bot.Flows.Clients;

public sealed partial record ClientTexts
{
    public static readonly ClientTexts Indonesian = new()
    {
        AskNumber = "Ketik *nomor register klien* (tertulis pada kartu bimbingan atau surat dari Bapas, contoh: PB-123/BPS/2026).",
        NumberHelp = "Nomor register klien diberikan Bapas saat klien mulai dibimbing; tertulis pada kartu bimbingan atau surat dari Bapas. Bila tidak tahu, tanyakan kepada PK klien atau ketik *petugas*.",
        AskBirthDate = "Ketik *tanggal lahir klien* (contoh: 17-08-1990).",
        BirthDateHelp = "Tanggal lahir klien dipakai untuk memastikan bahwa Anda memang klien atau mewakili klien. Tulis tanggal, bulan dan tahun, misalnya 17-08-1990 atau 17 Agustus 1990.",
        NotMatched = "Mohon maaf, data klien belum dapat kami cocokkan. Periksa kembali nomor register dan tanggal lahir klien, atau ketik *petugas* untuk dibantu petugas.",
        Matched = number => $"Data klien dengan nomor register *{number}* cocok.",
        Paused = until => $"Mohon maaf, terlalu banyak percobaan pencocokan data klien. Demi menjaga kerahasiaan data, silakan coba lagi setelah pukul {until}, atau ketik *petugas* untuk dibantu petugas.",
        Busy = until => $"Mohon maaf, layanan pencocokan data klien sedang sangat sibuk. Silakan coba lagi setelah pukul {until}, atau hubungi kantor kami (ketik *petugas* untuk dibantu petugas).",
    };
}
