using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public class NikRecognizerTests
{
    private static readonly int[] Provinces =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73,
        74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
    ];

    [Theory]
    [InlineData("3201010101900001")]
    [InlineData("3201 0101 0190 0001")]
    [InlineData("3201.0101.0190.0001")]
    [InlineData("3201-01-010190-0001")]
    [InlineData("NIK saya 3201010101900001")]
    [InlineData("NIK: 3201010101900001, lahir 01-01-1990")] // the short date runs are ignored
    [InlineData("3201010101900001 (3201010101900001)")] // the same NIK twice
    [InlineData("\u200B3201010101900001\u0000")]
    [InlineData("NIK 3201010101900001 你好 مرحبا")]
    public void Recognizes_a_valid_nik(string text)
    {
        Assert.Equal(Recognized<string>.Success("3201010101900001"), NikRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("3201014101900001")] // woman: day 41 is the 1st
    [InlineData("3201017101900001")] // woman: day 71 is the 31st
    [InlineData("3201013101900001")] // 31 January
    [InlineData("3201012902000001")] // 29 February, any year
    [InlineData("3201016902990001")] // woman, 29 February
    [InlineData("3201013012000001")] // 30 December
    [InlineData("1101013112990001")] // Aceh
    [InlineData("9701010101009999")] // the newest Papua province code
    [InlineData("3173010101900001")]
    public void Accepts_structurally_valid_niks(string nik)
    {
        Assert.Equal(Recognized<string>.Success(nik), NikRecognizer.Recognize(nik));
    }

    [Fact]
    public void Accepts_every_listed_province_code()
    {
        foreach (int province in Provinces)
        {
            string nik = $"{province}01010101900001";
            Assert.Equal(Recognized<string>.Success(nik), NikRecognizer.Recognize(nik));
        }
    }

    [Fact]
    public void Rejects_every_other_province_code()
    {
        for (int code = 0; code < 100; code++)
        {
            if (Provinces.Contains(code))
            {
                continue;
            }

            string nik = $"{code:D2}01010101900001";
            Assert.Equal(Recognized<string>.Fail("province"), NikRecognizer.Recognize(nik));
        }
    }

    [Theory]
    [InlineData("320101010190000")] // 15
    [InlineData("32010101019000011")] // 17
    [InlineData("3201 0101 0190 000")]
    [InlineData("3201010101")] // 10
    [InlineData("1234")]
    [InlineData("99999999999999999999999999999999")]
    public void Wrong_digit_counts_are_length(string text)
    {
        Assert.Equal(Recognized<string>.Fail("length"), NikRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("1001010101900001")]
    [InlineData("2001010101900001")]
    [InlineData("3701010101900001")]
    [InlineData("0001010101900001")]
    [InlineData("9901010101900001")]
    public void Unknown_provinces_are_province(string text)
    {
        Assert.Equal(Recognized<string>.Fail("province"), NikRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("3201010001900001")] // day 00
    [InlineData("3201013201900001")] // day 32
    [InlineData("3201014001900001")] // day 40
    [InlineData("3201017201900001")] // day 72
    [InlineData("3201019901900001")] // day 99
    [InlineData("3201010100900001")] // month 00
    [InlineData("3201010113900001")] // month 13
    [InlineData("3201013002900001")] // 30 February
    [InlineData("3201013104900001")] // 31 April
    [InlineData("3201017104900001")] // woman, 31 April
    [InlineData("3201017002900001")] // woman, 30 February
    public void Impossible_birth_dates_are_birthdate(string text)
    {
        Assert.Equal(Recognized<string>.Fail("birthdate"), NikRecognizer.Recognize(text));
    }

    [Fact]
    public void A_zero_serial_is_serial()
    {
        Assert.Equal(Recognized<string>.Fail("serial"), NikRecognizer.Recognize("3201010101900000"));
    }

    [Theory]
    [InlineData("32O1010101900001")] // letter O instead of zero
    [InlineData("3201010101900001a")]
    [InlineData("NIK3201010101900001")]
    [InlineData("abc")]
    [InlineData("belum punya KTP")]
    [InlineData("🙏")]
    [InlineData("مرحبا")]
    [InlineData("你好")]
    [InlineData("٣٢٠١٠١٠١٠١٩٠٠٠٠١")] // Arabic-Indic digits are not read
    public void Letters_are_format(string text)
    {
        Assert.Equal(Recognized<string>.Fail("format"), NikRecognizer.Recognize(text));
    }

    [Fact]
    public void Two_different_niks_are_ambiguous()
    {
        Assert.Equal(
            Recognized<string>.Fail("ambiguous"),
            NikRecognizer.Recognize("3201010101900001 dan 3201010101900002"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\t")]
    public void Blank_input_is_empty(string? text)
    {
        Assert.Equal(Recognized<string>.Fail("empty"), NikRecognizer.Recognize(text!));
    }

    [Theory]
    [InlineData("3201010101900001", "320101**********")]
    [InlineData("3201 0101 0190 0001", "320101**********")]
    [InlineData("3201-01-010190-0001", "320101**********")]
    [InlineData("320101010190000", "****************")]
    [InlineData("32010101019000011", "****************")]
    [InlineData("NIK 3201010101900001", "****************")]
    [InlineData("", "****************")]
    [InlineData(null, "****************")]
    public void Mask_keeps_only_the_region_code(string? nik, string expected)
    {
        Assert.Equal(expected, NikRecognizer.Mask(nik!));
    }

    [Fact]
    public void A_5000_char_message_is_handled()
    {
        Assert.Equal(Recognized<string>.Fail("format"), NikRecognizer.Recognize(new string('x', 5000)));
        Assert.Equal(Recognized<string>.Fail("length"), NikRecognizer.Recognize(new string('3', 5000)));

        string padded = string.Join(' ', Enumerable.Repeat("halo", 500)) + " 3201010101900001";
        Assert.Equal(Recognized<string>.Success("3201010101900001"), NikRecognizer.Recognize(padded));
    }

    [Fact]
    public void Random_input_never_throws_and_only_returns_structurally_valid_niks()
    {
        string[] codes = ["empty", "format", "ambiguous", "length", "province", "birthdate", "serial"];
        RandomInput.ForEach(seed: 8008, input =>
        {
            Recognized<string> result = NikRecognizer.Recognize(input);

            if (result.Ok)
            {
                string nik = result.Value!;
                Assert.Equal(16, nik.Length);
                Assert.All(nik, c => Assert.InRange(c, '0', '9'));
                Assert.Contains(int.Parse(nik[..2]), Provinces);
                Assert.NotEqual("0000", nik[12..]);
                Assert.Equal(nik[..6] + "**********", NikRecognizer.Mask(nik));
            }
            else
            {
                Assert.Contains(result.Problem, codes);
                Assert.Null(result.Value);
            }

            Assert.Equal(16, NikRecognizer.Mask(input).Length);
        });
    }
}
