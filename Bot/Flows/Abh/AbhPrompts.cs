using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Abh;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>
/// A child's initials (<see cref="ChildInitials"/>), returned as <c>A.R.</c>; a full name is refused
/// politely with why (the law lets us take only the initials).
/// </summary>
public sealed class InitialsPrompt() : Prompt<string>(DefaultId, null)
{
    public const string DefaultId = "abh.prompt.initials";

    protected override Recognized<string> Recognize(DialogContext dc, PromptOptions options) =>
        ChildInitials.Read(dc.Text) switch
        {
            ({ } initials, InitialsProblem.None) => Recognized<string>.Success(initials),
            (_, InitialsProblem.FullName) => Recognized<string>.Fail("name"),
            _ => Recognized<string>.Fail("format"),
        };

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<string> recognized)
    {
        var texts = AbhTexts.For(dc.Language);
        return recognized.Problem == "name" ? texts.InitialsNotName : texts.InitialsFormat;
    }
}

/// <summary>The prompts of the ABH form that are not the engine's own.</summary>
public static class AbhPrompts
{
    public const string Offence = "abh.prompt.offence";

    public const int MinOffenceLength = 5;

    /// <summary>The alleged offence: a short sentence, enough to say what it is about.</summary>
    public static TextPrompt OffencePrompt() => new(Offence, (dc, text) =>
        text.Trim().Length < MinOffenceLength ? AbhTexts.For(dc.Language).OffenceTooShort : null);
}
