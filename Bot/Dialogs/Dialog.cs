namespace ChatBot.Bot.Dialogs;

/// <summary>
/// A unit of conversation with its own typed state on the dialog stack: begun by a parent,
/// continued by each message while it is on top, and resumed when a child it started ends.
/// <see cref="Version"/> changes whenever the shape of the state does (a waterfall derives it): a
/// conversation saved with another version restarts politely instead of misreading old state.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public virtual int Version => 1;

    /// <summary>
    /// Whether a person may answer several of this flow's questions in one message, one answer per
    /// line (e-mail): each line goes to the question waiting at that point.
    /// </summary>
    public virtual bool AcceptsSeveralAnswersPerMessage => false;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options);

    /// <summary>A message arrived while this dialog is on top.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc) => dc.EndDialogAsync();

    /// <summary>A child this dialog began has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result) => dc.EndDialogAsync(result);

    /// <summary>
    /// Ask the current question again (after help, a language switch, an invalid message).
    /// Returns null when this dialog has nothing to ask, so the one below is asked instead.
    /// </summary>
    public virtual Task<DialogTurnResult?> RepromptAsync(DialogContext dc) => Task.FromResult<DialogTurnResult?>(null);

    /// <summary>
    /// The person typed <c>kembali</c>: ask the previous question. Returns null when this dialog is
    /// at its first question, so the dialog below goes back instead.
    /// </summary>
    public virtual Task<DialogTurnResult?> BackAsync(DialogContext dc) => Task.FromResult<DialogTurnResult?>(null);

    /// <summary>
    /// What the person hears when they type <c>batal</c> while this dialog (<paramref name="instance"/>)
    /// is the flow's current one, when "cancelled" alone would mislead (a booking that is kept); null
    /// for the general sentence.
    /// </summary>
    public virtual string? CancelNotice(DialogContext dc, DialogInstance instance) => null;

    /// <summary>
    /// The person typed <c>menu</c> or <c>batal</c> while this dialog (<paramref name="instance"/>) is on the
    /// stack. A dialog holding answers worth keeping returns what to ask first (how far the person got):
    /// the engine then asks whether to leave with the answers kept as a draft, go on, or throw them away.
    /// Null lets the person leave at once.
    /// </summary>
    public virtual string? LeaveQuestion(DialogContext dc, DialogInstance instance) => null;

    /// <summary>A draft of this dialog (<paramref name="instance"/>) is taken up again: bring what depends on time up to date.</summary>
    public virtual void DraftResumed(DialogContext dc, DialogInstance instance)
    {
    }
}

public enum DialogTurnStatus
{
    /// <summary>A dialog waits for the person's next message.</summary>
    Waiting,

    /// <summary>The stack emptied: every dialog ended.</summary>
    Complete,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);
}
