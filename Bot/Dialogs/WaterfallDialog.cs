using ChatBot.Bot.Dialogs.Prompts;
using System.Text.Json.Serialization;

namespace ChatBot.Bot.Dialogs;

/// <summary>One step of a waterfall that takes no answer (it asks, or decides from the state).</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step)
    where TState : class, new();

/// <summary>One step of a waterfall that takes the answer to the previous question, of the type it declares.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState, TAnswer>(WaterfallStepContext<TState> step, Answer<TAnswer> answer)
    where TState : class, new();

/// <summary>
/// The answer a step declared it takes: <see cref="Given"/> is false when the step runs to ask its
/// question again (<see cref="WaterfallStepContext{TState}.Repeated"/>) or was reached without an
/// answer of that type; the one type test of a result is <see cref="From"/>.
/// </summary>
public readonly record struct Answer<T>(bool Given, T Value)
{
    public static Answer<T> From(object? result) => result is T value ? new(true, value) : default;

    /// <summary>The value, when there is one.</summary>
    public bool TryGet(out T value)
    {
        value = Value;
        return Given;
    }
}

/// <summary>
/// A dialog that runs its steps in order with typed state <typeparamref name="TState"/>. A step
/// usually takes the answer to the previous question (an <see cref="Answer{T}"/> of the type it declares)
/// and asks the next. When <see cref="WaterfallStepContext{TState}.Repeated"/> is true the step is run
/// again to ask its question again (after <c>kembali</c>, <c>bantuan</c> or a language switch): it must
/// then only ask.
/// Steps have names (a method's own name, or one given with its lambda) and are addressed by them.
/// The dialog's <see cref="Version"/> is derived from its step names and the shape of its state, so
/// inserting a step or changing the state makes saved conversations restart politely instead of
/// resuming at the wrong step; <see cref="Revision"/> covers a change of meaning neither shows.
/// </summary>
public class WaterfallDialog<TState> : Dialog
    where TState : class, new()
{
    /// <summary>The steps, each reading the untyped result it is handed as the answer it declared.</summary>
    private Func<WaterfallStepContext<TState>, object?, Task<DialogTurnResult>>[] _steps = [];
    private string[] _names = [];
    private int? _version;

    /// <summary>Steps given as methods: each is named by its method (a lambda has no stable name: use the other constructor).</summary>
    public WaterfallDialog(string id, params WaterfallStep<TState>[] steps)
        : base(id) => Steps(steps);

    public WaterfallDialog(string id, IEnumerable<(string Name, WaterfallStep<TState> Run)> steps)
        : base(id) => Steps(steps);

    public WaterfallDialog(string id, IEnumerable<NamedStep<TState>> steps)
        : base(id) => Steps(steps);

    /// <summary>For a dialog whose steps are instance methods: it gives them with <see cref="Steps(WaterfallStep{TState}[])"/> in its constructor.</summary>
    protected WaterfallDialog(string id)
        : base(id)
    {
    }

    protected void Steps(params WaterfallStep<TState>[] steps) => Steps(steps.Select(Step));

    /// <summary>A step that takes no answer, named by its method.</summary>
    protected static NamedStep<TState> Step(WaterfallStep<TState> run) => (NameOf(run.Method), run);

    /// <summary>A step that takes the previous question's answer as a <typeparamref name="TAnswer"/>, named by its method.</summary>
    protected static NamedStep<TState> Step<TAnswer>(WaterfallStep<TState, TAnswer> run) =>
        Step(NameOf(run.Method), run);

    /// <summary>A step named <paramref name="name"/> (a lambda's own name would not be stable) that takes a <typeparamref name="TAnswer"/>.</summary>
    protected static NamedStep<TState> Step<TAnswer>(string name, WaterfallStep<TState, TAnswer> run) =>
        new(name, (step, result) => run(step, Answer<TAnswer>.From(result)));

    /// <summary>Steps made with <see cref="Step(WaterfallStep{TState})"/> and <see cref="Step{TAnswer}(WaterfallStep{TState, TAnswer})"/>.</summary>
    protected void Steps(params NamedStep<TState>[] steps) => Steps(steps.AsEnumerable());

    protected void Steps(IEnumerable<(string Name, WaterfallStep<TState> Run)> steps) => Steps(steps.Select(s => (NamedStep<TState>)s));

    protected void Steps(IEnumerable<NamedStep<TState>> steps)
    {
        var list = steps.ToList();
        _steps = [.. list.Select(s => s.Run)];
        _names = [.. list.Select(s => s.Name)];
        _version = null;
        if (_names.Distinct(StringComparer.Ordinal).Count() != _names.Length)
        {
            throw new InvalidOperationException($"Dialog '{Id}' has two steps with the same name.");
        }
    }

    /// <summary>Bump when a step's meaning changes while its name and the state stay the same.</summary>
    protected virtual int Revision => 1;

    public override int Version => _version ??= DialogVersion.Of(Revision, typeof(TState), _names);

    /// <summary>The index of the step called <paramref name="name"/>.</summary>
    internal int IndexOf(string name) =>
        Array.IndexOf(_names, name) is var index and >= 0
            ? index
            : throw new InvalidOperationException($"Dialog '{Id}' has no step '{name}'.");

    /// <summary>A method's own name; a lambda's generated name would change with the code around it.</summary>
    private static string NameOf(System.Reflection.MethodInfo method) =>
        method.Name.Contains('<', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"A step of the dialog with {typeof(TState).Name} is a lambda: give it a name.")
            : method.Name;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var instance = dc.ActiveInstance!;
        var state = new WaterfallState<TState> { Values = new TState() };
        // A turn the service queued carries its option as text inside a TurnStart.
        if ((options is TurnStart start ? start.Options : options) is { } given)
        {
            BegunWith<TState>.Keep(Id, state.Values, given);
        }

        return RunStepAsync(dc, instance, state, 0, result: null);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        // A waterfall on top waits for nothing: pass the text on as the answer to its step.
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        return RunStepAsync(dc, instance, state, state.Index + 1, dc.Text);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        return RunStepAsync(dc, instance, state, state.Index + 1, result);
    }

    public override async Task<DialogTurnResult?> RepromptAsync(DialogContext dc)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        return await RunStepAsync(dc, instance, state, state.Index, result: null, repeated: true);
    }

    public override async Task<DialogTurnResult?> BackAsync(DialogContext dc)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        if (state.Index == 0)
        {
            return null;
        }

        return await RunStepAsync(dc, instance, state, state.Index - 1, result: null, repeated: true);
    }

    internal async Task<DialogTurnResult> RunStepAsync(
        DialogContext dc,
        DialogInstance instance,
        WaterfallState<TState> state,
        int index,
        object? result,
        bool repeated = false)
    {
        if (index >= _steps.Length)
        {
            return await dc.EndDialogAsync(state.Values);
        }

        state.Index = index;
        DialogContext.WriteState(instance, state);
        var step = new WaterfallStepContext<TState>(this, dc, instance, state, index) { Repeated = repeated };
        var outcome = await _steps[index](step, result);

        // The step may have changed its values; keep them with the instance (still ours even
        // when a child now sits above it).
        if (!step.Finished)
        {
            DialogContext.WriteState(instance, state);
        }

        return outcome;
    }
}

