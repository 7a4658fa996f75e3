using ChatBot.Bot.Dialogs.Prompts;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

/// <summary>How the answer to a numbered summary is read (four items).</summary>
public sealed class SummaryAnswerTests
{
    [Theory]
    [InlineData("ya")]
    [InlineData("SETUJU")]
    [InlineData("kirim")]
    [InlineData("ok sudah benar")]
    public void A_yes_agrees(string text) => Assert.Equal(SummaryAnswer.Agree, SummaryPrompt.Read(text, 4).Value);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("nomor 3", 3)]
    [InlineData("yang 4 salah", 4)]
    [InlineData("tidak, nomor 2 salah", 2)]
    public void A_number_names_the_item_to_correct(string text, int item) => Assert.Equal(SummaryAnswer.Correct(item), SummaryPrompt.Read(text, 4).Value);

    [Theory]
    [InlineData("Tidak")]
    [InlineData("tidak")]
    [InlineData("salah")]
    [InlineData("ubah")]
    [InlineData("ada yang salah")]
    [InlineData("mau ganti")]
    [InlineData("iya tapi alamatnya salah")]
    public void A_no_without_a_number_asks_which_item(string text) => Assert.Equal(SummaryAnswer.Change, SummaryPrompt.Read(text, 4).Value);

    [Theory]
    [InlineData("nanti saja")]
    [InlineData("5")]
    [InlineData("13")]
    public void Anything_else_is_not_understood(string text) => Assert.False(SummaryPrompt.Read(text, 4).Ok);
}
