namespace ChatBot.Bot.Flows.MainMenu;

public sealed partial record MainMenuTexts
{
    public static readonly MainMenuTexts Indonesian = new()
    {
        Welcome = office => $"Selamat datang di layanan informasi *{office}*. Semua layanan ini *gratis*, tidak dipungut biaya.",
        ChooseService = "Silakan pilih layanan dengan membalas angkanya:",
        Labels = new Dictionary<string, string>
        {
            ["visit"] = "Pendaftaran kunjungan video call",
            ["litmas"] = "Status litmas (penelitian kemasyarakatan)",
            ["integration"] = "Informasi integrasi (asimilasi, PB, CB, CMB)",
            ["complaint"] = "Pengaduan",
            ["permit"] = "Izin ke luar kota",
            ["officer"] = "Bicara dengan petugas",
        },
        Synonyms = new Dictionary<string, string[]>
        {
            ["visit"] = ["kunjungan", "video call", "vc", "besuk", "bezuk", "kunjung", "status kunjungan", "jadwal kunjungan", "batal kunjungan"],
            ["litmas"] = ["litmas", "penelitian kemasyarakatan", "status litmas"],
            ["integration"] = ["integrasi", "asimilasi", "pb", "cb", "cmb", "pembebasan bersyarat", "cuti bersyarat", "cuti menjelang bebas"],
            ["complaint"] = ["pengaduan", "aduan", "komplain", "keluhan", "lapor"],
            ["permit"] = ["izin", "ijin", "luar kota", "izin keluar kota"],
            ["officer"] = ["petugas", "operator", "manusia", "orang"],
        },
        ComingSoon = label => $"Layanan \"{label}\" segera hadir di sini. Untuk sementara, silakan datang atau menghubungi kantor kami pada jam layanan.",
        OfficerUnavailable = (office, hours) =>
            $"Chat langsung dengan petugas tidak tersedia di sini. Silakan hubungi petugas {office} pada jam layanan: {hours}.",
        NoServices = "Mohon maaf, saat ini belum ada layanan yang dapat dilayani lewat chat.",
        Weekdays = "Senin–Jumat",
    };
}
