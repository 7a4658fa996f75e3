using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Litmas;

namespace ChatBot.Bot.Flows.LitmasStatus;

/// <summary>Typed state of the litmas-status flow.</summary>
public sealed class LitmasStatusState : IBegunWith<string>
{
    /// <summary>The number the flow was begun with (<c>status litmas NUMBER</c>), until it is looked up.</summary>
    public string? GivenNumber { get; set; }

    public void Begin(string number) => GivenNumber = number;

    /// <summary>The last number was not found: its message already asked for another.</summary>
    public bool Retry { get; set; }

    public long? CaseId { get; set; }
}

/// <summary>
/// Litmas status (<i>Kontrol Penelitian Kemasyarakatan</i>): the client or family types the registration
/// number and learns the stage, when it changed, the PK's name and what happens next; then may ask to be
/// told of every change. Unknown numbers count against the anti-enumeration throttle.
/// </summary>
public sealed class LitmasStatusDialog : WaterfallDialog<LitmasStatusState>
{
    private readonly LitmasLookup _lookup;

    public LitmasStatusDialog(LitmasLookup lookup)
        : base(WellKnownDialogs.LitmasStatus)
    {
        _lookup = lookup;
        Steps(Step(AskNumberAsync), Step<string>(LookUpAsync), Step<bool>(SubscribeAsync));
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is QuickLookup { Inline: true } inline)
        {
            // Inside another flow: answer only; the engine takes this dialog off the stack again.
            var result = await _lookup.FindAsync(dc, inline.Query);
            dc.Say(LitmasLookup.Explain(dc, result, inline.Query));
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options is QuickLookup quick ? quick.Query : options);
    }

    private static Task<DialogTurnResult> AskNumberAsync(WaterfallStepContext<LitmasStatusState> step)
    {
        if (step.State.GivenNumber is { Length: > 0 } number)
        {
            step.State.GivenNumber = null;
            return step.NextAsync(number);
        }

        var silent = step.State.Retry;
        step.State.Retry = false;
        return step.PromptAsync(TextPrompt.DefaultId, new PromptOptions
        {
            Prompt = LitmasTexts.For(step.Dc.Language).AskNumber,
            Help = LitmasTexts.For(step.Dc.Language).NumberHelp,
            MaxLength = 100,
            Silent = silent,
        });
    }

    private async Task<DialogTurnResult> LookUpAsync(WaterfallStepContext<LitmasStatusState> step, Answer<string> answer)
    {
        if (!answer.TryGet(out var typed))
        {
            return await step.GoToAsync(nameof(AskNumberAsync));
        }

        var dc = step.Dc;
        var result = await _lookup.FindAsync(dc, typed);
        dc.Say(LitmasLookup.Explain(dc, result, typed));
        switch (result)
        {
            case LitmasLookupResult.Paused:
                return await step.EndAsync();
            case LitmasLookupResult.NotFound:
                step.State.Retry = true;
                return await step.GoToAsync(nameof(AskNumberAsync));
        }

        var found = ((LitmasLookupResult.Found)result).Case;
        step.State.CaseId = found.Id;
        var texts = LitmasTexts.For(dc.Language);
        if (await LitmasCases.IsSubscribedAsync(dc.Work, found.Id, dc.Conversation.Id))
        {
            dc.Say(texts.AlreadySubscribed);
            return await step.EndAsync();
        }

        return await step.PromptAsync(ConfirmPrompt.DefaultId, new PromptOptions { Prompt = texts.AskSubscribe });
    }

    private static async Task<DialogTurnResult> SubscribeAsync(WaterfallStepContext<LitmasStatusState> step, Answer<bool> answer)
    {
        if (!answer.TryGet(out var wanted) || step.State.CaseId is not { } caseId)
        {
            return await step.GoToAsync(nameof(AskNumberAsync));
        }

        var dc = step.Dc;
        var texts = LitmasTexts.For(dc.Language);
        if (wanted)
        {
            await LitmasCases.SubscribeAsync(dc.Work, caseId, dc.Conversation.Id);
        }

        dc.Say(wanted ? texts.Subscribed : texts.NotSubscribed);
        return await step.EndAsync();
    }
}
