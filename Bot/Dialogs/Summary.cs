using ChatBot.Bot.Dialogs.Prompts;

namespace ChatBot.Bot.Dialogs;

/// <summary>A waterfall state shown back to the person as a numbered summary, any item of which they may correct.</summary>
public interface ICorrectable
{
    /// <summary>The item being corrected from the summary; once it is answered the summary is shown again.</summary>
    int? Correcting { get; set; }
}

/// <summary>
/// A form's numbered summary and corrections by number, the same in every flow that has one (the
/// integration form, a complaint): the summary is asked with a <see cref="SummaryPrompt"/>; a yes goes on,
/// an item's number asks that item's question again and, once it is answered, shows the summary again,
/// and a no without a number ("tidak", "salah") asks which item. Only <c>batal</c> throws the answers away.
/// </summary>
public static class Summary
{
    /// <summary>
    /// Shows the summary (<paramref name="text"/>: the numbered items and how to answer) and waits for the
    /// answer; whatever was being corrected is done. <paramref name="retry"/> replaces the general hint.
    /// </summary>
    public static Task<DialogTurnResult> AskAsync<TState>(WaterfallStepContext<TState> step, string text, int items, string promptId = SummaryPrompt.DefaultId, string? retry = null)
        where TState : class, ICorrectable, new()
    {
        step.State.Correcting = null;
        return step.PromptAsync(promptId, new PromptOptions { Prompt = text, Min = 1, Max = items, Retry = retry });
    }

    /// <summary>
    /// Reads the summary's answer, in the step after the summary: null when the person agreed (the step goes
    /// on, e.g. submits). Otherwise the turn is answered: an item's question is asked again (the step
    /// <paramref name="itemStep"/> names), or the summary again (<paramref name="summaryStep"/>), after asking
    /// which item when the person only said something is wrong.
    /// </summary>
    public static async Task<DialogTurnResult?> CorrectAsync<TState>(
        WaterfallStepContext<TState> step,
        Answer<SummaryAnswer> answer,
        string summaryStep,
        Func<int, string> itemStep)
        where TState : class, ICorrectable, new()
    {
        if (!answer.TryGet(out var given))
        {
            return await step.GoToAsync(summaryStep);
        }

        if (given.Agreed)
        {
            return null;
        }

        if (given.Item is { } item)
        {
            step.State.Correcting = item;
            return await step.GoToAsync(itemStep(item));
        }

        step.Say(DialogTexts.For(step.Dc.Language).WhichItem);
        return await step.GoToAsync(summaryStep);
    }

    /// <summary>Whether the answer just kept corrected <paramref name="item"/> from the summary: the step then shows the summary again.</summary>
    public static bool Corrected<TState>(WaterfallStepContext<TState> step, int item)
        where TState : class, ICorrectable, new() =>
        step.State.Correcting == item;
}
