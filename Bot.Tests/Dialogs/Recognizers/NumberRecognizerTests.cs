using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public class NumberRecognizerTests
{
    [Theory]
    [InlineData("⭐⭐⭐⭐", 4)]
    [InlineData("★★★", 3)]
    [InlineData("⭐️ ⭐️", 2)]
    [InlineData("3", 3)]
    [InlineData("  42  ", 42)]
    [InlineData("007", 7)]
    [InlineData("0", 0)]
    [InlineData("3.", 3)]
    [InlineData("#7", 7)]
    [InlineData("2️⃣", 2)]
    [InlineData("nomor 3", 3)]
    [InlineData("saya 2 orang", 2)]
    [InlineData("3 (tiga)", 3)] // the same number twice is not ambiguous
    [InlineData("1.000", 1000)]
    [InlineData("1,000", 1000)]
    [InlineData("1.000.000", 1_000_000)]
    [InlineData("12,345,678", 12_345_678)]
    [InlineData("Rp 50.000", 50_000)]
    [InlineData("-5", -5)]
    [InlineData("suhu -5 derajat", -5)]
    [InlineData("\u22125", -5)] // Unicode minus sign
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775807", -long.MaxValue)]
    [InlineData("nol", 0)]
    [InlineData("satu", 1)]
    [InlineData("Tiga", 3)]
    [InlineData("sembilan", 9)]
    [InlineData("sepuluh", 10)]
    [InlineData("sebelas", 11)]
    [InlineData("dua belas", 12)]
    [InlineData("sembilan belas", 19)]
    [InlineData("dua puluh", 20)]
    [InlineData("dua puluh lima", 25)]
    [InlineData("tiga puluh", 30)]
    [InlineData("sembilan puluh sembilan", 99)]
    [InlineData("seratus", 100)]
    [InlineData("seratus dua puluh lima", 125)]
    [InlineData("dua ratus", 200)]
    [InlineData("seribu", 1000)]
    [InlineData("seribu lima ratus", 1500)]
    [InlineData("dua ribu dua puluh enam", 2026)]
    [InlineData("sepuluh ribu", 10_000)]
    [InlineData("sejuta", 1_000_000)]
    [InlineData("dua juta lima ratus ribu", 2_500_000)]
    [InlineData("zero", 0)]
    [InlineData("one", 1)]
    [InlineData("ten", 10)]
    [InlineData("twelve", 12)]
    [InlineData("nineteen", 19)]
    [InlineData("twenty", 20)]
    [InlineData("twenty-one", 21)]
    [InlineData("ninety nine", 99)]
    [InlineData("one hundred and five", 105)]
    [InlineData("two thousand twenty six", 2026)]
    [InlineData("saya datang bertiga, maksudnya tiga orang", 3)]
    [InlineData("tiga\u200B", 3)]
    [InlineData("\u00003\u0007", 3)]
    [InlineData("مرحبا 3 你好", 3)]
    [InlineData("10rb", 10_000)]
    [InlineData("50 ribu", 50_000)]
    [InlineData("5k", 5_000)]
    [InlineData("5K", 5_000)]
    [InlineData("1 juta", 1_000_000)]
    [InlineData("1jt", 1_000_000)]
    [InlineData("2,5 jt", 2_500_000)]
    [InlineData("1.5 juta", 1_500_000)]
    [InlineData("1.500 rb", 1_500_000)]
    [InlineData("Rp. 100.000,-", 100_000)]
    [InlineData("3 billion", 3_000_000_000)]
    [InlineData("9223372036854775 ribu", 9_223_372_036_854_775_000)]
    [InlineData("10 rbu", 10)] // not a scale word: just the number
    [InlineData("dua orang", 2)]
    public void Recognizes_numbers(string text, long expected)
    {
        Assert.Equal(Recognized<long>.Success(expected), NumberRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("3 atau 4")]
    [InlineData("dua tiga")]
    [InlineData("2 orang dewasa dan 1 anak")]
    [InlineData("25-12-2026")]
    [InlineData("1,5 atau 2")]
    [InlineData("satu 2")]
    [InlineData("dua ribu tiga juta")]
    public void Several_numbers_are_ambiguous(string text)
    {
        Assert.Equal(Recognized<long>.Fail("ambiguous"), NumberRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("banyak")]
    [InlineData("1,5")] // decimals are not whole numbers
    [InlineData("10.30")]
    [InlineData("1.000,50")]
    [InlineData("1234.567")]
    [InlineData("1.000,000")]
    [InlineData("🙏")]
    [InlineData("مرحبا")]
    [InlineData("你好")]
    [InlineData("٣")] // only ASCII digits count
    [InlineData("ribu")]
    [InlineData("1,2345 rb")] // still not whole
    [InlineData("12.5")]
    public void Text_without_a_whole_number_is_format(string text)
    {
        Assert.Equal(Recognized<long>.Fail("format"), NumberRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("5", 1L, 3L)]
    [InlineData("0", 1L, null)]
    [InlineData("-1", 0L, null)]
    [InlineData("100", null, 99L)]
    [InlineData("empat", 1L, 3L)]
    public void Out_of_bounds_is_range(string text, long? min, long? max)
    {
        Assert.Equal(Recognized<long>.Fail("range"), NumberRecognizer.Recognize(text, min, max));
    }

    [Theory]
    [InlineData("1", 1L, 3L, 1)]
    [InlineData("3", 1L, 3L, 3)]
    [InlineData("dua", 2L, 2L, 2)]
    public void Bounds_are_inclusive(string text, long? min, long? max, long expected)
    {
        Assert.Equal(Recognized<long>.Success(expected), NumberRecognizer.Recognize(text, min, max));
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("9.223.372.036.854.775.808")]
    [InlineData("-9223372036854775809")]
    [InlineData("9223372036854776 ribu")]
    [InlineData("99999999999 miliar")]
    public void Numbers_too_large_for_a_long_are_range(string text)
    {
        Assert.Equal(Recognized<long>.Fail("range"), NumberRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\n")]
    public void Blank_input_is_empty(string? text)
    {
        Assert.Equal(Recognized<long>.Fail("empty"), NumberRecognizer.Recognize(text!));
    }

    [Fact]
    public void A_5000_char_message_is_handled()
    {
        Assert.Equal(Recognized<long>.Fail("format"), NumberRecognizer.Recognize(new string('x', 5000)));
        Assert.Equal(Recognized<long>.Fail("range"), NumberRecognizer.Recognize(new string('9', 5000)));

        string padded = string.Join(' ', Enumerable.Repeat("orang", 300)) + " 7";
        Assert.Equal(Recognized<long>.Success(7), NumberRecognizer.Recognize(padded));
    }

    [Fact]
    public void Random_input_never_throws_and_respects_bounds()
    {
        string[] codes = ["empty", "format", "ambiguous", "range"];
        RandomInput.ForEach(seed: 3003, input =>
        {
            Recognized<long> unbounded = NumberRecognizer.Recognize(input);
            Recognized<long> bounded = NumberRecognizer.Recognize(input, -10, 100);

            Assert.True(unbounded.Ok || codes.Contains(unbounded.Problem));
            Assert.True(bounded.Ok || codes.Contains(bounded.Problem));
            if (bounded.Ok)
            {
                Assert.InRange(bounded.Value, -10, 100);
                Assert.Equal(unbounded, bounded);
            }
        });
    }
}
