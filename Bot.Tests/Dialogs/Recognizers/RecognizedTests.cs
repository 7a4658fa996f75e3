using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public class RecognizedTests
{
    [Fact]
    public void Success_carries_the_value_and_no_problem()
    {
        Recognized<int> result = Recognized<int>.Success(42);

        Assert.True(result.Ok);
        Assert.Equal(42, result.Value);
        Assert.Null(result.Problem);
    }

    [Fact]
    public void Fail_carries_the_problem_and_a_default_value()
    {
        Recognized<string> result = Recognized<string>.Fail("format");

        Assert.False(result.Ok);
        Assert.Null(result.Value);
        Assert.Equal("format", result.Problem);
    }

    [Fact]
    public void Fail_can_carry_a_suggestion()
    {
        Recognized<string> result = Recognized<string>.Fail("typo", "budi@gmail.com");

        Assert.False(result.Ok);
        Assert.Equal("budi@gmail.com", result.Value);
        Assert.Equal("typo", result.Problem);
    }

    [Fact]
    public void Results_compare_by_value()
    {
        Assert.Equal(Recognized<long>.Success(3), Recognized<long>.Success(3));
        Assert.NotEqual(Recognized<long>.Success(3), Recognized<long>.Fail("range"));
    }

    [Fact]
    public void Problem_codes_are_the_documented_strings()
    {
        Assert.Equal(
            ["empty", "format", "range", "ambiguous", "invalid", "length", "province", "birthdate", "serial", "typo"],
            [
                RecognizerProblems.Empty, RecognizerProblems.Format, RecognizerProblems.Range,
                RecognizerProblems.Ambiguous, RecognizerProblems.Invalid, RecognizerProblems.Length,
                RecognizerProblems.Province, RecognizerProblems.Birthdate, RecognizerProblems.Serial,
                RecognizerProblems.Typo,
            ]);
    }
}
