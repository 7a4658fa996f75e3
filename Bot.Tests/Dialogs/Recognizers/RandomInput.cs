using System.Text;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

/// <summary>
/// Deterministic random messages for property-style tests: a mix of digits, letters, emoji, punctuation, control
/// and invisible characters, broken surrogates, other scripts and the words the recognizers look for.
/// </summary>
internal static class RandomInput
{
    public const int Count = 5000;

    private static readonly string[] Fragments =
    [
        "0", "1", "2", "3", "7", "8", "9", "00", "08", "12", "25", "29", "31", "62", "+62", "+", "-", ".", ",", "/",
        "(", ")", ":", ";", "@", "#", "*", "'", "’", "?", "!", "<", ">", "_", "%", " ", "  ", "\n", "\r\n", "\r",
        "\t", "\u00A0", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085",
        "\u2028", "\u3164", "\u2800", "\uFFFE", "\uFFFF", "\uD83D", "\uDE00", "😀", "👍", "👎", "🙏", "1️⃣", "🇮🇩",
        "👨‍👩‍👧", "مرحبا", "你好", "Привет", "é", "e\u0301", "ſ", "K", "İ", "ß", "a", "b", "x", "Z", "ya", "iya",
        "tidak", "gak", "papa", "batal", "ok", "no", "kak", "satu", "dua", "puluh", "belas", "ribu", "seratus",
        "juta", "twenty", "one", "hundred", "and", "nomor", "pilih", "kunjungan", "video", "titip", "barang",
        "Desember", "des", "Jan", "Mei", "Agt", "Pebruari", "Nopember", "December", "tanggal", "tgl", "besok",
        "lusa", "kemarin", "hari ini", "senin", "jum'at", "minggu", "depan", "lalu", "ini", "next", "week",
        "1.000", "1,5", "10.30", "25-12-2026", "2026-12-25", "31-02-2026", "29-02", "25/12", "9223372036854775807",
        "99999999999999999999", "081234567890", "0812-3456-7890", "6281234567890", "whatsapp:", "tel:", "0062",
        "021", "3201010101900001", "3201", "0000", "budi", "Budi", "gmail.con", "gmail.com", "mail.co.id",
        "mailto:", "-mail", "..", "a@b", "@@",
    ];

    public static IEnumerable<string> Strings(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < Count; i++)
        {
            yield return Next(random);
        }
    }

    /// <summary>Runs <paramref name="check"/> on every random input, naming the input when it fails.</summary>
    public static void ForEach(int seed, Action<string> check)
    {
        foreach (string input in Strings(seed))
        {
            try
            {
                check(input);
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Failed for input \"{Escape(input)}\": {exception}");
            }
        }
    }

    /// <summary>Shows control and non-ASCII characters as \uXXXX so a failing input can be copied into a test.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text.Length > 300 ? text[..300] : text)
        {
            builder.Append(c is >= ' ' and <= '~' and not '\\' and not '"' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }

    private static string Next(Random random)
    {
        int kind = random.Next(20);
        if (kind == 0)
        {
            return RawCodeUnits(random, random.Next(0, 40));
        }

        if (kind == 1)
        {
            return Fragmented(random, 5000);
        }

        return Fragmented(random, random.Next(0, 80));
    }

    /// <summary>Any UTF-16 code units, including lone surrogates and unassigned code points.</summary>
    private static string RawCodeUnits(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append((char)random.Next(0, 0x10000));
        }

        return builder.ToString();
    }

    private static string Fragmented(Random random, int targetLength)
    {
        var builder = new StringBuilder(targetLength + 32);
        while (builder.Length < targetLength)
        {
            builder.Append(Fragments[random.Next(Fragments.Length)]);
            if (random.Next(3) == 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
