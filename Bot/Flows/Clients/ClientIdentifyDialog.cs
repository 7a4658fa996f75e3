using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Lookups;

namespace ChatBot.Bot.Flows.Clients;

/// <summary>
/// What <see cref="ClientIdentifyDialog"/> ends with: the client found, or (<see cref="ClientId"/> null)
/// that the person may not look a client up now and was told so.
/// </summary>
public sealed record ClientIdentification(long? ClientId, string? RegistrationNumber, string? Initials)
{
    public static readonly ClientIdentification Paused = new(null, null, null);

    public bool Found => ClientId is not null;
}

/// <summary>Typed state of the identification: the number typed, until the birth date is checked with it.</summary>
public sealed class ClientIdentifyState
{
    public string? Number { get; set; }
}

/// <summary>
/// Who the client is, for any service a client or someone acting for them uses (an out-of-town permit,
/// reporting in): the registration number, then the birth date, checked together against the office's
/// register (<see cref="ClientRegister.IdentifyAsync(Domain.Persistence.UnitOfWork, int, string, DateOnly)"/>).
/// A wrong number and a wrong birth date get the same neutral answer and both count as failed lookups
/// (<see cref="LookupKinds.Client"/>), so the register cannot be probed; too many and the person is paused,
/// like the visit booking's inmate lookup. Ends with a <see cref="ClientIdentification"/>.
/// </summary>
public sealed class ClientIdentifyDialog : WaterfallDialog<ClientIdentifyState>
{
    public const string DialogId = "clients.identify";

    private readonly LookupThrottle _throttle;

    public ClientIdentifyDialog(LookupThrottle throttle)
        : base(DialogId)
    {
        _throttle = throttle;
        Steps(Step(AskNumberAsync), Step<string>(AskBirthDateAsync), Step<DateOnly>(MatchAsync));
    }

    private async Task<DialogTurnResult> AskNumberAsync(WaterfallStepContext<ClientIdentifyState> step)
    {
        var dc = step.Dc;
        if (await PausedAsync(dc, query: null))
        {
            return await step.EndAsync(ClientIdentification.Paused);
        }

        var texts = ClientTexts.For(dc.Language);
        return await step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = texts.AskNumber, Help = texts.NumberHelp, MaxLength = 64 });
    }

    private static Task<DialogTurnResult> AskBirthDateAsync(WaterfallStepContext<ClientIdentifyState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var number))
        {
            step.State.Number = number.Trim();
        }

        var texts = ClientTexts.For(step.Dc.Language);
        return step.PromptAsync(DatePrompt.DefaultId, new PromptOptions { Prompt = texts.AskBirthDate, Help = texts.BirthDateHelp, Direction = DateDirection.PastOrToday });
    }

    private async Task<DialogTurnResult> MatchAsync(WaterfallStepContext<ClientIdentifyState> step, Answer<DateOnly> answer)
    {
        var dc = step.Dc;
        if (!answer.TryGet(out var birthDate) || step.State.Number is not { } number)
        {
            return await step.GoToAsync(step.State.Number is null ? nameof(AskNumberAsync) : nameof(AskBirthDateAsync));
        }

        var key = ClientRegister.Key(number);
        if (await PausedAsync(dc, key))
        {
            return await step.EndAsync(ClientIdentification.Paused);
        }

        var client = await ClientRegister.IdentifyAsync(dc.Work, dc.Office.Id, number, birthDate);
        _throttle.Record(dc.Work, LookupKinds.Client, dc.Office.Id, dc.Input.Channel, dc.Input.From, key, client is not null);
        var texts = ClientTexts.For(dc.Language);
        if (client is null)
        {
            step.State.Number = null;
            dc.Say(texts.NotMatched);
            return await step.GoToAsync(nameof(AskNumberAsync));
        }

        dc.Say(texts.Matched(client.RegistrationNumber));
        return await step.EndAsync(new ClientIdentification(client.Id, client.RegistrationNumber, ClientRegister.Initials(client.FullName)));
    }

    /// <summary>Says so when the person may not identify a client now (too many misses of their own, or of everyone at the office).</summary>
    private async Task<bool> PausedAsync(DialogContext dc, string? query)
    {
        if (await _throttle.CheckAsync(dc.Work, LookupKinds.Client, dc.Office.Id, dc.Input.Channel, dc.Input.From, query) is not { } pause)
        {
            return false;
        }

        var texts = ClientTexts.For(dc.Language);
        var until = dc.Office.ToLocal(pause.UntilUtc).ToString("HH\\.mm", CultureInfo.InvariantCulture);
        dc.Say(pause.OfficeWide ? DialogTexts.For(dc.Language).WithContact(texts.Busy(until), dc.Office) : texts.Paused(until));
        return true;
    }
}