/// <summary>
/// A waterfall's state that keeps what its dialog was begun with, typed, with the rest of the state
/// (a code the person typed with the command, the record a queued turn is about). The options of a
/// queued turn arrive as text: a <typeparamref name="TOptions"/> other than text is read from it as JSON.
/// </summary>
public interface IBegunWith<in TOptions>
{
    void Begin(TOptions options);
}

/// <summary>Hands the options a waterfall was begun with to its state, when the state takes them.</summary>
internal static class BegunWith<TState>
{
    private static readonly Type? Takes = typeof(TState).GetInterfaces()
        .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IBegunWith<>))
        ?.GetGenericArguments()[0];

    public static void Keep(string dialogId, TState state, object given)
    {
        if (Takes is null)
        {
            return;
        }

        var options = Takes.IsInstanceOfType(given) ? given
            : given is string text ? Read(text, Takes)
            : throw new InvalidOperationException($"Dialog '{dialogId}' takes {Takes.Name}, not {given.GetType().Name}.");
        if (options is not null)
        {
            Hand!(state, options);
        }
    }

    private static readonly Action<TState, object>? Hand = Takes is null
        ? null
        : typeof(BegunWith<TState>).GetMethod(nameof(HandTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(Takes).CreateDelegate<Action<TState, object>>();

    private static void HandTyped<T>(TState state, object options) => ((IBegunWith<T>)state!).Begin((T)options);

    private static object? Read(string text, Type type)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(text, type, DialogStack.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            // Options that do not read as the dialog's type (an old queued turn) begin it without them.
            return null;
        }
    }
}

