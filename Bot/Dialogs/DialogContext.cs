using System.Text.Json;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;

namespace ChatBot.Bot.Dialogs;

/// <summary>
/// Everything a dialog sees during one turn: the message, the stack, the store (in the turn's
/// transaction), the office, the clock, and where replies go.
/// </summary>
public sealed class DialogContext
{
    private readonly List<Reply> _replies = [];

    internal DialogContext(
        DialogSet dialogs,
        DialogStack stack,
        TurnInput input,
        Conversation conversation,
        Office office,
        UnitOfWork work)
    {
        Dialogs = dialogs;
        Stack = stack;
        Input = input;
        Conversation = conversation;
        Office = office;
        Work = work;
        foreach (var instance in stack.Instances)
        {
            _touched.Add(instance.Id);
        }
    }

    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    /// <summary>Tells whoever listens (the console's live pages, the pipeline) of a change, once the turn has committed.</summary>
    public void Raise(Domain.Events.IDomainEvent change) => Work.Raise(change);

    /// <summary>Every dialog on the stack during this turn: those it started with and every one begun since.</summary>
    public IReadOnlyCollection<string> Touched => _touched;

    public DialogSet Dialogs { get; }

    public DialogStack Stack { get; }

    public TurnInput Input { get; }

    /// <summary>The normalised text of the message.</summary>
    public string Text => Input.Text;

    public Conversation Conversation { get; }

    public Office Office { get; }

    /// <summary>The turn's unit of work, for the domain operations a dialog calls: what they change commits together with the replies.</summary>
    public UnitOfWork Work { get; }

    public DateTime UtcNow => Work.UtcNow;

    /// <summary>Today in the office's time zone.</summary>
    public DateOnly Today => Office.LocalDate(UtcNow);

    public CancellationToken CancellationToken => Work.CancellationToken;

    /// <summary><c>id</c> or <c>en</c>.</summary>
    public string Language
    {
        get => Conversation.Language;
        set => Conversation.Language = value;
    }

    public bool English => Language == "en";

    public IReadOnlyList<Reply> Replies => _replies;

    /// <summary>A prompt did not accept this turn's answer and asked again.</summary>
    public bool AnswerRefused { get; internal set; }

    public DialogInstance? ActiveInstance => Stack.Top;

    public void Say(Reply reply) => _replies.Add(reply);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null)
    {
        var dialog = Dialogs.Get(dialogId);
        _touched.Add(dialog.Id);
        Stack.Instances.Add(new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return dialog.BeginAsync(this, options);
    }

    /// <summary>Passes the message to the dialog on top; begins nothing when the stack is empty.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync()
    {
        var top = Stack.Top;
        return top is null
            ? Task.FromResult(new DialogTurnResult(DialogTurnStatus.Complete))
            : Dialogs.Get(top.Id).ContinueAsync(this);
    }

    /// <summary>Ends the dialog on top and resumes its parent with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result = null)
    {
        if (Stack.Instances.Count > 0)
        {
            Stack.Instances.RemoveAt(Stack.Instances.Count - 1);
        }

        var parent = Stack.Top;
        return parent is null
            ? Task.FromResult(new DialogTurnResult(DialogTurnStatus.Complete, result))
            : Dialogs.Get(parent.Id).ResumeAsync(this, result);
    }

    /// <summary>Ends the dialog on top without resuming its parent, and begins another in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null)
    {
        if (Stack.Instances.Count > 0)
        {
            Stack.Instances.RemoveAt(Stack.Instances.Count - 1);
        }

        return BeginDialogAsync(dialogId, options);
    }

    public void CancelAllDialogs() => Stack.Instances.Clear();

    /// <summary>Asks the current question again, from the top down; false when nothing on the stack asks anything.</summary>
    public async Task<bool> RepromptAsync()
    {
        for (var i = Stack.Instances.Count - 1; i >= 0; i--)
        {
            var instance = Stack.Instances[i];
            Stack.Instances.RemoveRange(i + 1, Stack.Instances.Count - i - 1);
            if (await Dialogs.Get(instance.Id).RepromptAsync(this) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Asks the previous question, from the top down; false when no dialog can go back.</summary>
    public async Task<bool> BackAsync()
    {
        for (var i = Stack.Instances.Count - 1; i >= 0; i--)
        {
            var instance = Stack.Instances[i];
            Stack.Instances.RemoveRange(i + 1, Stack.Instances.Count - i - 1);
            if (await Dialogs.Get(instance.Id).BackAsync(this) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a draft of <paramref name="dialogId"/> is kept (see <see cref="DialogStack.Drafts"/>).</summary>
    public bool HasDraft(string dialogId) => Stack.Drafts?.Any(d => d.Of == dialogId) == true;

    /// <summary>The dialog whose draft was kept last, or null when none is.</summary>
    public string? LatestDraft => Stack.Drafts is { Count: > 0 } drafts ? drafts[^1].Of : null;

    /// <summary>
    /// Puts the flow on top of the stack (from its first dialog up to <paramref name="upTo"/>, the one that
    /// keeps it) aside as a draft, replacing an older draft of the same dialog, and clears the stack.
    /// </summary>
    public void KeepDraft(string upTo)
    {
        var last = Stack.Instances.FindLastIndex(i => i.Id == upTo);
        var first = Stack.Instances.FindIndex(i => i.Id != WellKnownDialogs.MainMenu && Dialogs.Find(i.Id) is not Prompts.IPrompt);
        if (last >= 0 && first >= 0 && first <= last)
        {
            DropDraft(upTo);
            (Stack.Drafts ??= []).Add(new DialogDraft { Of = upTo, Instances = Stack.Instances[first..(last + 1)] });
        }

        CancelAllDialogs();
    }

    /// <summary>Throws the draft of <paramref name="dialogId"/> away, if one is kept.</summary>
    public void DropDraft(string dialogId)
    {
        Stack.Drafts?.RemoveAll(d => d.Of == dialogId);
        if (Stack.Drafts is { Count: 0 })
        {
            Stack.Drafts = null;
        }
    }

    /// <summary>
    /// Takes the draft of <paramref name="dialogId"/> up again: it becomes the stack, and its question is
    /// asked again, after <paramref name="notice"/>. False when there is none, or it was kept by an older
    /// version of its dialogs (it is then dropped); the stack is left as it was and nothing is said.
    /// </summary>
    public async Task<bool> ResumeDraftAsync(string dialogId, string? notice = null)
    {
        if (Stack.Drafts?.LastOrDefault(d => d.Of == dialogId) is not { } draft)
        {
            return false;
        }

        DropDraft(dialogId);
        if (!draft.Instances.All(i => Dialogs.Find(i.Id) is { } dialog && dialog.Version == i.Version))
        {
            return false;
        }

        CancelAllDialogs();
        Stack.Instances.AddRange(draft.Instances);
        foreach (var instance in draft.Instances)
        {
            _touched.Add(instance.Id);
            Dialogs.Get(instance.Id).DraftResumed(this, instance);
        }

        if (notice is not null)
        {
            Say(notice);
        }

        return await RepromptAsync();
    }

    /// <summary>Reads the typed state of a stack entry (a fresh value when it has none).</summary>
    public static T ReadState<T>(DialogInstance instance)
        where T : new() =>
        instance.State is null ? new T() : instance.State.Deserialize<T>(DialogStack.Json) ?? new T();

    public static void WriteState<T>(DialogInstance instance, T state) =>
        instance.State = JsonSerializer.SerializeToNode(state, DialogStack.Json);
}
