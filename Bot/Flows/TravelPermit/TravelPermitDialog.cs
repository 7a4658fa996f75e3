using ChatBot.Bot.Flows.Requests;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>Typed state of the permit entry.</summary>
public sealed class TravelPermitState : IRequestEntryState
{
    /// <summary>The code the flow was begun with (<c>status izin CODE</c>), until it is looked up.</summary>
    public string? GivenCode { get; set; }

    public void Begin(string code) => GivenCode = code;
}

/// <summary>
/// The menu's <i>Izin ke luar kota</i>: a new request (<see cref="TravelPermitFormDialog"/>) or the status of
/// one by its <c>IZN-</c> code; <c>status izin CODE</c> begins it from anywhere (see <see cref="RequestEntryDialog{TState}"/>).
/// </summary>
public sealed class TravelPermitDialog(RequestStatusLookup lookup, RequestType<Domain.Permits.TravelPermit, TravelPermitStatus> type)
    : RequestEntryDialog<TravelPermitState>(DialogId, TravelPermitFormDialog.DialogId, lookup, type)
{
    public const string DialogId = "travel-permit";

    protected override RequestEntryTexts Texts(string language)
    {
        var texts = PermitTexts.For(language);
        return new(texts.Intro, texts.NewRequest, texts.AskStatus, texts.AskCode);
    }
}