/// <summary>A waterfall step with its name; a step that takes no answer converts from a (name, step) pair.</summary>
public sealed record NamedStep<TState>(string Name, Func<WaterfallStepContext<TState>, object?, Task<DialogTurnResult>> Run)
    where TState : class, new()
{
    public static implicit operator NamedStep<TState>((string Name, WaterfallStep<TState> Run) step) =>
        new(step.Name, (context, _) => step.Run(context));
}

/// <summary>Stored state of a waterfall: where it is, and the flow's own typed values.</summary>
public sealed class WaterfallState<TState>
    where TState : class, new()
{
    [JsonPropertyName("i")]
    public int Index { get; set; }

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
        int index)
    {
        _dialog = dialog;
        _instance = instance;
        _state = state;
        Dc = dc;
        Index = index;
    }

    public DialogContext Dc { get; }

    /// <summary>The flow's typed values; changes are saved when the step returns.</summary>
    public TState State => _state.Values;

    public int Index { get; }

    /// <summary>
    /// The step runs again to ask its question again (after <c>kembali</c>, <c>bantuan</c>, a command
    /// answered in passing, or a correction): the message of this turn is not for it.
    /// </summary>
    public bool Repeated { get; internal init; }

    internal bool Finished { get; private set; }

    public void Say(Reply reply) => Dc.Say(reply);

    /// <summary>Asks a question with a prompt dialog; its answer reaches the next step as the <see cref="Answer{T}"/> that step takes.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options) => BeginDialogAsync(promptId, options);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null)
    {
        // A child that ends in this same turn resumes us at once: it must find our values as they are now.
        DialogContext.WriteState(_instance, _state);
        return Dc.BeginDialogAsync(dialogId, options);
    }

    /// <summary>Runs the next step at once with <paramref name="result"/> as its answer.</summary>
    public Task<DialogTurnResult> NextAsync<TAnswer>(TAnswer result) =>
        _dialog.RunStepAsync(Dc, _instance, _state, Index + 1, result);

    /// <summary>Runs the step called <paramref name="stepName"/> to ask its question again (e.g. to correct an item).</summary>
    public Task<DialogTurnResult> GoToAsync(string stepName) =>
        _dialog.RunStepAsync(Dc, _instance, _state, _dialog.IndexOf(stepName), result: null, repeated: true);

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

/// <summary>A dialog version that changes whenever its steps or the shape of its state do, the same in every process.</summary>
internal static class DialogVersion
{
    public static int Of(int revision, Type state, IEnumerable<string> steps)
    {
        var shape = new System.Text.StringBuilder().Append(revision).Append('|');
        Describe(state, shape, depth: 0);
        shape.Append('|').AppendJoin(',', steps);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(shape.ToString()));
        return (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(hash) & int.MaxValue);
    }

    /// <summary>The state's properties (names and types), and those of the classes it holds, a few levels deep.</summary>
    private static void Describe(Type type, System.Text.StringBuilder shape, int depth)
    {
        shape.Append(type.Name);
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            shape.Append('<');
            Describe(argument, shape, depth + 1);
            shape.Append('>');
        }

        if (depth > 3 || type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return;
        }

        shape.Append('{');
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            shape.Append(property.Name).Append(':');
            Describe(property.PropertyType, shape, depth + 1);
            shape.Append(';');
        }

        shape.Append('}');
    }
}
