using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.MainMenu;

/// <summary>Typed state of the main menu.</summary>
public sealed class MainMenuState
{
    /// <summary>The menu was shown at least once in this run of the dialog.</summary>
    public bool Shown { get; set; }
}

/// <summary>
/// The root of every conversation: greets, lists the services the office offers, and begins the
/// chosen flow. When a flow ends, the menu waits quietly for the next choice.
/// </summary>
public sealed class MainMenuDialog : WaterfallDialog<MainMenuState>
{
    public MainMenuDialog()
        : base(WellKnownDialogs.MainMenu, version: 1, ShowMenuAsync, StartChosenAsync, AfterFlowAsync)
    {
    }

    private static Task<DialogTurnResult> ShowMenuAsync(WaterfallStepContext<MainMenuState> step)
    {
        var dc = step.Dc;
        var texts = MainMenuTexts.For(dc.Language);
        var options = step.Options as string;
        if (options == WellKnownDialogs.MenuOptionOfficer && !step.State.Shown)
        {
            step.State.Shown = true;
            return step.NextAsync(new Choice("officer", "officer"));
        }

        var choices = Choices(dc);
        if (choices.Count == 0)
        {
            dc.Say(texts.NoServices);
            return step.EndAsync();
        }

        if (options == WellKnownDialogs.MenuOptionStart && !step.State.Shown
            && InterruptionRouter.Recognize(dc.Text) != Command.Greeting
            && ChoiceRecognizer.Recognize(dc.Text, choices) is { Ok: true, Value: { } picked })
        {
            // Started from the next step, so that the flow's end (even in this same turn) comes
            // back to the quiet menu and the message is not read again.
            step.State.Shown = true;
            return step.NextAsync(picked);
        }

        var quiet = options == WellKnownDialogs.MenuOptionQuiet && !step.State.Shown;
        var welcome = options is WellKnownDialogs.MenuOptionWelcome or WellKnownDialogs.MenuOptionStart;
        var question = welcome && !step.State.Shown
            ? $"{texts.Welcome(dc.Office.Name)}\n\n{texts.ChooseService}"
            : texts.ChooseService;
        step.State.Shown = true;
        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions { Prompt = question, Choices = choices, Silent = quiet });
    }

    private static Task<DialogTurnResult> StartChosenAsync(WaterfallStepContext<MainMenuState> step)
    {
        if (step.Result is not Choice choice)
        {
            return step.GoToAsync(0);
        }

        return StartEntryAsync(step, MenuEntries.All.Single(e => e.Value == choice.Value));
    }

    private static Task<DialogTurnResult> AfterFlowAsync(WaterfallStepContext<MainMenuState> step) =>
        step.ReplaceDialogAsync(WellKnownDialogs.MainMenu, WellKnownDialogs.MenuOptionQuiet);

    private static Task<DialogTurnResult> StartEntryAsync(WaterfallStepContext<MainMenuState> step, MenuEntry entry)
    {
        var dc = step.Dc;
        if (dc.Dialogs.Contains(entry.DialogId) && dc.Office.Offers(entry.Service))
        {
            return step.BeginDialogAsync(entry.DialogId);
        }

        var texts = MainMenuTexts.For(dc.Language);
        if (entry.Service == OfficeServices.Handover)
        {
            var office = dc.Office;
            dc.Say(texts.OfficerUnavailable(office.Name, texts.ServiceHours(office)));
        }
        else
        {
            dc.Say(texts.ComingSoon(texts.Labels[entry.Value]));
        }

        step.State.Shown = true;
        return step.GoToAsync(0);
    }

    private static List<Choice> Choices(DialogContext dc)
    {
        var texts = MainMenuTexts.For(dc.Language);
        return MenuEntries.All
            .Where(e => dc.Office.Offers(e.Service))
            .Select(e => new Choice(e.Value, texts.Labels[e.Value], texts.Synonyms[e.Value]))
            .ToList();
    }
}
