using System.Globalization;
using System.Text;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public class TextNormalizerTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("\n\n\t \r\n", "")]
    [InlineData("halo", "halo")]
    [InlineData("  hello   world  ", "hello world")]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a\r\n\r\nb", "a\n\nb")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\t\t  b", "a b")]
    [InlineData("a\u200Bb", "ab")] // zero-width space
    [InlineData("a\u200Cb\u200Dc", "abc")] // zero-width non-joiner / joiner
    [InlineData("\uFEFFhalo", "halo")] // byte order mark
    [InlineData("a\u2060b", "ab")] // word joiner
    [InlineData("ko\u00ADde", "kode")] // soft hyphen
    [InlineData("\u200E\u202Bhalo\u202C", "halo")] // bidi controls
    [InlineData("a\u0000b\u0007c\u001Bd\u007Fe", "abcde")]
    [InlineData("a\u0085b", "a\nb")]
    [InlineData("a\u2028b", "a\nb")]
    [InlineData("a\u2029b", "a\nb")]
    [InlineData("a\vb\fc", "a\nb\nc")]
    [InlineData("a\u00A0b", "a b")] // no-break space
    [InlineData("a\u3000b", "a b")] // ideographic space
    [InlineData("a\u2003\u2009b", "a b")]
    [InlineData("\u3164", "")] // Hangul filler used to send blank messages
    [InlineData("\u2800\u2800", "")] // blank braille pattern
    [InlineData("a\uFFFEb\uFFFFc", "abc")]
    [InlineData("  a  \n   b  ", "a\nb")]
    [InlineData("a\n\nb", "a\n\nb")]
    [InlineData("a\n\n\nb", "a\n\nb")]
    [InlineData("a\n\n\n\n\n\nb", "a\n\nb")]
    [InlineData("a\n \n\t\n  \nb", "a\n\nb")]
    [InlineData("\n\n a \n\n", "a")]
    [InlineData("Selamat   pagi,\r\n\r\n\r\n  saya mau   daftar  ", "Selamat pagi,\n\nsaya mau daftar")]
    [InlineData("مرحبا   你好  Привет", "مرحبا 你好 Привет")]
    [InlineData("👍  😀", "👍 😀")]
    public void Normalize_cleans_text(string? raw, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(raw));
    }

    [Fact]
    public void Normalize_drops_lone_surrogates()
    {
        // Built at run time: attribute arguments cannot carry unpaired surrogates.
        string highOnly = "a" + (char)0xD800 + "b";
        string lowOnly = "a" + (char)0xDC00 + "b";
        string reversed = new([(char)0xDE00, (char)0xD83D]);

        Assert.Equal("ab", TextNormalizer.Normalize(highOnly));
        Assert.Equal("ab", TextNormalizer.Normalize(lowOnly));
        Assert.Equal(string.Empty, TextNormalizer.Normalize(reversed));
        Assert.Equal("x😀", TextNormalizer.Normalize("x" + (char)0xD800 + "😀"));
    }

    [Fact]
    public void Normalize_composes_to_NFC()
    {
        string result = TextNormalizer.Normalize("Cafe\u0301 Jose\u0301");

        Assert.Equal("Caf\u00E9 Jos\u00E9", result);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_keeps_emoji_sequences_that_use_variation_selectors()
    {
        Assert.Equal("1\uFE0F\u20E3 ok", TextNormalizer.Normalize("1\uFE0F\u20E3  ok"));
    }

    [Fact]
    public void Normalize_returns_the_same_instance_for_clean_text()
    {
        const string clean = "Saya mau daftar kunjungan, nomor 2.";

        Assert.Same(clean, TextNormalizer.Normalize(clean));
    }

    [Theory]
    [InlineData("abcdefgh", 5, "abcde")]
    [InlineData("abcd efgh", 5, "abcd")] // no trailing space after the cut
    [InlineData("abcd\n\nefgh", 5, "abcd")]
    [InlineData("abcd😀", 5, "abcd")] // the emoji would be split
    [InlineData("abc😀", 5, "abc😀")]
    [InlineData("abc", 3, "abc")]
    [InlineData("abc", 0, "")]
    [InlineData("   abc", 3, "abc")] // the cut applies to the cleaned text
    public void Normalize_truncates_on_a_char_boundary(string raw, int maxLength, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(raw, maxLength));
    }

    [Fact]
    public void Normalize_truncates_long_input_to_the_default_2000()
    {
        string result = TextNormalizer.Normalize(new string('a', 5000));

        Assert.Equal(2000, result.Length);
    }

    [Fact]
    public void Normalize_handles_long_whitespace_heavy_input()
    {
        string raw = string.Concat(Enumerable.Repeat("ya  \r\n\t\u200B ", 5000));

        string result = TextNormalizer.Normalize(raw, 50);

        Assert.True(result.Length <= 50);
        Assert.StartsWith("ya\nya\nya", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_rejects_a_negative_max_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextNormalizer.Normalize("a", -1));
    }

    [Theory]
    [InlineData("  MENU!! ", "menu")]
    [InlineData("Petugas 🙏", "petugas")]
    [InlineData("*batal*", "batal")]
    [InlineData("Batal.", "batal")]
    [InlineData("_Menu_", "menu")]
    [InlineData("~menu~", "menu")]
    [InlineData("#menu", "menu")]
    [InlineData("\"bantuan\"", "bantuan")]
    [InlineData("HUBUNGI   PETUGAS", "hubungi petugas")]
    [InlineData("menu\n\nutama", "menu utama")]
    [InlineData("  Jum'at  ", "jum'at")]
    [InlineData("lupa-password?", "lupa-password")]
    [InlineData("1️⃣", "1")]
    [InlineData("👉 2 👈", "2")]
    [InlineData("\u200Bmenu\u200B", "menu")]
    [InlineData("Café", "café")]
    [InlineData("Cafe\u0301!", "café")]
    [InlineData("ÇA", "ça")]
    [InlineData("مرحبا!", "مرحبا")]
    [InlineData("你好。", "你好")]
    [InlineData("menu", "menu")]
    [InlineData("🙏🙏", "")]
    [InlineData("...?!", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Keyword_reduces_a_message_to_a_command_word(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Keyword(text));
    }

    [Fact]
    public void Keyword_is_null_safe()
    {
        Assert.Equal(string.Empty, TextNormalizer.Keyword(null!));
    }

    [Fact]
    public void Keyword_handles_a_5000_char_message()
    {
        string text = "!!" + new string('A', 5000) + "!!";

        string keyword = TextNormalizer.Keyword(text);

        Assert.True(keyword.Length <= 2000);
        Assert.All(keyword, c => Assert.Equal('a', c));
    }

    [Fact]
    public void Random_input_never_throws_and_stays_normalized()
    {
        RandomInput.ForEach(seed: 1001, input =>
        {
            string result = TextNormalizer.Normalize(input, 300);

            Assert.True(result.Length <= 300);
            Assert.Equal(result, TextNormalizer.Normalize(result, 300)); // idempotent
            Assert.Equal(result, result.Trim());
            Assert.DoesNotContain("  ", result, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", result, StringComparison.Ordinal);
            Assert.DoesNotContain(" \n", result, StringComparison.Ordinal);
            Assert.DoesNotContain("\n ", result, StringComparison.Ordinal);
            for (int i = 0; i < result.Length; i++)
            {
                char c = result[i];
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
                Assert.True(c == '\n' || category is not (UnicodeCategory.Control or UnicodeCategory.Format));
                if (char.IsHighSurrogate(c))
                {
                    Assert.True(i + 1 < result.Length && char.IsLowSurrogate(result[i + 1]));
                    i++;
                }
                else
                {
                    Assert.False(char.IsLowSurrogate(c));
                }
            }

            string keyword = TextNormalizer.Keyword(input);
            Assert.Equal(keyword, TextNormalizer.Keyword(keyword));
            Assert.DoesNotContain("  ", keyword, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", keyword, StringComparison.Ordinal);
        });
    }
}
