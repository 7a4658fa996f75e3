using System.Text.Json.Serialization;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Dialogs.Prompts;

/// <summary>Checks a recognised value; returns what to tell the person when it is not acceptable, else null.</summary>
public delegate string? PromptValidator<in T>(DialogContext dc, T value);

/// <summary>A dialog that asks one question and waits for its answer.</summary>
public interface IPrompt
{
    /// <summary>Whether the waiting <paramref name="instance"/> takes the rest of a message as one answer.</summary>
    bool TakesWholeMessage(DialogInstance instance);

    /// <summary>Whether the waiting <paramref name="instance"/> takes a question as its answer (a free text).</summary>
    bool TakesQuestions(DialogInstance instance);
}

/// <summary>
/// Asks a question and waits until the answer is understood: recognise → validate → re-ask with a
/// hint. After <see cref="AttemptsBeforeOfferingOfficer"/> failed answers the re-ask also offers an officer.
/// The recognised value ends the prompt and reaches the parent as its result.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator) : Dialog(id), IPrompt
{
    public const int AttemptsBeforeOfferingOfficer = 3;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.");
        DialogContext.WriteState(dc.ActiveInstance!, new PromptState { Options = promptOptions });
        if (!promptOptions.Silent)
        {
            dc.Say(Question(dc, promptOptions) with { IsQuestion = true });
        }

        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<PromptState>(instance);
        var recognized = Recognize(dc, state.Options);
        string? problem;
        var texts = DialogTexts.For(dc.Language);
        var repeatQuestion = false;
        var askedBack = !state.Options.QuestionsAreAnswers && Recognizers.Utterances.IsQuestion(dc.Text);
        if (askedBack && TakesAnyText)
        {
            // A question back is not an answer (a name, a number to look up): explain, and ask again.
            problem = state.Options.Help ?? texts.QuestionAtPrompt;
            repeatQuestion = true;
        }
        else if (recognized.Ok)
        {
            problem = validator?.Invoke(dc, recognized.Value!);
            if (problem is null)
            {
                return await dc.EndDialogAsync(recognized.Value);
            }
        }
        else
        {
            // Where only some answers fit (a date, a choice), the hint says which; a question back hears
            // what the question means (or which answers fit) and the question again.
            problem = askedBack && state.Options.Help is { } help ? help : state.Options.Retry ?? Hint(dc, state.Options, recognized);
            repeatQuestion = askedBack;
        }

        state.Attempts++;
        dc.AnswerRefused = true;
        DialogContext.WriteState(instance, state);
        var retry = state.Attempts >= AttemptsBeforeOfferingOfficer ? $"{problem}\n\n{texts.OfferOfficer}" : problem;
        if (repeatQuestion)
        {
            retry = $"{retry}\n\n{texts.AskedAgain}\n{Question(dc, state.Options).Text}";
        }

        dc.Say(new Reply(retry, Question(dc, state.Options).Choices));
        return DialogTurnResult.Waiting;
    }

    /// <summary>Every text is a well-formed answer here (free text), so a question must be caught before it is taken.</summary>
    protected virtual bool TakesAnyText => false;

    public bool TakesWholeMessage(DialogInstance instance) => DialogContext.ReadState<PromptState>(instance).Options.WholeMessage;

    public bool TakesQuestions(DialogInstance instance) => DialogContext.ReadState<PromptState>(instance).Options.QuestionsAreAnswers;

    /// <summary>How the question is said (choices written out by the channel).</summary>
    protected virtual Reply Question(DialogContext dc, PromptOptions options) => new(options.Prompt, options.Choices);

    protected abstract Recognized<T> Recognize(DialogContext dc, PromptOptions options);

    /// <summary>What to say when the answer was not understood.</summary>
    protected abstract string Hint(DialogContext dc, PromptOptions options, Recognized<T> recognized);

    private sealed class PromptState
    {
        [JsonPropertyName("o")]
        public PromptOptions Options { get; set; } = new();

        [JsonPropertyName("n")]
        public int Attempts { get; set; }
    }
}
