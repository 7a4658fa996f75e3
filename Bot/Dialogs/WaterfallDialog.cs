using ChatBot.Bot.Dialogs.Prompts;

using System.Text.Json.Serialization;

namespace ChatBot.Bot.Dialogs;

/// <summary>One step of a waterfall.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step)
    where TState : class, new();

/// <summary>
/// A dialog that runs its steps in order with typed state <typeparamref name="TState"/>. A step
/// usually takes the answer to the previous question (<see cref="WaterfallStepContext{TState}.Result"/>)
/// and asks the next. When <c>Result</c> is null the step is being re-run to ask its question
/// again (after <c>kembali</c>, <c>bantuan</c> or a language switch): it must then only ask.
/// </summary>
public class WaterfallDialog<TState>(string id, int version, params WaterfallStep<TState>[] steps) : Dialog(id)
    where TState : class, new()
{
    private readonly WaterfallStep<TState>[] _steps = steps;

    public override int Version => version;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var instance = dc.ActiveInstance!;
        // A turn the service queued carries its option text inside a TurnStart.
        var state = new WaterfallState<TState> { Options = options as string ?? (options as TurnStart)?.Options, Values = new TState() };
        return RunStepAsync(dc, instance, state, 0, result: null, options is TurnStart ? state.Options : options);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        // A waterfall on top waits for nothing: pass the text on as the answer to its step.
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        return RunStepAsync(dc, instance, state, state.Index + 1, dc.Text, state.Options);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        return RunStepAsync(dc, instance, state, state.Index + 1, result, state.Options);
    }

    public override async Task<DialogTurnResult?> RepromptAsync(DialogContext dc)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        return await RunStepAsync(dc, instance, state, state.Index, result: null, state.Options);
    }

    public override async Task<DialogTurnResult?> BackAsync(DialogContext dc)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        if (state.Index == 0)
        {
            return null;
        }

        return await RunStepAsync(dc, instance, state, state.Index - 1, result: null, state.Options);
    }

    internal async Task<DialogTurnResult> RunStepAsync(
        DialogContext dc,
        DialogInstance instance,
        WaterfallState<TState> state,
        int index,
        object? result,
        object? options)
    {
        if (index >= _steps.Length)
        {
            return await dc.EndDialogAsync(state.Values);
        }

        state.Index = index;
        DialogContext.WriteState(instance, state);
        var step = new WaterfallStepContext<TState>(this, dc, instance, state, index, result, options);
        var outcome = await _steps[index](step);

        // The step may have changed its values; keep them with the instance (still ours even
        // when a child now sits above it).
        if (!step.Finished)
        {
            DialogContext.WriteState(instance, state);
        }

        return outcome;
    }
}

/// <summary>Stored state of a waterfall: where it is, and the flow's own typed values.</summary>
public sealed class WaterfallState<TState>
    where TState : class, new()
{
    [JsonPropertyName("i")]
    public int Index { get; set; }

    /// <summary>The text option the waterfall was begun with, if any.</summary>
    [JsonPropertyName("o")]
    public string? Options { get; set; }

    [JsonPropertyName("v")]
    public TState Values { get; set; } = new();
}

/// <summary>What a waterfall step can see and do.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class, new()
{
    private readonly WaterfallDialog<TState> _dialog;
    private readonly DialogInstance _instance;
    private readonly WaterfallState<TState> _state;

    internal WaterfallStepContext(
        WaterfallDialog<TState> dialog,
        DialogContext dc,
        DialogInstance instance,
        WaterfallState<TState> state,
        int index,
        object? result,
        object? options)
    {
        _dialog = dialog;
        _instance = instance;
        _state = state;
        Dc = dc;
        Index = index;
        Result = result;
        Options = options;
    }

    public DialogContext Dc { get; }

    /// <summary>The flow's typed values; changes are saved when the step returns.</summary>
    public TState State => _state.Values;

    public int Index { get; }

    /// <summary>The answer to the previous question; null when the step is asked to re-ask.</summary>
    public object? Result { get; }

    /// <summary>What the waterfall was begun with.</summary>
    public object? Options { get; }

    internal bool Finished { get; private set; }

    public void Say(Reply reply) => Dc.Say(reply);

    /// <summary>Asks a question with a prompt dialog; its answer arrives as the next step's <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options) => BeginDialogAsync(promptId, options);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null)
    {
        // A child that ends in this same turn resumes us at once: it must find our values as they are now.
        DialogContext.WriteState(_instance, _state);
        return Dc.BeginDialogAsync(dialogId, options);
    }

    /// <summary>Runs the next step at once with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null) =>
        _dialog.RunStepAsync(Dc, _instance, _state, Index + 1, result, Options);

    /// <summary>Runs the step at <paramref name="index"/> to ask its question again (e.g. to correct an item).</summary>
    public Task<DialogTurnResult> GoToAsync(int index) =>
        _dialog.RunStepAsync(Dc, _instance, _state, index, result: null, Options);

    public Task<DialogTurnResult> EndAsync(object? result = null)
    {
        Finished = true;
        return Dc.EndDialogAsync(result ?? _state.Values);
    }

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null)
    {
        Finished = true;
        return Dc.ReplaceDialogAsync(dialogId, options);
    }
}
