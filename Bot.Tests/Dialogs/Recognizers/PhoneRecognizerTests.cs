using System.Text.RegularExpressions;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public partial class PhoneRecognizerTests
{
    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex E164();

    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("0812.3456.7890", "+6281234567890")]
    [InlineData("(0812) 3456-7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("+6281234567890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("+62-812-3456-7890", "+6281234567890")]
    [InlineData("+62 (812) 3456-7890", "+6281234567890")]
    [InlineData("+62 0812 3456 7890", "+6281234567890")] // stray trunk zero
    [InlineData("81234567890", "+6281234567890")]
    [InlineData("812345678", "+62812345678")] // 9 digits starting with 8
    [InlineData("812345678901", "+62812345678901")] // 12 digits starting with 8
    [InlineData("0811234567", "+62811234567")] // 9 digits after 62
    [InlineData("08123456789012", "+628123456789012")] // 13 digits after 62
    [InlineData("whatsapp:+6281234567890", "+6281234567890")]
    [InlineData("WhatsApp:+62 812-3456-7890", "+6281234567890")]
    [InlineData("tel:081234567890", "+6281234567890")]
    [InlineData("nomor WA saya 0812-3456-7890", "+6281234567890")]
    [InlineData("umur 25, hp 081234567890", "+6281234567890")]
    [InlineData("رقم 081234567890 你好", "+6281234567890")]
    [InlineData("081234567890 atau 081234567890", "+6281234567890")] // the same number twice
    [InlineData("0062 812 3456 7890", "+6281234567890")]
    [InlineData("\u200B0812\u00A03456\u20137890", "+6281234567890")] // zero-width space, no-break space, en dash
    [InlineData("0812345678", "+62812345678")] // 9 digits after 62
    [InlineData("021 5551234", "+62215551234")] // Jakarta landline, 9 digits after 62
    [InlineData("(021) 5551-2345", "+622155512345")]
    [InlineData("0274 123456", "+62274123456")]
    [InlineData("+62 21 5551234", "+62215551234")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("+60 12-345 6789", "+60123456789")]
    [InlineData("+12345678", "+12345678")] // 8 digits: the E.164 minimum
    [InlineData("+123456789012345", "+123456789012345")] // 15 digits: the E.164 maximum
    public void Recognizes_phone_numbers_as_E164(string text, string expected)
    {
        Assert.Equal(Recognized<string>.Success(expected), PhoneRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("0812345")]
    [InlineData("081234567890123")] // 14 digits after 62
    [InlineData("+62812")]
    [InlineData("+62812345678901234")]
    [InlineData("62")]
    [InlineData("812345")] // starts with 8 but only 6 digits
    [InlineData("8123456789012")] // starts with 8 but 13 digits
    [InlineData("021 12345")] // landline too short
    [InlineData("021 5551 234 567")] // landline too long
    [InlineData("+1234567")] // 7 digits
    [InlineData("+1234567890123456")] // 16 digits
    [InlineData("+9999999999999999999999")]
    public void Wrong_digit_counts_are_length(string text)
    {
        Assert.Equal(Recognized<string>.Fail("length"), PhoneRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("0812abc4567")]
    [InlineData("08l234567890")] // letter l instead of digit 1
    [InlineData("hp081234567890")]
    [InlineData("081234567890x")]
    [InlineData("abc")]
    [InlineData("nomor saya belum ada")]
    [InlineData("123456789")] // neither 0, 62, 8 nor +
    [InlineData("9999999999999999999999")]
    [InlineData("+0812345678")]
    [InlineData("++6281234567890")]
    [InlineData("0812+34567890")]
    [InlineData("00")]
    [InlineData("0000812345678")]
    [InlineData("🙏")]
    [InlineData("مرحبا")]
    [InlineData("你好")]
    [InlineData("٠٨١٢٣٤٥٦٧٨٩٠")] // Arabic-Indic digits are not read
    public void Letters_and_odd_prefixes_are_format(string text)
    {
        Assert.Equal(Recognized<string>.Fail("format"), PhoneRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("081234567890 atau 081298765432")]
    [InlineData("081234567890, 081298765432")]
    [InlineData("+6281234567890 / 081298765432")]
    public void Two_different_numbers_are_ambiguous(string text)
    {
        Assert.Equal(Recognized<string>.Fail("ambiguous"), PhoneRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u0007")]
    public void Blank_input_is_empty(string? text)
    {
        Assert.Equal(Recognized<string>.Fail("empty"), PhoneRecognizer.Recognize(text!));
    }

    [Theory]
    [InlineData("+6281234567890", "+62812****7890")]
    [InlineData("+628123456789", "+62812***6789")]
    [InlineData("+62215551234", "+62215**1234")]
    [InlineData("+14155552671", "+1415***2671")]
    [InlineData("+442079460958", "+44207***0958")]
    [InlineData("+8801712345678", "+880171***5678")]
    [InlineData("+12345678", "+12**5678")]
    [InlineData("081234567890", "***")] // not E.164: nothing is shown
    [InlineData("+62 812 3456 7890", "***")]
    [InlineData("", "***")]
    [InlineData(null, "***")]
    public void Mask_hides_the_middle_digits(string? e164, string expected)
    {
        Assert.Equal(expected, PhoneRecognizer.Mask(e164!));
    }

    [Fact]
    public void A_5000_char_message_is_handled()
    {
        Assert.Equal(Recognized<string>.Fail("format"), PhoneRecognizer.Recognize(new string('x', 5000)));
        Assert.Equal(Recognized<string>.Fail("format"), PhoneRecognizer.Recognize(new string('9', 5000)));

        string padded = string.Join(' ', Enumerable.Repeat("halo", 500)) + " 081234567890";
        Assert.Equal(Recognized<string>.Success("+6281234567890"), PhoneRecognizer.Recognize(padded));
    }

    [Fact]
    public void Random_input_never_throws_and_only_returns_E164()
    {
        string[] codes = ["empty", "format", "length", "ambiguous"];
        RandomInput.ForEach(seed: 6006, input =>
        {
            Recognized<string> result = PhoneRecognizer.Recognize(input);

            if (result.Ok)
            {
                Assert.Matches(E164(), result.Value!);
                string masked = PhoneRecognizer.Mask(result.Value!);
                Assert.Equal(result.Value!.Length, masked.Length);
                Assert.True(masked.Count(c => c == '*') >= 2);
                for (int i = 0; i < masked.Length; i++)
                {
                    Assert.True(masked[i] == '*' || masked[i] == result.Value[i]);
                }
            }
            else
            {
                Assert.Contains(result.Problem, codes);
                Assert.Null(result.Value);
            }

            Assert.NotNull(PhoneRecognizer.Mask(input));
        });
    }
}
