using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public class ChoiceRecognizerTests
{
    private static readonly Choice Visit = new("visit", "Kunjungan tatap muka", ["besuk", "tatap muka"]);
    private static readonly Choice Video = new("video", "Kunjungan video call", ["video", "vc"]);
    private static readonly Choice Parcel = new("parcel", "Titip barang", ["paket", "titipan"]);
    private static readonly Choice Info = new("info", "Informasi layanan");

    private static readonly Choice[] Menu = [Visit, Video, Parcel, Info];

    private static Choice ByValue(string value) => Menu.Single(c => c.Value == value);

    [Theory]
    [InlineData("1", "visit")]
    [InlineData("2", "video")]
    [InlineData("2.", "video")]
    [InlineData("(3)", "parcel")]
    [InlineData("3)", "parcel")]
    [InlineData("#4", "info")]
    [InlineData("no 2", "video")]
    [InlineData("No. 2", "video")]
    [InlineData("nomor 2", "video")]
    [InlineData("Nomer 3", "parcel")]
    [InlineData("pilih 2", "video")]
    [InlineData("saya pilih nomor 1", "visit")]
    [InlineData("3 saja", "parcel")]
    [InlineData("2️⃣", "video")]
    [InlineData(" 4 ", "info")]
    [InlineData("2\u0000", "video")]
    [InlineData("\u200Bnomor\u00A02", "video")]
    [InlineData("你好 2", "video")]
    [InlineData("pilih dua", "video")]
    [InlineData("nomor empat", "info")]
    [InlineData("yang kedua", "video")]
    [InlineData("pertama", "visit")]
    [InlineData("the third", "parcel")]
    public void Picks_by_menu_number(string text, string expected)
    {
        Assert.Equal(Recognized<Choice>.Success(ByValue(expected)), ChoiceRecognizer.Recognize(text, Menu));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("nomor 10")]
    [InlineData("pilih lima")]
    [InlineData("99999999999999999999")]
    [InlineData("7 saja")]
    public void Numbers_outside_the_menu_are_range(string text)
    {
        Assert.Equal(Recognized<Choice>.Fail("range"), ChoiceRecognizer.Recognize(text, Menu));
    }

    [Theory]
    [InlineData("Kunjungan tatap muka", "visit")]
    [InlineData("kunjungan TATAP muka!", "visit")]
    [InlineData("Titip-barang", "parcel")]
    [InlineData("*Informasi layanan*", "info")]
    [InlineData("parcel", "parcel")] // Value
    [InlineData("INFO", "info")] // Value
    [InlineData("besuk", "visit")] // Synonym
    [InlineData("VC", "video")] // Synonym
    [InlineData("paket", "parcel")] // Synonym
    [InlineData("tatap muka", "visit")] // multi-word Synonym
    public void Picks_by_label_value_or_synonym(string text, string expected)
    {
        Assert.Equal(Recognized<Choice>.Success(ByValue(expected)), ChoiceRecognizer.Recognize(text, Menu));
    }

    [Theory]
    [InlineData("saya mau titip barang", "parcel")]
    [InlineData("saya ingin kunjungan video", "video")]
    [InlineData("mau video call aja", "video")]
    [InlineData("informasi", "info")]
    [InlineData("I want information layanan", "info")]
    [InlineData("mau besuk suami", "visit")]
    [InlineData("kunjungan yang tatap muka", "visit")]
    [InlineData("2 kunjungan video", "video")] // number and words agree
    [InlineData("kunjungan 2", "video")] // the number breaks a word tie
    [InlineData("titipan untuk anak saya", "parcel")]
    public void Picks_by_word_overlap(string text, string expected)
    {
        Assert.Equal(Recognized<Choice>.Success(ByValue(expected)), ChoiceRecognizer.Recognize(text, Menu));
    }

    [Theory]
    [InlineData("kunjungan")] // shared by two labels equally
    [InlineData("2 titip barang")] // the number says video, the words say parcel
    [InlineData("video atau paket")]
    public void Equal_matches_are_ambiguous(string text)
    {
        Assert.Equal(Recognized<Choice>.Fail("ambiguous"), ChoiceRecognizer.Recognize(text, Menu));
    }

    [Theory]
    [InlineData("halo")]
    [InlineData("saya mau")] // only stop-words
    [InlineData("abc")]
    [InlineData("🙏")]
    [InlineData("...")]
    [InlineData("مرحبا")]
    [InlineData("你好")]
    [InlineData("1 2")]
    public void Unmatched_text_is_format(string text)
    {
        Assert.Equal(Recognized<Choice>.Fail("format"), ChoiceRecognizer.Recognize(text, Menu));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u0000")]
    public void Blank_input_is_empty(string? text)
    {
        Assert.Equal(Recognized<Choice>.Fail("empty"), ChoiceRecognizer.Recognize(text!, Menu));
    }

    [Fact]
    public void Diacritics_are_ignored_on_both_sides()
    {
        Choice complaint = new("complaint", "Pengaduan / Réclamation");
        Choice[] choices = [Info, complaint];

        Assert.Same(complaint, ChoiceRecognizer.Recognize("reclamation", choices).Value);
        Assert.Same(complaint, ChoiceRecognizer.Recognize("PENGADÚAN", choices).Value);
    }

    [Fact]
    public void A_complete_short_label_beats_a_longer_one()
    {
        Choice visit = new("a", "Kunjungan");
        Choice video = new("b", "Kunjungan video");
        Choice[] choices = [visit, video];

        Assert.Same(visit, ChoiceRecognizer.Recognize("mau kunjungan", choices).Value);
        Assert.Same(video, ChoiceRecognizer.Recognize("kunjungan video", choices).Value);
        Assert.Same(video, ChoiceRecognizer.Recognize("video", choices).Value);
    }

    [Fact]
    public void A_bare_number_means_the_position_even_when_values_are_numbers()
    {
        Choice first = new("2", "Satu");
        Choice second = new("1", "Dua");

        Assert.Same(second, ChoiceRecognizer.Recognize("2", [first, second]).Value);
    }

    [Fact]
    public void A_synonym_shared_by_two_choices_is_ambiguous()
    {
        Choice a = new("a", "Alpha", ["x"]);
        Choice b = new("b", "Beta", ["x"]);

        Assert.Equal(Recognized<Choice>.Fail("ambiguous"), ChoiceRecognizer.Recognize("x", [a, b]));
    }

    [Fact]
    public void Labels_with_numbers_still_match_by_words()
    {
        Choice morning = new("s1", "Sesi 1 (08.00)");
        Choice noon = new("s2", "Sesi 2 (10.00)");
        Choice[] sessions = [morning, noon];

        Assert.Same(noon, ChoiceRecognizer.Recognize("10.00", sessions).Value);
        Assert.Same(noon, ChoiceRecognizer.Recognize("sesi 2", sessions).Value);
        Assert.Same(morning, ChoiceRecognizer.Recognize("yang jam 08.00", sessions).Value);
    }

    [Fact]
    public void Choices_are_validated()
    {
        Assert.Throws<ArgumentNullException>(() => ChoiceRecognizer.Recognize("1", null!));
        Assert.Throws<ArgumentException>(() => ChoiceRecognizer.Recognize("1", []));
    }

    [Fact]
    public void A_5000_char_message_is_handled()
    {
        Assert.Equal(Recognized<Choice>.Fail("format"), ChoiceRecognizer.Recognize(new string('z', 5000), Menu));

        string padded = string.Join(' ', Enumerable.Repeat("halo", 700)) + " titip barang";
        Assert.Same(Parcel, ChoiceRecognizer.Recognize(padded, Menu).Value);
    }

    [Fact]
    public void Random_input_never_throws_and_returns_one_of_the_choices()
    {
        string[] codes = ["empty", "format", "range", "ambiguous"];
        RandomInput.ForEach(seed: 4004, input =>
        {
            Recognized<Choice> result = ChoiceRecognizer.Recognize(input, Menu);

            if (result.Ok)
            {
                Assert.Contains(result.Value!, Menu);
            }
            else
            {
                Assert.Contains(result.Problem, codes);
                Assert.Null(result.Value);
            }
        });
    }
}
