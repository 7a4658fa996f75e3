using ChatBot.Bot.Dialogs.Prompts;
using System.Text.Json.Serialization;

namespace ChatBot.Bot.Dialogs;

/// <summary>What <see cref="LeaveDialog"/> is begun with: the dialog whose answers would be lost, and what it asks.</summary>
public sealed record LeaveOptions(string DraftOf, string Question);

/// <summary>
/// Asked when a person types <c>menu</c> or <c>batal</c> in a flow holding answers worth keeping (see
/// <see cref="Dialog.LeaveQuestion"/>): leave with the answers kept as a draft (taken up again with
/// <c>lanjut</c>, or by the flow itself), go on where they were, or leave and throw the answers away.
/// A second <c>menu</c> or <c>batal</c> here leaves and keeps the draft.
/// </summary>
public sealed class LeaveDialog() : Dialog(WellKnownDialogs.Leave)
{
    private const string Keep = "keep";
    private const string Stay = "stay";
    private const string Discard = "discard";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var leave = options as LeaveOptions ?? throw new ArgumentException($"Dialog '{Id}' needs LeaveOptions.");
        DialogContext.WriteState(dc.ActiveInstance!, new LeaveState { DraftOf = leave.DraftOf });
        var texts = DialogTexts.For(dc.Language);
        return dc.BeginDialogAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = leave.Question,
            Choices =
            [
                new(Keep, texts.LeaveKeepDraft, ["ya", "iya", "y", "keluar", "simpan", "yes", "leave", "exit"]),
                new(Stay, texts.LeaveStay, ["lanjut", "lanjutkan", "tidak", "tidak jadi", "continue", "no"]),
                new(Discard, texts.LeaveDiscard, ["hapus", "buang", "hapus draf", "discard", "delete"]),
            ],
        });
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result)
    {
        var texts = DialogTexts.For(dc.Language);
        switch (result)
        {
            case Choice { Value: Keep }:
                return await KeepAndLeaveAsync(dc);
            case Choice { Value: Discard }:
                dc.Say(texts.DraftDiscarded);
                dc.CancelAllDialogs();
                return await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
            default:
                // Go on: the question that was waiting is asked again.
                dc.Stack.Instances.RemoveAt(dc.Stack.Instances.Count - 1);
                dc.Say(texts.LeaveStayed);
                return await dc.RepromptAsync() ? DialogTurnResult.Waiting : await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
        }
    }

    /// <summary>Leaves to the main menu and keeps the flow below as a draft (also for a second <c>menu</c> here).</summary>
    public static async Task<DialogTurnResult> KeepAndLeaveAsync(DialogContext dc)
    {
        var leave = dc.Stack.Instances.LastOrDefault(i => i.Id == WellKnownDialogs.Leave);
        var draftOf = leave is null ? null : DialogContext.ReadState<LeaveState>(leave).DraftOf;
        if (draftOf is null)
        {
            dc.CancelAllDialogs();
        }
        else
        {
            dc.Stack.Instances.RemoveRange(dc.Stack.Instances.IndexOf(leave!), dc.Stack.Instances.Count - dc.Stack.Instances.IndexOf(leave!));
            dc.KeepDraft(draftOf);
            dc.Say(DialogTexts.For(dc.Language).DraftKept);
        }

        return await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
    }

    private sealed class LeaveState
    {
        [JsonPropertyName("of")]
        public string? DraftOf { get; set; }
    }
}
