using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public sealed class UtterancesTests
{
    [Theory]
    [InlineData("penjamin itu apa ya?")]
    [InlineData("Nomor litmas kok gak ketemu")]
    [InlineData("maksudnya")]
    [InlineData("brp biaya video call")]
    [InlineData("alamat rutan dimana ya")]
    [InlineData("what is a guarantor")]
    public void Questions_back_are_recognised(string text) => Assert.True(Utterances.IsQuestion(text));

    [Theory]
    [InlineData("Budi Santoso")]
    [InlineData("Jl. Merdeka No. 10, Tanjungpinang")]
    [InlineData("Apriyanti")]
    [InlineData("LIT-123/PKU/2026")]
    public void Answers_are_not_questions(string text) => Assert.False(Utterances.IsQuestion(text));

    [Theory]
    [InlineData("ya", false)]
    [InlineData("tidak", false)]
    [InlineData("makasih", false)]
    [InlineData("terima kasih pak", false)]
    [InlineData("halo", false)]
    [InlineData("a", false)]
    [InlineData("123", false)]
    [InlineData("Siti", true)]
    [InlineData("muhamad rizky", true)]
    [InlineData("BI.1042/2024", true)]
    public void Only_what_can_be_a_name_is_taken_as_one(string text, bool name) => Assert.Equal(name, Utterances.CanBeName(text));
}
