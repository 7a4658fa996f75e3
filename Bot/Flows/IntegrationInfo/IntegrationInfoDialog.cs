using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.Requests;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>Typed state of the integration-information entry.</summary>
public sealed class IntegrationInfoState : IRequestEntryState
{
    /// <summary>The code the flow was begun with (<c>status informasi CODE</c>), until it is looked up.</summary>
    public string? GivenCode { get; set; }

    public void Begin(string code) => GivenCode = code;
}

/// <summary>
/// Menu entry 3, <i>Layanan Informasi Integrasi</i>: a new request (the 13-item form, see
/// <see cref="IntegrationFormDialog"/>) or the status of one by its reference code.
/// <c>status informasi CODE</c> begins it from anywhere with the code already given. A form left
/// half-done with <c>menu</c> is taken up again when the service is chosen again (see <see cref="RequestEntryDialog{TState}"/>).
/// </summary>
public sealed class IntegrationInfoDialog(RequestStatusLookup lookup, RequestType<IntegrationRequest, IntegrationRequestStatus> type)
    : RequestEntryDialog<IntegrationInfoState>(DialogId, IntegrationFormDialog.DialogId, lookup, type)
{
    public const string DialogId = WellKnownDialogs.IntegrationInfo;

    protected override RequestEntryTexts Texts(string language)
    {
        var texts = IntegrationTexts.For(language);
        return new(texts.Intro, texts.NewRequest, texts.AskStatus, texts.AskReference);
    }
}
