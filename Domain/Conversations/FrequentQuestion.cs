using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Conversations;

/// <summary>
/// A question people often ask an office (where it is, its hours, what a visit costs), with the
/// words that recognise it and the answer the bot gives from anywhere in a conversation. Officers
/// keep the list in the console; the answer may name the office's own settings with
/// <c>{kantor}</c>, <c>{alamat}</c>, <c>{telepon}</c> and <c>{jam}</c>.
/// </summary>
public sealed class FrequentQuestion
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The question as officers name it in the list, e.g. "Alamat kantor".</summary>
    public required string Question { get; set; }

    /// <summary>Phrases, separated by commas, any of which in a question asks this one ("alamat, lokasi, rutan dimana").</summary>
    public required string Keywords { get; set; }

    public required string Answer { get; set; }

    public const int MaxAnswerLength = 1000;

    public const int MaxKeywordsLength = 500;

    /// <summary>The phrases, normalised as <see cref="FrequentQuestions.Normalize"/> reads a message.</summary>
    public IEnumerable<string> Phrases() =>
        Keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(FrequentQuestions.Normalize)
            .Where(p => p.Length > 0);
}

/// <summary>Finding the office's frequent question a message asks, and the ones a new office starts with.</summary>
public static class FrequentQuestions
{
    /// <summary>
    /// The question <paramref name="text"/> asks, or null: the entry with a phrase found whole in the
    /// text (the longest phrase wins, then the most phrases found).
    /// </summary>
    public static async Task<FrequentQuestion?> MatchAsync(Persistence.UnitOfWork work, int officeId, string text)
    {
        var entries = await work.Db.FrequentQuestions.AsNoTracking().Where(q => q.OfficeId == officeId).ToListAsync(work.CancellationToken);
        return Match(entries, text);
    }

    public static FrequentQuestion? Match(IEnumerable<FrequentQuestion> entries, string text)
    {
        var padded = $" {Normalize(text)} ";
        return entries
            .Select(entry => (entry, found: entry.Phrases().Where(p => padded.Contains($" {p} ", StringComparison.Ordinal)).ToList()))
            .Where(m => m.found.Count > 0)
            .OrderByDescending(m => m.found.Max(p => p.Length))
            .ThenByDescending(m => m.found.Count)
            .Select(m => m.entry)
            .FirstOrDefault();
    }

    /// <summary>Lower case letters and digits, single spaces between words (punctuation and emoji dropped).</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>What every office starts with: address, hours, cost (always free), what a visit needs.</summary>
    public static IEnumerable<FrequentQuestion> Defaults(int officeId) =>
    [
        new()
        {
            OfficeId = officeId,
            Question = "Alamat kantor",
            Keywords = "alamat, lokasi, letak kantor, kantornya dimana, kantor dimana, rutan dimana, lapas dimana, bapas dimana, lpka dimana, dimana kantornya, dimana rutannya, dimana lapasnya, share lokasi, maps",
            Answer = "Alamat {kantor}: {alamat}. Telepon: {telepon}. Jam layanan: {jam}.",
        },
        new()
        {
            OfficeId = officeId,
            Question = "Jam layanan dan jadwal kunjungan",
            Keywords = "jam besuk, jam kunjungan, jadwal besuk, jadwal kunjungan, hari besuk, besuk hari apa, kunjungan hari apa, jam layanan, jam buka, jam kerja, buka jam, buka hari apa, jam berapa buka",
            Answer = "Jam layanan petugas {kantor}: {jam}. Jadwal kunjungan video call yang masih kosong bisa dilihat saat mendaftar: ketik *menu* lalu pilih kunjungan.",
        },
        new()
        {
            OfficeId = officeId,
            Question = "Biaya layanan",
            Keywords = "biaya, biayanya, bayar, bayarnya, berbayar, tarif, harga, ongkos, gratis, pungutan, dipungut",
            Answer = "Semua layanan pemasyarakatan, termasuk kunjungan video call, *gratis* dan tidak dipungut biaya apa pun. Jika ada yang meminta uang, laporkan lewat menu *Pengaduan*.",
        },
        new()
        {
            OfficeId = officeId,
            Question = "Syarat kunjungan",
            Keywords = "syarat kunjungan, syarat besuk, syarat video call, syarat vc, syarat daftar kunjungan, persyaratan kunjungan, persyaratan besuk, syaratnya apa, apa syaratnya, apa saja syaratnya",
            Answer = "Untuk kunjungan video call siapkan: nama lengkap atau nomor registrasi WBP, tanggal lahirnya, hubungan Anda dengan WBP, dan nomor WhatsApp yang aktif untuk dihubungi petugas. Daftar lewat *menu* lalu pilih kunjungan.",
        },
    ];
}
