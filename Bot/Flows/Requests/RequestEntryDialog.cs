using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Requests;

/// <summary>What a request service's entry says: its introduction, its two choices, and the question for a code.</summary>
public sealed record RequestEntryTexts(string Intro, string NewRequest, string AskStatus, string AskCode);

/// <summary>The state of a request service's entry: the code it was begun with (<c>status SUBJECT CODE</c>), until it is looked up.</summary>
public interface IRequestEntryState : IBegunWith<string>
{
    string? GivenCode { get; set; }
}

/// <summary>
/// The menu entry of a service people file requests with (integration information, an out-of-town
/// permit): a new request (the service's form) or the status of one by its code. <c>status SUBJECT CODE</c>
/// begins it from anywhere with the code given; inside another flow it only answers. A form left
/// half-done with <c>menu</c> is taken up again when the service is chosen again. The status answers
/// the conversation that filed the request only (<see cref="RequestStatusLookup"/>).
/// </summary>
public abstract class RequestEntryDialog<TState> : WaterfallDialog<TState>
    where TState : class, IRequestEntryState, new()
{
    private const string StatusOption = "status";

    private readonly string _formDialogId;
    private readonly RequestStatusLookup _lookup;
    private readonly IRequestType _type;

    protected RequestEntryDialog(string id, string formDialogId, RequestStatusLookup lookup, IRequestType type)
        : base(id)
    {
        _formDialogId = formDialogId;
        _lookup = lookup;
        _type = type;
        Steps(Step(ChooseAsync), Step<Choice>(StartChosenAsync), Step<string>(FinishAsync));
    }

    protected abstract RequestEntryTexts Texts(string language);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is QuickLookup { Inline: true } inline)
        {
            // Inside another flow: answer only; the engine takes this dialog off the stack again.
            dc.Say(await DescribeAsync(dc, inline.Query));
            return DialogTurnResult.Waiting;
        }

        // Chosen again with a form left half-done: the form goes on where the person left it.
        if (options is null && dc.HasDraft(_formDialogId)
            && await dc.ResumeDraftAsync(_formDialogId, DialogTexts.For(dc.Language).DraftResumed))
        {
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options is QuickLookup quick ? quick.Query : options);
    }

    private Task<DialogTurnResult> ChooseAsync(WaterfallStepContext<TState> step)
    {
        if (step.State.GivenCode is { Length: > 0 } code)
        {
            step.State.GivenCode = null;
            return step.NextAsync(new Choice(StatusOption + ":" + code, code));
        }

        var texts = Texts(step.Dc.Language);
        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = texts.Intro,
            Choices = [new("new", texts.NewRequest, ["baru", "ajukan", "permohonan", "new", "request"]), new(StatusOption, texts.AskStatus, ["status", "cek"])],
        });
    }

    private async Task<DialogTurnResult> StartChosenAsync(WaterfallStepContext<TState> step, Answer<Choice> answer)
    {
        switch (answer.Value)
        {
            case Choice { Value: "new" }:
                return await step.BeginDialogAsync(_formDialogId);
            case Choice { Value: StatusOption }:
                return await step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = Texts(step.Dc.Language).AskCode, MaxLength = 40 });
            case Choice { Value: { } value } when value.StartsWith(StatusOption + ":", StringComparison.Ordinal):
                return await step.NextAsync(value[(StatusOption.Length + 1)..]);
            default:
                return await step.GoToAsync(nameof(ChooseAsync));
        }
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<TState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var code))
        {
            step.Say(await DescribeAsync(step.Dc, code));
        }

        return await step.EndAsync();
    }

    /// <summary>
    /// The status of a request by its code, for the conversation that filed it only: anyone else hears
    /// the same "not found" as for an unknown code, and their tries count towards the guessing throttle.
    /// </summary>
    private async Task<string> DescribeAsync(DialogContext dc, string typed) =>
        (await _lookup.AskAsync(dc.Work, _type, typed, new StatusAsker(dc.Office, dc.Conversation, dc.Language))).Say;
}
