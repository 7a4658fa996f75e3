using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.Extensions.Logging;

namespace ChatBot.Bot.Dialogs;

/// <summary>
/// Runs one turn: loads the conversation's dialog stack, routes commands that work anywhere,
/// passes everything else to the active dialog, and saves the stack back. The caller commits
/// the conversation, the flow's writes and the replies in one transaction.
/// </summary>
public sealed class DialogEngine(
    DialogSet dialogs,
    IEnumerable<QuickCommand> quickCommands,
    IEnumerable<IInterruption> interruptions,
    IEnumerable<IAnswerAnywhere> answers,
    IEnumerable<IMessageCatcher> catchers,
    ILogger<DialogEngine> logger)
{
    private readonly IReadOnlyList<IMessageCatcher> _catchers = [.. catchers];

    private readonly IReadOnlyList<IAnswerAnywhere> _answers = [.. answers];

    /// <summary>What the flows' modules registered: commands that begin a flow from anywhere, in their order.</summary>
    private readonly IReadOnlyList<QuickCommand> _quick = [.. quickCommands.OrderBy(q => q.Order)];

    /// <summary>The flows' answers to engine commands (<c>petugas</c>), by command.</summary>
    private readonly Dictionary<Command, IInterruption> _interruptions = interruptions.ToDictionary(i => i.Command);

    /// <summary>Dialogs that belong to no flow of their own: a message seen only by them is nobody's case.</summary>
    private static readonly IReadOnlySet<string> NoFlow = new HashSet<string>(StringComparer.Ordinal) { WellKnownDialogs.MainMenu, WellKnownDialogs.Help };

    public async Task<IReadOnlyList<Reply>> RunTurnAsync(
        Conversation conversation,
        Office office,
        TurnInput input,
        UnitOfWork work) =>
        (await RunOneAsync(conversation, office, input, work)).Replies;

    /// <summary>
    /// A turn, answered as the channel wants (several answers per message by e-mail), with the flows
    /// that took part in it (<see cref="FlowTags"/>), which the message and its reply are tagged with.
    /// What the flows change and raise is in <paramref name="work"/>, for the caller to commit and then publish.
    /// </summary>
    public async Task<(IReadOnlyList<Reply> Replies, string Flows)> RunAsync(
        Conversation conversation,
        Office office,
        TurnInput input,
        UnitOfWork work)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var replies = input.Channel == ChannelKind.Email
            ? await RunSeveralAnswersAsync(conversation, office, input, work, touched)
            : (await RunOneAsync(conversation, office, input, work, touched)).Replies;
        return (replies, FlowTags.Of(touched, NoFlow));
    }

    /// <summary>What the flow's current dialog says when the person cancels it, if anything of its own.</summary>
    private string? CancelNotice(DialogContext dc) => CurrentDialog(dc) is var (dialog, instance) ? dialog.CancelNotice(dc, instance) : null;

    /// <summary>The dialog the person is in: the first on the stack, from the top, that is not a prompt.</summary>
    private (Dialog Dialog, DialogInstance Instance)? CurrentDialog(DialogContext dc)
    {
        for (var i = dc.Stack.Instances.Count - 1; i >= 0; i--)
        {
            var instance = dc.Stack.Instances[i];
            if (dialogs.Find(instance.Id) is { } dialog and not IPrompt)
            {
                return (dialog, instance);
            }
        }

        return null;
    }

    /// <summary>The tag of a message a flow sends on its own (a proactive start, a notice).</summary>
    public static string FlowOf(string dialogId) => FlowTags.Of([dialogId], NoFlow);

    /// <summary>
    /// A turn for a message that may answer several questions at once, one answer per line (e-mail).
    /// When the person is answering a flow that allows it, each line goes to the question waiting at
    /// that point, until an answer is refused (the re-asked question ends the reply) or a question
    /// takes the rest as one answer; the questions answered on the way are not repeated. Otherwise
    /// it is an ordinary turn.
    /// </summary>
    private async Task<IReadOnlyList<Reply>> RunSeveralAnswersAsync(
        Conversation conversation,
        Office office,
        TurnInput input,
        UnitOfWork work,
        HashSet<string>? touched)
    {
        // Greetings and sign-offs ("Selamat pagi,", "Terima kasih") are no answers.
        var lines = input.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !Recognizers.Utterances.IsPleasantry(line))
            .ToArray();
        if (lines.Length < 2 || WaitingPrompt(conversation) is null)
        {
            return (await RunOneAsync(conversation, office, input, work, touched)).Replies;
        }

        var replies = new List<Reply>();
        for (var i = 0; i < lines.Length; i++)
        {
            var wholeRest = WaitingPrompt(conversation) is { } waiting && waiting.Prompt.TakesWholeMessage(waiting.Instance);
            var text = wholeRest ? string.Join('\n', lines[i..]) : lines[i];
            var dc = await RunOneAsync(conversation, office, input with { Text = text, Attachments = i == 0 ? input.Attachments : [] }, work, touched);
            var last = wholeRest || i == lines.Length - 1;
            var goOn = !last && !dc.AnswerRefused && WaitingPrompt(conversation) is not null;
            replies.AddRange(goOn ? dc.Replies.Where(r => !r.IsQuestion) : dc.Replies);
            if (!goOn)
            {
                if (!last)
                {
                    replies.Add(DialogTexts.For(conversation.Language).LinesNotRead(lines.Length - i - 1));
                }

                break;
            }
        }

        return replies;
    }

    /// <summary>The prompt waiting for an answer, when it belongs to a flow that takes several answers per message.</summary>
    private (IPrompt Prompt, DialogInstance Instance)? WaitingPrompt(Conversation conversation)
    {
        if (conversation.Mode != ConversationMode.Bot || DialogStack.TryDeserialize(conversation.DialogState) is not { Top: { } top } stack || !IsCurrent(stack))
        {
            return null;
        }

        return dialogs.Find(top.Id) is IPrompt prompt
            && stack.Instances.Any(instance => dialogs.Find(instance.Id)?.AcceptsSeveralAnswersPerMessage == true)
            ? (prompt, top)
            : null;
    }

    private async Task<DialogContext> RunOneAsync(
        Conversation conversation,
        Office office,
        TurnInput input,
        UnitOfWork work,
        HashSet<string>? touched = null)
    {
        var stack = DialogStack.TryDeserialize(conversation.DialogState);
        var restarted = stack is null || !IsCurrent(stack);
        if (restarted)
        {
            logger.LogInformation("Conversation {ConversationId} had outdated dialog state; restarting it", conversation.Id);
            // The message may still answer the outdated flow's question: it belongs to that flow.
            touched?.UnionWith(stack?.Instances.Select(i => i.Id) ?? []);
            // Drafts are checked when they are taken up again, so an outdated stack does not lose them.
            stack = new DialogStack { Drafts = stack?.Drafts };
        }

        var dc = new DialogContext(dialogs, stack!, input, conversation, office, work);
        var texts = DialogTexts.For(dc.Language);
        if (restarted)
        {
            dc.Say(texts.FlowRestarted);
            await dc.BeginDialogAsync(WellKnownDialogs.MainMenu, WellKnownDialogs.MenuOptionWelcome);
        }
        else
        {
            await RouteAsync(dc, texts);
        }

        conversation.DialogState = stack!.IsEmpty ? null : stack.Serialize();
        touched?.UnionWith(dc.Touched);
        return dc;
    }

    /// <summary>
    /// A turn the service queued (<see cref="SystemTurns"/>): begins <see cref="SystemTurns.Request.Begin"/> with a
    /// <see cref="TurnStart"/>. When the request replaces, or nothing but the menu waits for the person, the
    /// dialog takes the conversation over; otherwise it only says its piece (<see cref="TurnStart.Busy"/>) and
    /// the person's flow goes on where it was.
    /// </summary>
    public async Task<(IReadOnlyList<Reply> Replies, string Flows)> RunSystemTurnAsync(
        Conversation conversation,
        Office office,
        SystemTurns.Request request,
        UnitOfWork work)
    {
        var stack = DialogStack.TryDeserialize(conversation.DialogState) is { } saved && IsCurrent(saved) ? saved : new DialogStack();
        var input = new TurnInput("", [], conversation.Channel, conversation.UserAddress, null, work.UtcNow);
        var dc = new DialogContext(dialogs, stack, input, conversation, office, work);
        var idle = conversation.Mode == ConversationMode.Bot
            && stack.Instances.All(i => i.Id == WellKnownDialogs.MainMenu || i.Id == ChoicePrompt.DefaultId);
        if (request.Replace || idle)
        {
            dc.CancelAllDialogs();
            await dc.BeginDialogAsync(request.Begin, new TurnStart(request.Options, Busy: false));
        }
        else
        {
            var depth = stack.Instances.Count;
            await dc.BeginDialogAsync(request.Begin, new TurnStart(request.Options, Busy: true));
            stack.Instances.RemoveRange(depth, stack.Instances.Count - depth);
        }

        conversation.DialogState = stack.IsEmpty ? null : stack.Serialize();
        return (dc.Replies, FlowTags.Of([request.Begin], NoFlow));
    }

    private async Task RouteAsync(DialogContext dc, DialogTexts texts)
    {
        if (dc.Text.Length == 0 && dc.Input.Attachments.Count == 0)
        {
            dc.Say(texts.EmptyMessage);
            await RepromptOrMenuAsync(dc);
            return;
        }

        var command = InterruptionRouter.Recognize(dc.Text);
        if (command == Command.Stop)
        {
            dc.Conversation.OptedOutAt = dc.UtcNow;
            dc.Say(texts.OptedOut);
            return;
        }

        // Writing again after STOP means the person wants to hear from us again.
        dc.Conversation.OptedOutAt = null;

        switch (command)
        {
            case Command.Menu or Command.Cancel when await AskBeforeLeavingAsync(dc):
                return;
            case Command.Menu:
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
                return;
            case Command.Cancel:
                if (InFlow(dc))
                {
                    dc.Say(CancelNotice(dc) ?? texts.Cancelled);
                }

                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
                return;
            case Command.Back:
                if (!await dc.BackAsync())
                {
                    dc.CancelAllDialogs();
                    await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
                }

                return;
            case Command.Help:
                await dc.BeginDialogAsync(WellKnownDialogs.Help);
                return;
            case Command.Officer:
                // Officers see what the bot had collected so far in the flow the person is in (not the drafts put aside).
                var collected = InFlow(dc) ? dc.Stack.SerializeRunning() : null;
                dc.CancelAllDialogs();
                if (_interruptions.TryGetValue(command, out var interruption))
                {
                    await interruption.HandleAsync(dc, collected);
                }
                else
                {
                    await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
                }

                return;
            case Command.English or Command.Indonesian:
                dc.Language = command == Command.English ? "en" : "id";
                dc.Say(DialogTexts.For(dc.Language).LanguageSwitched);
                await RepromptOrMenuAsync(dc);
                return;
        }

        if (await QuickAsync(dc) || await CatchAsync(dc) || await AnswerAnywhereAsync(dc, texts))
        {
            return;
        }

        // "lanjut" outside any flow takes up the draft the person left last.
        if (!InFlow(dc) && dc.LatestDraft is { } draft && InterruptionRouter.AsksToResume(dc.Text))
        {
            if (!await dc.ResumeDraftAsync(draft, texts.DraftResumed))
            {
                // Kept by an older version of the flow: it cannot be read any more.
                dc.Say(texts.FlowRestarted);
                await RepromptOrMenuAsync(dc);
            }

            return;
        }

        if (dc.Stack.Instances.Count == 0)
        {
            await dc.BeginDialogAsync(WellKnownDialogs.MainMenu, WellKnownDialogs.MenuOptionStart);
            return;
        }

        if (command == Command.Greeting && !InFlow(dc))
        {
            dc.CancelAllDialogs();
            await dc.BeginDialogAsync(WellKnownDialogs.MainMenu, WellKnownDialogs.MenuOptionWelcome);
            return;
        }

        await dc.ContinueDialogAsync();
    }

    /// <summary>
    /// A command with an argument (<c>status litmas NUMBER</c>), as the flows registered them. Inside another
    /// flow it is answered in this turn and the flow's question is asked again, so nothing typed so far is
    /// lost; otherwise (or inside the command's own flow, where it answers the question) its flow begins,
    /// already answered. False when no command matches that this office
    /// offers (the text is then an ordinary message).
    /// </summary>
    private async Task<bool> QuickAsync(DialogContext dc)
    {
        foreach (var quick in _quick)
        {
            if (quick.Match(dc.Text) is { } argument && dialogs.Contains(quick.DialogId) && dc.Office.Offers(quick.Service))
            {
                await StartQuickAsync(dc, quick.DialogId, argument);
                return true;
            }
        }

        return false;
    }

    /// <summary>A message a flow catches (<see cref="IMessageCatcher"/>): the answer to something it asked outside any dialog.</summary>
    private async Task<bool> CatchAsync(DialogContext dc)
    {
        var inFlow = InFlow(dc);
        foreach (var catcher in _catchers)
        {
            if (await catcher.CatchAsync(dc, inFlow))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A question a flow answers from anywhere (<see cref="IAnswerAnywhere"/>): answered, and the waiting
    /// question asked again; nothing of the conversation changes. False when none answers it.
    /// </summary>
    private async Task<bool> AnswerAnywhereAsync(DialogContext dc, DialogTexts texts)
    {
        if (_answers.Count == 0 || !Recognizers.Utterances.IsQuestion(dc.Text)
            || (dc.Stack.Top is { } top && dialogs.Find(top.Id) is IPrompt prompt && prompt.TakesQuestions(top)))
        {
            return false;
        }

        foreach (var answer in _answers)
        {
            if (await answer.AnswerAsync(dc) is { } text)
            {
                dc.Say(text);
                if (!InFlow(dc) || !await dc.RepromptAsync())
                {
                    dc.Say(texts.AnythingElse);
                }

                return true;
            }
        }

        return false;
    }

    private async Task StartQuickAsync(DialogContext dc, string dialogId, string argument)
    {
        if (!InFlow(dc) || CurrentDialog(dc)?.Dialog.Id == dialogId)
        {
            dc.CancelAllDialogs();
            await dc.BeginDialogAsync(dialogId, new QuickLookup(argument, Inline: false));
            return;
        }

        var depth = dc.Stack.Instances.Count;
        await dc.BeginDialogAsync(dialogId, new QuickLookup(argument, Inline: true));
        dc.Stack.Instances.RemoveRange(depth, dc.Stack.Instances.Count - depth);
        await RepromptOrMenuAsync(dc);
    }

    /// <summary>
    /// <c>menu</c> or <c>batal</c> in a flow whose answers are worth keeping: asks first (<see cref="LeaveDialog"/>)
    /// and returns true. At that question itself, a second <c>menu</c> or <c>batal</c> leaves with the draft kept.
    /// </summary>
    private async Task<bool> AskBeforeLeavingAsync(DialogContext dc)
    {
        if (dc.Stack.Instances.Any(i => i.Id == WellKnownDialogs.Leave))
        {
            await LeaveDialog.KeepAndLeaveAsync(dc);
            return true;
        }

        for (var i = dc.Stack.Instances.Count - 1; i >= 0; i--)
        {
            var instance = dc.Stack.Instances[i];
            if (dialogs.Find(instance.Id)?.LeaveQuestion(dc, instance) is { } question)
            {
                await dc.BeginDialogAsync(WellKnownDialogs.Leave, new LeaveOptions(instance.Id, question));
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a flow (anything beyond the main menu and its prompt) is on the stack.</summary>
    private static bool InFlow(DialogContext dc) =>
        dc.Stack.Instances.Any(i => i.Id != WellKnownDialogs.MainMenu && !i.Id.StartsWith("prompt.", StringComparison.Ordinal));

    private static async Task RepromptOrMenuAsync(DialogContext dc)
    {
        if (!await dc.RepromptAsync())
        {
            dc.CancelAllDialogs();
            await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
        }
    }

    private bool IsCurrent(DialogStack stack) =>
        stack.Instances.All(i => dialogs.Find(i.Id) is { } dialog && dialog.Version == i.Version);
}
