using System.Text.RegularExpressions;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public partial class EmailRecognizerTests
{
    [GeneratedRegex(@"^[A-Za-z0-9._%+-]{1,64}@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")]
    private static partial Regex Pragmatic();

    [Theory]
    [InlineData("budi@mail.com", "budi@mail.com")]
    [InlineData("  budi@mail.com  ", "budi@mail.com")]
    [InlineData("Budi@Mail.co.id", "Budi@mail.co.id")]
    [InlineData("email saya: Budi@Mail.co.id", "Budi@mail.co.id")]
    [InlineData("email saya Budi@Mail.co.id.", "Budi@mail.co.id")]
    [InlineData("<budi@mail.com>", "budi@mail.com")]
    [InlineData("Budi Santoso <budi.santoso@kemenkumham.go.id>", "budi.santoso@kemenkumham.go.id")]
    [InlineData("(budi@mail.com)", "budi@mail.com")]
    [InlineData("\"budi@mail.com\"", "budi@mail.com")]
    [InlineData("*budi@mail.com*", "budi@mail.com")]
    [InlineData("mailto:budi@mail.com", "budi@mail.com")]
    [InlineData("BUDI@GMAIL.COM", "BUDI@gmail.com")]
    [InlineData("budi+lapas@gmail.com", "budi+lapas@gmail.com")]
    [InlineData("b_u-d.i%x@sub.domain-x.co.id", "b_u-d.i%x@sub.domain-x.co.id")]
    [InlineData("1234@163.com", "1234@163.com")]
    [InlineData("budi@mail.com, budi@MAIL.com", "budi@mail.com")] // the same address twice
    [InlineData("budi@ymail.com", "budi@ymail.com")] // a real provider, not a gmail typo
    [InlineData("budi@email.com", "budi@email.com")]
    [InlineData("budi@yahoo.co.id", "budi@yahoo.co.id")]
    [InlineData("budi@outlook.co.id", "budi@outlook.co.id")]
    [InlineData("\u200Bbudi@mail.com\u0000", "budi@mail.com")]
    [InlineData("邮箱 budi@mail.com مرحبا", "budi@mail.com")]
    public void Recognizes_addresses(string text, string expected)
    {
        Assert.Equal(Recognized<string>.Success(expected), EmailRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("budi")]
    [InlineData("budi at mail dot com")]
    [InlineData("budi@")]
    [InlineData("@mail.com")]
    [InlineData("@budi")]
    [InlineData("budi@mail")]
    [InlineData("budi@localhost")]
    [InlineData("budi@@mail.com")]
    [InlineData("budi@mail@mail.com")]
    [InlineData("budi@mail..com")]
    [InlineData("budi@.mail.com")]
    [InlineData("budi@-mail.com")]
    [InlineData("budi@mail-.com")]
    [InlineData("budi@mail.c")]
    [InlineData("budi@mail.c0m")]
    [InlineData("budi@mail.123")]
    [InlineData("budi@mail_x.com")]
    [InlineData(".budi@mail.com")]
    [InlineData("budi.@mail.com")]
    [InlineData("bu..di@mail.com")]
    [InlineData("büdi@mail.com")]
    [InlineData("budi@mäil.com")]
    [InlineData("مرحبا@mail.com")]
    [InlineData("你好@例子.中国")]
    [InlineData("🙏")]
    [InlineData("budi!@mail.com")]
    [InlineData("99999999999999999999")]
    public void Malformed_addresses_are_format(string text)
    {
        Assert.Equal(Recognized<string>.Fail("format"), EmailRecognizer.Recognize(text));
    }

    [Fact]
    public void Length_limits_are_enforced()
    {
        string local64 = new('a', 64);
        string label63 = new('b', 63);

        Assert.True(EmailRecognizer.Recognize($"{local64}@mail.com").Ok);
        Assert.Equal(Recognized<string>.Fail("format"), EmailRecognizer.Recognize($"a{local64}@mail.com"));
        Assert.True(EmailRecognizer.Recognize($"budi@{label63}.com").Ok);
        Assert.Equal(Recognized<string>.Fail("format"), EmailRecognizer.Recognize($"budi@b{label63}.com"));

        string domain = string.Join('.', Enumerable.Repeat(label63, 3)) + ".com"; // 195 characters
        string longest = new string('c', 254 - 1 - domain.Length) + "@" + domain;
        Assert.True(longest.Length == 254 && longest.IndexOf('@') <= 64);
        Assert.True(EmailRecognizer.Recognize(longest).Ok);
        Assert.Equal(Recognized<string>.Fail("format"), EmailRecognizer.Recognize("c" + longest));
    }

    [Theory]
    [InlineData("budi@gmail.con", "budi@gmail.com")]
    [InlineData("budi@gmial.com", "budi@gmail.com")]
    [InlineData("budi@gmai.com", "budi@gmail.com")]
    [InlineData("budi@gmaill.com", "budi@gmail.com")]
    [InlineData("budi@gnail.com", "budi@gmail.com")]
    [InlineData("budi@gmail.co", "budi@gmail.com")]
    [InlineData("budi@gmail.cm", "budi@gmail.com")]
    [InlineData("Budi@GMAIL.CON", "Budi@gmail.com")]
    [InlineData("budi@gmail", "budi@gmail.com")]
    [InlineData("budi@gmail.co.id", "budi@gmail.com")]
    [InlineData("budi@yahoo.co", "budi@yahoo.com")]
    [InlineData("budi@yaho.co.id", "budi@yahoo.co.id")]
    [InlineData("budi@hotmial.com", "budi@hotmail.com")]
    [InlineData("budi@outlok.com", "budi@outlook.com")]
    [InlineData("budi@kantor.con", "budi@kantor.com")]
    [InlineData("budi@kantor.co.id.con", "budi@kantor.co.id.com")]
    public void Likely_typos_carry_a_suggestion(string text, string suggestion)
    {
        Recognized<string> result = EmailRecognizer.Recognize(text);

        Assert.False(result.Ok);
        Assert.Equal("typo", result.Problem);
        Assert.Equal(suggestion, result.Value);
    }

    [Theory]
    [InlineData("budi@gmail.con", "budi@gmail.con")]
    [InlineData("budi@gmial.com", "budi@gmial.com")]
    public void Typo_checks_can_be_skipped(string text, string expected)
    {
        Assert.Equal(Recognized<string>.Success(expected), EmailRecognizer.Recognize(text, checkTypos: false));
    }

    [Fact]
    public void Typo_checks_are_on_by_default()
    {
        Assert.Equal(EmailRecognizer.Recognize("budi@gmail.con", checkTypos: true), EmailRecognizer.Recognize("budi@gmail.con"));
    }

    [Theory]
    [InlineData("budi@mail.com atau siti@mail.com")]
    [InlineData("budi@mail.com budi@mail.co.id")]
    public void Two_addresses_are_ambiguous(string text)
    {
        Assert.Equal(Recognized<string>.Fail("ambiguous"), EmailRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\n")]
    public void Blank_input_is_empty(string? text)
    {
        Assert.Equal(Recognized<string>.Fail("empty"), EmailRecognizer.Recognize(text!));
    }

    [Fact]
    public void A_5000_char_message_is_handled()
    {
        Assert.Equal(Recognized<string>.Fail("format"), EmailRecognizer.Recognize(new string('x', 5000)));
        Assert.Equal(Recognized<string>.Fail("format"), EmailRecognizer.Recognize(new string('x', 3000) + "@mail.com"));

        string padded = string.Join(' ', Enumerable.Repeat("halo", 500)) + " budi@mail.com";
        Assert.Equal(Recognized<string>.Success("budi@mail.com"), EmailRecognizer.Recognize(padded));
    }

    [Fact]
    public void Random_input_never_throws_and_only_returns_valid_addresses()
    {
        string[] codes = ["empty", "format", "ambiguous", "typo"];
        RandomInput.ForEach(seed: 7007, input =>
        {
            Recognized<string> result = EmailRecognizer.Recognize(input);

            if (result.Ok)
            {
                Assert.Matches(Pragmatic(), result.Value!);
                Assert.True(result.Value!.Length <= 254);
            }
            else
            {
                Assert.Contains(result.Problem, codes);
                if (result.Problem == "typo")
                {
                    Assert.Matches(Pragmatic(), result.Value!);
                }
                else
                {
                    Assert.Null(result.Value);
                }
            }
        });
    }
}
