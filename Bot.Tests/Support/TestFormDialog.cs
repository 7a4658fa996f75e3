using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Support;

/// <summary>Typed state of the test form.</summary>
public sealed class TestFormState
{
    public string? Name { get; set; }

    public DateOnly? Date { get; set; }

    public string? Phone { get; set; }
}

/// <summary>
/// A small flow used only by tests to exercise prompts, <c>kembali</c> and recovery. It takes the
/// id of the first menu entry so "1" on the main menu starts it.
/// </summary>
public sealed class TestFormDialog : WaterfallDialog<TestFormState>
{
    public const string DialogId = "visit-booking";

    private readonly bool _severalAnswers;

    /// <param name="severalAnswers">Whether an e-mail may answer several of its questions, one per line.</param>
    /// <param name="askTitle">A later release of the flow, with a question inserted after the name.</param>
    public TestFormDialog(bool severalAnswers = false, bool askTitle = false)
        : base(DialogId, askTitle
            ? [Step(AskName), Step<string>(AskTitle), Step<string>(AskDate), Step<DateOnly>(AskPhone), Step<string>(Confirm), Step<bool>(Finish)]
            : [Step(AskName), Step<string>(AskDate), Step<DateOnly>(AskPhone), Step<string>(Confirm), Step<bool>(Finish)])
    {
        _severalAnswers = severalAnswers;
    }

    public override bool AcceptsSeveralAnswersPerMessage => _severalAnswers;

    private static Task<DialogTurnResult> AskName(WaterfallStepContext<TestFormState> step) =>
        step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = "Siapa nama Anda?", MaxLength = 100 });

    private static Task<DialogTurnResult> AskTitle(WaterfallStepContext<TestFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var name))
        {
            step.State.Name = name;
        }

        return step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = "Sapaan Anda (Bapak/Ibu)?", MaxLength = 20 });
    }

    private static Task<DialogTurnResult> AskDate(WaterfallStepContext<TestFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var name))
        {
            step.State.Name = name;
        }

        return step.PromptAsync(DatePrompt.DefaultId, new PromptOptions { Prompt = $"Halo {step.State.Name}, tanggal berapa?", Direction = DateDirection.FutureOrToday });
    }

    private static Task<DialogTurnResult> AskPhone(WaterfallStepContext<TestFormState> step, Answer<DateOnly> answer)
    {
        if (answer.TryGet(out var date))
        {
            step.State.Date = date;
        }

        return step.PromptAsync(PhonePrompt.DefaultId, new PromptOptions { Prompt = "Nomor HP yang bisa dihubungi?" });
    }

    private static Task<DialogTurnResult> Confirm(WaterfallStepContext<TestFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var phone))
        {
            step.State.Phone = phone;
        }

        return step.PromptAsync(ConfirmPrompt.DefaultId, new PromptOptions
        {
            Prompt = $"Benar: {step.State.Name}, {step.State.Date:dd-MM-yyyy}, {step.State.Phone}?",
        });
    }

    private static Task<DialogTurnResult> Finish(WaterfallStepContext<TestFormState> step, Answer<bool> answer)
    {
        step.Say(answer is { Given: true, Value: true } ? $"Tercatat untuk {step.State.Name}. Ketik *menu* untuk layanan lain." : "Tidak disimpan.");
        return step.EndAsync();
    }
}
