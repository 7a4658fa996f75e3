using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.MainMenu;

namespace ChatBot.Bot.Flows.Help;

/// <summary>Says the help text, then asks the question that was pending (or shows the menu).</summary>
public sealed class HelpDialog() : Dialog(WellKnownDialogs.Help)
{
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var hours = DialogTexts.For(dc.Language).ServiceHours(dc.Office);
        dc.Say(HelpTexts.For(dc.Language).Body(dc.Office.Name, hours));

        // Leave without answering the dialog below: help is not an answer to its question.
        dc.Stack.Instances.RemoveAt(dc.Stack.Instances.Count - 1);
        if (await dc.RepromptAsync())
        {
            return DialogTurnResult.Waiting;
        }

        dc.CancelAllDialogs();
        return await dc.BeginDialogAsync(WellKnownDialogs.MainMenu, WellKnownDialogs.MenuOptionQuiet);
    }
}
