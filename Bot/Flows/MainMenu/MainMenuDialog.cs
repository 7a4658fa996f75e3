using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.MainMenu;

/// <summary>Typed state of the main menu.</summary>
public sealed class MainMenuState : IBegunWith<string>
{
    /// <summary>The menu was shown at least once in this run of the dialog.</summary>
    public bool Shown { get; set; }

    /// <summary>How the menu was begun (<see cref="WellKnownDialogs.MenuOptionWelcome"/> and the others).</summary>
    public string? Mode { get; set; }

    public void Begin(string mode) => Mode = mode;
}

/// <summary>
/// The root of every conversation: greets, lists the services the office offers, and begins the
/// chosen flow. When a flow ends, the menu waits quietly for the next choice.
/// </summary>
public sealed class MainMenuDialog : WaterfallDialog<MainMenuState>
{
    /// <summary>The entries the flows' modules registered, in menu order.</summary>
    private readonly IReadOnlyList<MenuEntry> _entries;

    public MainMenuDialog(IEnumerable<MenuEntry> entries)
        : base(WellKnownDialogs.MainMenu)
    {
        _entries = [.. entries.OrderBy(e => e.Order)];
        Steps(Step(ShowMenuAsync), Step<Choice>(StartChosenAsync), Step(AfterFlowAsync));
    }

    private Task<DialogTurnResult> ShowMenuAsync(WaterfallStepContext<MainMenuState> step)
    {
        var dc = step.Dc;
        var texts = MainMenuTexts.For(dc.Language);
        var options = step.State.Mode;
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

    private Task<DialogTurnResult> StartChosenAsync(WaterfallStepContext<MainMenuState> step, Answer<Choice> answer)
    {
        if (!answer.TryGet(out var choice))
        {
            return step.GoToAsync(nameof(ShowMenuAsync));
        }

        return StartEntryAsync(step, _entries.Single(e => e.Value == choice.Value));
    }

    private static Task<DialogTurnResult> AfterFlowAsync(WaterfallStepContext<MainMenuState> step) =>
        step.ReplaceDialogAsync(WellKnownDialogs.MainMenu, WellKnownDialogs.MenuOptionQuiet);

    private static Task<DialogTurnResult> StartEntryAsync(WaterfallStepContext<MainMenuState> step, MenuEntry entry)
    {
        var dc = step.Dc;
        if (entry.DialogId is { } dialogId && dc.Dialogs.Contains(dialogId) && dc.Office.Offers(entry.Service))
        {
            return step.BeginDialogAsync(dialogId);
        }

        dc.Say(entry.Unavailable?.Invoke(dc) ?? MainMenuTexts.For(dc.Language).ComingSoon(entry.Label(dc.Language).Text, DialogTexts.For(dc.Language).ReachOffice(dc.Office)));
        step.State.Shown = true;
        return step.GoToAsync(nameof(ShowMenuAsync));
    }

    private List<Choice> Choices(DialogContext dc) =>
        [.. _entries
            .Where(e => dc.Office.Offers(e.Service))
            .Select(e => (e.Value, Label: e.Label(dc.Language)))
            .Select(e => new Choice(e.Value, e.Label.Text, e.Label.Synonyms))];
}
