namespace ChatBot.Bot.Flows.Help;

public sealed partial record HelpTexts
{
    public static readonly HelpTexts Indonesian = new()
    {
        Body = (office, hours) =>
            $"""
            *Bantuan*
            Ini adalah layanan chat {office}. Anda dapat mendaftar kunjungan video call, menanyakan status litmas, informasi integrasi, dan menyampaikan pengaduan. Semua layanan *gratis*.

            Perintah yang bisa diketik kapan saja:
            • *menu*: kembali ke menu utama
            • *batal*: membatalkan proses yang sedang berjalan
            • *kembali*: mengulang pertanyaan sebelumnya
            • *petugas*: minta dibantu petugas
            • *english*: ganti ke Bahasa Inggris

            Jam layanan petugas: {hours}.
            """,
    };
}
