using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.MainMenu;

public sealed partial record MainMenuTexts
{
    public static readonly MainMenuTexts Indonesian = new()
    {
        Welcome = office => $"Selamat datang di layanan informasi *{office}*. Semua layanan ini *gratis*, tidak dipungut biaya.",
        ChooseService = "Silakan pilih layanan dengan membalas angkanya:",
        ComingSoon = (label, reach) => $"Layanan \"{label}\" segera hadir di sini. Untuk sementara: {reach}",
        NoServices = "Mohon maaf, saat ini belum ada layanan yang dapat dilayani lewat chat.",
    };
}
