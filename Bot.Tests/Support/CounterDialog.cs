using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// A test-only flow that numbers every message it receives ("turn 3: text"), so a test can see
/// the order turns ran in and that each turn saw the state the previous one saved. Menu entry 4.
/// </summary>
public sealed class CounterDialog() : Dialog("complaint")
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        DialogContext.WriteState(dc.ActiveInstance!, new CounterState());
        dc.Say("counter ready");
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        var state = DialogContext.ReadState<CounterState>(dc.ActiveInstance!);
        state.Turns++;
        DialogContext.WriteState(dc.ActiveInstance!, state);
        dc.Say($"turn {state.Turns}: {dc.Text}");
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public sealed class CounterState
    {
        public int Turns { get; set; }
    }
}
