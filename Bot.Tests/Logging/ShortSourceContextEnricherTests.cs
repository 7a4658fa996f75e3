using ChatBot.Bot.Logging;

namespace ChatBot.Bot.Tests.Logging;

public class ShortSourceContextEnricherTests
{
    [Theory]
    [InlineData("ChatBot.Bot.Dialogs.VisitDialog", "VisitDialog")]
    [InlineData("Program", "Program")]
    [InlineData("ChatBot.Bot.Dialogs.Prompt<ChatBot.Bot.Dialogs.Choice>", "Prompt")]
    [InlineData("System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]]", "List")]
    public void Short_name_is_the_type_name(string sourceContext, string expected)
    {
        Assert.Equal(expected, ShortSourceContextEnricher.ShortName(sourceContext));
    }
}
