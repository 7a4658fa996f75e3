using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public class YesNoRecognizerTests
{
    [Theory]
    [InlineData("kirim")]
    [InlineData("ya")]
    [InlineData("Ya")]
    [InlineData("YA")]
    [InlineData("iya")]
    [InlineData("iyaa")]
    [InlineData("iyaaaa")]
    [InlineData("yaaa")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("yes")]
    [InlineData("Yesss!")]
    [InlineData("ok")]
    [InlineData("oke")]
    [InlineData("okee")]
    [InlineData("okay")]
    [InlineData("OKE!")]
    [InlineData("benar")]
    [InlineData("betul")]
    [InlineData("setuju")]
    [InlineData("boleh")]
    [InlineData("mau")]
    [InlineData("lanjut")]
    [InlineData("sip")]
    [InlineData("sipp")]
    [InlineData("siap")]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData("1️⃣")]
    [InlineData("ya, benar")]
    [InlineData("Ya!!!")]
    [InlineData("*ya*")]
    [InlineData("  ya  \n")]
    [InlineData("ya 👍")]
    [InlineData("ok 🙏")]
    [InlineData("iya kak")]
    [InlineData("kak iya")]
    [InlineData("Oh iya, lanjut")]
    [InlineData("oh ya?")]
    [InlineData("ya, saya mau")]
    [InlineData("ya kak, besok saya datang")]
    [InlineData("bisa")]
    [InlineData("boleh deh")]
    [InlineData("Y.")]
    [InlineData("gak papa")]
    [InlineData("gpp")]
    [InlineData("tidak apa-apa")]
    [InlineData("nggak masalah")]
    [InlineData("no problem")]
    [InlineData("ya, tidak masalah")]
    [InlineData("iya gak apa2")]
    [InlineData("yes please")]
    [InlineData("ya ya ya")]
    [InlineData("ya 你好 مرحبا")]
    [InlineData("👍")]
    [InlineData("👍🏽")]
    [InlineData("✅")]
    [InlineData("👌")]
    public void Recognizes_yes(string text)
    {
        Assert.Equal(Recognized<bool>.Success(true), YesNoRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("tidak")]
    [InlineData("Tidak.")]
    [InlineData("TIDAK")]
    [InlineData("tdk")]
    [InlineData("gak")]
    [InlineData("gakk")]
    [InlineData("nggak")]
    [InlineData("enggak")]
    [InlineData("engga")]
    [InlineData("ga")]
    [InlineData("gaaa")]
    [InlineData("gk")]
    [InlineData("no")]
    [InlineData("Nooo")]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("bukan")]
    [InlineData("jangan")]
    [InlineData("tolak")]
    [InlineData("belum")]
    [InlineData("2")]
    [InlineData("2.")]
    [InlineData("tidak mau")]
    [InlineData("tidak setuju")]
    [InlineData("gak boleh")]
    [InlineData("tidak bisa")]
    [InlineData("nggak jadi")]
    [InlineData("tidak usah")]
    [InlineData("gak mau ah")]
    [InlineData("nope")]
    [InlineData("tidak, terima kasih")]
    [InlineData("no thanks")]
    [InlineData("gak dulu ya")]
    [InlineData("nggak ya kak")]
    [InlineData("pak, tidak")]
    [InlineData("bukan, itu salah")]
    [InlineData("👎")]
    [InlineData("❌")]
    public void Recognizes_no(string text)
    {
        Assert.Equal(Recognized<bool>.Success(false), YesNoRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("ya tidak")]
    [InlineData("iya gak")]
    [InlineData("ya, tapi tidak bisa")]
    [InlineData("no, ok")]
    [InlineData("tidak, yes")]
    [InlineData("1 tidak")]
    [InlineData("ya batal")]
    [InlineData("tidak, batal saja")]
    [InlineData("👍👎")]
    public void Conflicting_answers_are_ambiguous(string text)
    {
        Assert.Equal(Recognized<bool>.Fail("ambiguous"), YesNoRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("batal")]
    [InlineData("Batal!")]
    [InlineData("cancel")]
    [InlineData("mungkin")]
    [InlineData("gak tau")]
    [InlineData("tidak tahu")]
    [InlineData("nggak yakin")]
    [InlineData("not sure")]
    [InlineData("no idea")]
    [InlineData("saya tidak tahu")]
    [InlineData("3")]
    [InlineData("12")]
    [InlineData("yaitu")]
    [InlineData("tidakkah")]
    [InlineData("🙏")]
    [InlineData("???")]
    [InlineData("kak")]
    [InlineData("مرحبا")]
    [InlineData("你好")]
    [InlineData("да")]
    [InlineData("نعم ya")]
    [InlineData("99999999999999999999")]
    public void Other_answers_are_format(string text)
    {
        Assert.Equal(Recognized<bool>.Fail("format"), YesNoRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\r\n")]
    [InlineData("\u200B\uFEFF")]
    [InlineData("\u0000\u0007")]
    [InlineData("\u3164")]
    public void Blank_input_is_empty(string? text)
    {
        Assert.Equal(Recognized<bool>.Fail("empty"), YesNoRecognizer.Recognize(text!));
    }

    [Theory]
    [InlineData("y\u200Ba", true)] // zero-width space inside the word
    [InlineData("\u0000ya\u0007", true)]
    [InlineData("\u202Btidak\u202C", false)]
    [InlineData("i\u00ADya", true)] // soft hyphen
    public void Control_and_invisible_characters_are_ignored(string text, bool expected)
    {
        Assert.Equal(Recognized<bool>.Success(expected), YesNoRecognizer.Recognize(text));
    }

    [Fact]
    public void Line_breaks_separate_words()
    {
        Assert.Equal(Recognized<bool>.Fail("ambiguous"), YesNoRecognizer.Recognize("ya\r\ntidak"));
    }

    [Fact]
    public void A_5000_char_message_is_handled()
    {
        Assert.Equal(Recognized<bool>.Fail("format"), YesNoRecognizer.Recognize(new string('a', 5000)));

        string longYes = "ya " + string.Join(' ', Enumerable.Repeat("kunjungan", 600));
        Assert.Equal(Recognized<bool>.Success(true), YesNoRecognizer.Recognize(longYes));
    }

    [Fact]
    public void Random_input_never_throws_and_fails_with_known_codes()
    {
        string[] codes = ["empty", "format", "ambiguous"];
        RandomInput.ForEach(seed: 2002, input =>
        {
            Recognized<bool> result = YesNoRecognizer.Recognize(input);

            if (result.Ok)
            {
                Assert.Null(result.Problem);
            }
            else
            {
                Assert.Contains(result.Problem, codes);
                Assert.False(result.Value);
            }
        });
    }
}
