using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>Typed state of the permit entry.</summary>
public sealed class TravelPermitState : IBegunWith<string>
{
    /// <summary>The code the flow was begun with (<c>status izin CODE</c>), until it is looked up.</summary>
    public string? GivenCode { get; set; }

    public void Begin(string code) => GivenCode = code;
}

/// <summary>
/// The menu's <i>Izin ke luar kota</i>: a new request (<see cref="TravelPermitFormDialog"/>) or the status of
/// one by its <c>IZN-</c> code. <c>status izin CODE</c> begins it from anywhere with the code given. A form
/// left half-done with <c>menu</c> is taken up again when the service is chosen again.
/// </summary>
public sealed class TravelPermitDialog : WaterfallDialog<TravelPermitState>
{
    public const string DialogId = "travel-permit";

    private const string StatusOption = "status";

    private readonly RequestStatusLookup _lookup;
    private readonly RequestType<Domain.Permits.TravelPermit, TravelPermitStatus> _type;

    public TravelPermitDialog(RequestStatusLookup lookup, RequestType<Domain.Permits.TravelPermit, TravelPermitStatus> type)
        : base(DialogId)
    {
        _lookup = lookup;
        _type = type;
        Steps(Step(ChooseAsync), Step<Choice>(StartChosenAsync), Step<string>(FinishAsync));
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is QuickLookup { Inline: true } inline)
        {
            // Inside another flow: answer only; the engine takes this dialog off the stack again.
            dc.Say(await DescribeAsync(dc, inline.Query));
            return DialogTurnResult.Waiting;
        }

        if (options is null && dc.HasDraft(TravelPermitFormDialog.DialogId)
            && await dc.ResumeDraftAsync(TravelPermitFormDialog.DialogId, DialogTexts.For(dc.Language).DraftResumed))
        {
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options is QuickLookup quick ? quick.Query : options);
    }

    private static Task<DialogTurnResult> ChooseAsync(WaterfallStepContext<TravelPermitState> step)
    {
        if (step.State.GivenCode is { Length: > 0 } code)
        {
            step.State.GivenCode = null;
            return step.NextAsync(new Choice(StatusOption + ":" + code, code));
        }

        var texts = PermitTexts.For(step.Dc.Language);
        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = texts.Intro,
            Choices = [new("new", texts.NewRequest, ["baru", "ajukan", "permohonan", "new", "request"]), new(StatusOption, texts.AskStatus, ["status", "cek"])],
        });
    }

    private static async Task<DialogTurnResult> StartChosenAsync(WaterfallStepContext<TravelPermitState> step, Answer<Choice> answer)
    {
        switch (answer.Value)
        {
            case Choice { Value: "new" }:
                return await step.BeginDialogAsync(TravelPermitFormDialog.DialogId);
            case Choice { Value: StatusOption }:
                return await step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = PermitTexts.For(step.Dc.Language).AskCode, MaxLength = 40 });
            case Choice { Value: { } value } when value.StartsWith(StatusOption + ":", StringComparison.Ordinal):
                return await step.NextAsync(value[(StatusOption.Length + 1)..]);
            default:
                return await step.GoToAsync(nameof(ChooseAsync));
        }
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<TravelPermitState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var code))
        {
            step.Say(await DescribeAsync(step.Dc, code));
        }

        return await step.EndAsync();
    }

    /// <summary>The status by code, for the conversation that filed it only (<see cref="RequestStatusLookup"/>).</summary>
    private async Task<string> DescribeAsync(DialogContext dc, string typed) =>
        (await _lookup.AskAsync(dc.Work, _type, typed, new StatusAsker(dc.Office, dc.Conversation, dc.Language))).Say;
}
