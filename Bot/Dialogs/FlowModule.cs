using System.Text.RegularExpressions;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Dialogs;

/// <summary>
/// One conversation flow as the host and the engine see it: everything it adds (dialogs, its menu
/// entry, commands that work anywhere, interruptions it answers, its services) goes through
/// <see cref="Register"/>. The engine and the main menu iterate what modules registered and name no
/// flow; adding a flow is one module and one line in the host's list.
/// </summary>
public interface IFlowModule
{
    void Register(FlowRegistration flow);
}

/// <summary>What a module registers with; every part ends up in the container, where the engine finds it.</summary>
public sealed class FlowRegistration(IServiceCollection services, IConfiguration configuration)
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public FlowRegistration Dialog<T>()
        where T : Dialog
    {
        Services.AddSingleton<Dialog, T>();
        return this;
    }

    public FlowRegistration Dialog(Func<IServiceProvider, Dialog> create)
    {
        Services.AddSingleton(create);
        return this;
    }

    /// <summary>The flow's entry on the main menu.</summary>
    public FlowRegistration Menu(MenuEntry entry)
    {
        Services.AddSingleton(entry);
        return this;
    }

    /// <summary>A command with an argument that begins the flow from anywhere (<c>status litmas NUMBER</c>).</summary>
    public FlowRegistration Quick(Func<IServiceProvider, QuickCommand> create)
    {
        Services.AddSingleton(create);
        return this;
    }

    public FlowRegistration Quick(QuickCommand command) => Quick(_ => command);

    /// <summary>What the flow does when a person types one of the engine's commands (<c>petugas</c>) at any step.</summary>
    public FlowRegistration Interruption<T>()
        where T : class, IInterruption
    {
        Services.AddSingleton<IInterruption, T>();
        return this;
    }

    /// <summary>Answers to something the flow asked outside any dialog (an invitation sent earlier), read before the menu reads them.</summary>
    public FlowRegistration Catch<T>()
        where T : class, IMessageCatcher
    {
        Services.AddSingleton<IMessageCatcher, T>();
        return this;
    }

    /// <summary>A question the flow answers wherever the person is (a frequent question), before any flow begins.</summary>
    public FlowRegistration AnswerAnywhere<T>()
        where T : class, IAnswerAnywhere
    {
        Services.AddSingleton<IAnswerAnywhere, T>();
        return this;
    }
}

/// <summary>How a menu entry reads in one language: its label and the words that pick it.</summary>
public sealed record MenuLabel(string Text, IReadOnlyList<string> Synonyms);

/// <summary>One service on the main menu.</summary>
/// <param name="Value">Stable choice value.</param>
/// <param name="Service">The office service it belongs to; offices that do not offer it hide it.</param>
/// <param name="DialogId">The dialog it begins; null while the service is not served here yet ("segera hadir").</param>
/// <param name="Order">Where it stands on the menu, lowest first.</param>
/// <param name="Label">Its label and synonyms in a language ("id", "en").</param>
/// <param name="Unavailable">What is said when it is chosen but cannot begin; null for "coming soon".</param>
public sealed record MenuEntry(
    string Value,
    OfficeServices Service,
    string? DialogId,
    int Order,
    Func<string, MenuLabel> Label,
    Func<DialogContext, string>? Unavailable = null);

/// <summary>
/// A command that begins its flow from anywhere, already answered (<c>status litmas 12/2026</c>).
/// <see cref="Match"/> gives the argument, or null when the text is not this command. Commands are
/// tried in <see cref="Order"/>, lowest first.
/// </summary>
public sealed record QuickCommand(string DialogId, OfficeServices Service, Func<string, string?> Match, int Order = 0)
{
    /// <summary>
    /// "status SUBJECT ARGUMENT", "cek SUBJECT: ARGUMENT" or "SUBJECT status ARGUMENT", in any case, with
    /// WhatsApp's bold or italic marks around the words; the argument is the rest as typed (1–100 characters).
    /// </summary>
    public static QuickCommand Status(string dialogId, OfficeServices service, params string[] subjects)
    {
        var subject = string.Join('|', subjects.Select(Regex.Escape));
        var pattern = new Regex(
            $@"^[\s*_""']*(?:(?:status|cek)\s+(?:{subject})|(?:{subject})\s+status)[\s*_""':]+(?<argument>.+)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.Compiled);
        return new QuickCommand(dialogId, service, text =>
        {
            if (text.Length > 200 || pattern.Match(text) is not { Success: true } match)
            {
                return null;
            }

            var argument = match.Groups["argument"].Value.Trim();
            return argument.Length is > 0 and <= 100 ? argument : null;
        });
    }
}

/// <summary>A flow's answer to one of the engine's commands, typed at any step.</summary>
public interface IInterruption
{
    Command Command { get; }

    /// <summary>
    /// Handles the command; the stack was already cleared. <paramref name="collectedState"/> is what the
    /// flow that was running had collected (its serialized stack), or null when none was.
    /// </summary>
    Task HandleAsync(DialogContext dc, string? collectedState);
}

/// <summary>
/// Takes a message that answers something the flow asked outside any dialog: a notice sent on its own (an
/// invitation) whose answer comes whenever the person writes back, perhaps after something else. The engine
/// asks every catcher after the engine's commands and the quick commands, before frequent questions, the
/// menu and the running flow. A catcher takes only what is surely for it (it looks in the store), so
/// anything else reaches the bot as usual.
/// </summary>
public interface IMessageCatcher
{
    /// <summary>
    /// True when it took the message (said its answer, perhaps began its dialog in place of the menu). When
    /// <paramref name="inFlow"/>, the person is answering another flow: only a message that names what it
    /// answers (a quick-reply payload) should be taken then.
    /// </summary>
    Task<bool> CatchAsync(DialogContext dc, bool inFlow);
}

/// <summary>
/// Answers a question asked at any point ("alamat rutan dimana ya?"): the engine asks it about a
/// message that is a question, unless the waiting question takes questions as its answer (a free
/// text such as a complaint). When it answers, the conversation stays where it was and the waiting
/// question is asked again.
/// </summary>
public interface IAnswerAnywhere
{
    /// <summary>The answer to the question in <see cref="DialogContext.Text"/>, or null when it is not one this flow answers.</summary>
    Task<string?> AnswerAsync(DialogContext dc);
}
