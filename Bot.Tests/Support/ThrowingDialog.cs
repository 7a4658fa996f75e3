using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Tests.Support;

/// <summary>A test-only flow with a bug: it throws when told "boom". Menu entry 2.</summary>
public sealed class ThrowingDialog() : Dialog("litmas-status")
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        dc.Say("say boom");
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc) =>
        dc.Text == "boom" ? throw new InvalidOperationException("A bug in a flow") : dc.EndDialogAsync();
}
