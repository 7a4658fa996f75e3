using System.Text.RegularExpressions;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Dialogs.Prompts;

/// <summary>
/// What a person answered to a numbered summary of their answers: they agree (<see cref="Agreed"/>),
/// name the <see cref="Item"/> to correct, or say something is wrong without saying what (neither).
/// </summary>
public sealed record SummaryAnswer(bool Agreed, int? Item)
{
    public static readonly SummaryAnswer Agree = new(true, null);

    /// <summary>"tidak", "salah", "ubah": something is to be corrected, and the person is asked which item.</summary>
    public static readonly SummaryAnswer Change = new(false, null);

    public static SummaryAnswer Correct(int item) => new(false, item);
}

/// <summary>
/// The answer to a summary whose items are numbered 1 to <see cref="PromptOptions.Max"/>: a yes
/// (<c>ya</c>, <c>SETUJU</c>, <c>kirim</c>), an item number to correct (<c>2</c>, <c>nomor 2 salah</c>), or a
/// no without a number (<c>tidak</c>, <c>salah</c>, <c>ubah</c>). A no is never a cancel: only the engine's
/// <c>batal</c> is. Used with <see cref="Summary"/>, which asks the item again and comes back.
/// </summary>
public sealed partial class SummaryPrompt(string id = SummaryPrompt.DefaultId) : Prompt<SummaryAnswer>(id, null)
{
    public const string DefaultId = "prompt.summary";

    protected override Recognized<SummaryAnswer> Recognize(DialogContext dc, PromptOptions options) => Read(dc.Text, (int)(options.Max ?? 0));

    /// <summary>Reads a summary's answer with items 1 to <paramref name="items"/>.</summary>
    public static Recognized<SummaryAnswer> Read(string text, int items)
    {
        // The number first: the yes/no reading takes "1" for yes and "2" for no.
        if (items > 0 && NumberRecognizer.Recognize(text, 1, items) is { Ok: true, Value: var item })
        {
            return Recognized<SummaryAnswer>.Success(SummaryAnswer.Correct((int)item));
        }

        // A word of change before the yes/no reading: "mau ganti" starts like a yes, and must not send anything.
        if (text.Length <= 200 && ChangeWord().IsMatch(text))
        {
            return Recognized<SummaryAnswer>.Success(SummaryAnswer.Change);
        }

        return YesNoRecognizer.Recognize(text) switch
        {
            { Ok: true, Value: true } => Recognized<SummaryAnswer>.Success(SummaryAnswer.Agree),
            { Ok: true, Value: false } => Recognized<SummaryAnswer>.Success(SummaryAnswer.Change),
            _ => Recognized<SummaryAnswer>.Fail(RecognizerProblems.Format),
        };
    }

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<SummaryAnswer> recognized) =>
        DialogTexts.For(dc.Language).SummaryHint((int)(options.Max ?? 0));

    [GeneratedRegex(@"(^|[^\p{L}])(salah|keliru|ubah|diubah|ganti|diganti|perbaiki|diperbaiki|betulkan|koreksi|revisi|edit|change|fix|wrong|mistake)([^\p{L}]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangeWord();
}
