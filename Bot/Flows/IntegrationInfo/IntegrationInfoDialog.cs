using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>Typed state of the integration-information entry.</summary>
public sealed class IntegrationInfoState : IBegunWith<string>
{
    /// <summary>The code the flow was begun with (<c>status informasi CODE</c>), until it is looked up.</summary>
    public string? GivenCode { get; set; }

    public void Begin(string code) => GivenCode = code;
}

/// <summary>
/// Menu entry 3, <i>Layanan Informasi Integrasi</i>: a new request (the 13-item form, see
/// <see cref="IntegrationFormDialog"/>) or the status of one by its reference code.
/// <c>status informasi CODE</c> begins it from anywhere with the code already given. A form left
/// half-done with <c>menu</c> is taken up again when the service is chosen again.
/// </summary>
public sealed class IntegrationInfoDialog : WaterfallDialog<IntegrationInfoState>
{
    public const string DialogId = WellKnownDialogs.IntegrationInfo;

    private readonly RequestStatusLookup _lookup;
    private readonly RequestType<IntegrationRequest, IntegrationRequestStatus> _type;

    public IntegrationInfoDialog(RequestStatusLookup lookup, RequestType<IntegrationRequest, IntegrationRequestStatus> type)
        : base(DialogId)
    {
        _lookup = lookup;
        _type = type;
        Steps(Step(ChooseAsync), Step<Choice>(StartChosenAsync), Step<string>(FinishAsync));
    }

    private const string StatusOption = "status";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is QuickLookup { Inline: true } inline)
        {
            // Inside another flow: answer only; the engine takes this dialog off the stack again.
            dc.Say(await DescribeAsync(dc, inline.Query));
            return DialogTurnResult.Waiting;
        }

        // Chosen again with a form left half-done: the form goes on where the person left it.
        if (options is null && dc.HasDraft(IntegrationFormDialog.DialogId)
            && await dc.ResumeDraftAsync(IntegrationFormDialog.DialogId, DialogTexts.For(dc.Language).DraftResumed))
        {
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options is QuickLookup quick ? quick.Query : options);
    }

    private static Task<DialogTurnResult> ChooseAsync(WaterfallStepContext<IntegrationInfoState> step)
    {
        if (step.State.GivenCode is { Length: > 0 } code)
        {
            step.State.GivenCode = null;
            return step.NextAsync(new Choice(StatusOption + ":" + code, code));
        }

        var texts = IntegrationTexts.For(step.Dc.Language);
        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = texts.Intro,
            Choices = [new("new", texts.NewRequest, ["baru", "ajukan", "permohonan", "new", "request"]), new(StatusOption, texts.AskStatus, ["status", "cek"])],
        });
    }

    private static async Task<DialogTurnResult> StartChosenAsync(WaterfallStepContext<IntegrationInfoState> step, Answer<Choice> answer)
    {
        switch (answer.Value)
        {
            case Choice { Value: "new" }:
                return await step.BeginDialogAsync(IntegrationFormDialog.DialogId);
            case Choice { Value: StatusOption }:
                return await step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = IntegrationTexts.For(step.Dc.Language).AskReference, MaxLength = 40 });
            case Choice { Value: { } value } when value.StartsWith(StatusOption + ":", StringComparison.Ordinal):
                return await step.NextAsync(value[(StatusOption.Length + 1)..]);
            default:
                return await step.GoToAsync(nameof(ChooseAsync));
        }
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<IntegrationInfoState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var code))
        {
            step.Say(await DescribeAsync(step.Dc, code));
        }

        return await step.EndAsync();
    }

    /// <summary>
    /// The status of a request by its code, for the conversation that filed it only: it says where the
    /// request stands and nothing personal. Anyone else hears the same "not found" as for an unknown
    /// code, and their tries count towards the guessing throttle like unknown codes do.
    /// </summary>
    private async Task<string> DescribeAsync(DialogContext dc, string typed)
    {
        var answer = await _lookup.AskAsync(
            dc.Work, _type, typed, new StatusAsker(dc.Office, dc.Conversation, dc.Language));
        return answer.Say;
    }
}
