using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Visits;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>Typed state of a new booking.</summary>
public sealed class VisitRegisterState
{
    public string? InmateQuery { get; set; }

    public long? InmateId { get; set; }

    public string? InmateName { get; set; }

    /// <summary>The inmate was found by part of the name: the person confirms the full name first.</summary>
    public bool PartialMatch { get; set; }

    public string? RequesterName { get; set; }

    public string? Relationship { get; set; }

    public string? CallNumber { get; set; }
}

/// <summary>
/// A new video-call booking: who the inmate is (a name or registration number, confirmed only with
/// a second detail the roster holds; found by part of the name, the full name is confirmed with the
/// person), who is calling, the number to call, and the slot.
/// </summary>
public sealed class VisitRegisterDialog : WaterfallDialog<VisitRegisterState>
{
    public const string DialogId = "visit-booking.register";

    /// <summary>"ya" for the number the person writes from, or another phone number.</summary>
    public const string CallNumberPromptId = "visit-booking.call-number";

    private readonly VisitSlots _slots;
    private readonly LookupThrottle _throttle;

    public VisitRegisterDialog(VisitSlots slots, LookupThrottle throttle)
        : base(DialogId)
    {
        _slots = slots;
        _throttle = throttle;
        Steps(Step(AskInmateAsync), Step<string>(AskSecondDetailAsync), Step<string>(MatchAsync), Step<bool>(ConfirmInmateAsync), Step<string>(AskRelationshipAsync), Step<Choice>(AskCallNumberAsync), Step<string>(OfferSlotsAsync), Step<Choice>(BookAsync));
    }

    /// <summary>The prompt for the number to call; accepts "ya" or a phone number on one line.</summary>
    public static TextPrompt CallNumberPrompt() => new(CallNumberPromptId, (dc, text) =>
        YesNoRecognizer.Recognize(text) is { Ok: true, Value: true } || PhoneRecognizer.Recognize(text).Ok ? null : VisitTexts.For(dc.Language).CallNumberHint);

    private async Task<DialogTurnResult> AskInmateAsync(WaterfallStepContext<VisitRegisterState> step)
    {
        var dc = step.Dc;
        if (await PausedAsync(dc, query: null))
        {
            return await step.EndAsync();
        }

        return await step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = VisitTexts.For(dc.Language).AskInmate, MaxLength = 100, PersonName = true });
    }

    private static Task<DialogTurnResult> AskSecondDetailAsync(WaterfallStepContext<VisitRegisterState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var query))
        {
            step.State.InmateQuery = query;
        }

        return step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = VisitTexts.For(step.Dc.Language).AskSecondDetail, MaxLength = 64 });
    }

    private async Task<DialogTurnResult> MatchAsync(WaterfallStepContext<VisitRegisterState> step, Answer<string> answer)
    {
        var dc = step.Dc;
        var texts = VisitTexts.For(dc.Language);
        if (!answer.TryGet(out var detail))
        {
            // Asked again: the name found by part of it is confirmed; otherwise the second detail is asked again.
            return step.State is { InmateId: not null, PartialMatch: true } state
                ? await AskConfirmInmateAsync(step, state.InmateName!)
                : await step.GoToAsync(step.State.InmateId is null ? nameof(AskInmateAsync) : nameof(AskSecondDetailAsync));
        }

        var query = step.State.InmateQuery ?? "";
        if (await PausedAsync(dc, InmateNameMatcher.Key(query)))
        {
            return await step.EndAsync();
        }

        var birthDate = DateRecognizer.Recognize(detail, dc.Today, DateDirection.PastOrToday) is { Ok: true } date ? date.Value : (DateOnly?)null;
        var match = await Roster.FindAsync(dc.Work, dc.Office.Id, query, birthDate, detail);
        _throttle.Record(
            dc.Work, LookupKinds.Inmate, dc.Office.Id, dc.Input.Channel, dc.Input.From, InmateNameMatcher.Key(query), match is not null);
        if (match is null)
        {
            dc.Say(texts.NotMatched);
            return await step.GoToAsync(nameof(AskInmateAsync));
        }

        step.State.InmateId = match.Inmate.Id;
        step.State.InmateName = match.Inmate.FullName;
        step.State.PartialMatch = match.Partial;
        return match.Partial ? await AskConfirmInmateAsync(step, match.Inmate.FullName) : await step.NextAsync(true);
    }

    private static Task<DialogTurnResult> AskConfirmInmateAsync(WaterfallStepContext<VisitRegisterState> step, string fullName) =>
        step.PromptAsync(ConfirmPrompt.DefaultId, new PromptOptions { Prompt = VisitTexts.For(step.Dc.Language).ConfirmInmate(fullName) });

    /// <summary>The inmate is the one the person means (said by them when found by part of the name): checks, then asks who is calling.</summary>
    private async Task<DialogTurnResult> ConfirmInmateAsync(WaterfallStepContext<VisitRegisterState> step, Answer<bool> answer)
    {
        var dc = step.Dc;
        var texts = VisitTexts.For(dc.Language);
        var state = step.State;
        if (state.InmateId is not { } inmateId)
        {
            return await step.GoToAsync(nameof(AskInmateAsync));
        }

        if (!answer.TryGet(out var meant))
        {
            return await AskRequesterNameAsync(step);
        }

        if (!meant)
        {
            (state.InmateId, state.InmateName, state.PartialMatch) = (null, null, false);
            dc.Say(texts.NotThatInmate);
            return await step.GoToAsync(nameof(AskInmateAsync));
        }

        var inmate = await Roster.FindByIdAsync(dc.Work, dc.Office.Id, inmateId);
        if (inmate is null || !inmate.VideoCallAllowed)
        {
            dc.Say(texts.NotAllowed);
            return await step.EndAsync();
        }

        var active = await VisitBookings.ActiveForConversationAsync(dc.Work, dc.Conversation.Id);
        if (active.FirstOrDefault(v => v.InmateId == inmate.Id) is { } existing)
        {
            dc.Say(texts.AlreadyBooked(existing.Code));
            return await step.EndAsync();
        }

        if (!state.PartialMatch)
        {
            dc.Say(texts.Matched(inmate.FullName));
        }

        return await AskRequesterNameAsync(step);
    }

    private static Task<DialogTurnResult> AskRequesterNameAsync(WaterfallStepContext<VisitRegisterState> step) =>
        step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = VisitTexts.For(step.Dc.Language).AskRequesterName, MaxLength = 100, PersonName = true });

    /// <summary>
    /// Says so when the person may not look an inmate up now: too many misses of their own, or of
    /// everyone at the office (then only a name they matched before goes on; with no name yet, anyone
    /// who matched one before).
    /// </summary>
    private async Task<bool> PausedAsync(DialogContext dc, string? query)
    {
        if (await _throttle.CheckAsync(dc.Work, LookupKinds.Inmate, dc.Office.Id, dc.Input.Channel, dc.Input.From, query) is not { } pause)
        {
            return false;
        }

        var texts = VisitTexts.For(dc.Language);
        var until = dc.Office.ToLocal(pause.UntilUtc).ToString("HH\\.mm", CultureInfo.InvariantCulture);
        dc.Say(pause.OfficeWide ? DialogTexts.For(dc.Language).WithContact(texts.Busy(until), dc.Office) : texts.Paused(until));
        return true;
    }

    private static Task<DialogTurnResult> AskRelationshipAsync(WaterfallStepContext<VisitRegisterState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var name))
        {
            step.State.RequesterName = name;
        }

        var texts = VisitTexts.For(step.Dc.Language);
        var choices = texts.Relationships.Select(r => new Choice(r.Key, r.Value, WordsFor(r.Key))).ToList();
        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions { Prompt = texts.AskRelationship, Choices = choices });
    }

    private static string[] WordsFor(string relationship) => relationship switch
    {
        "parent" => RelationshipWords.Parent,
        "spouse" => RelationshipWords.Spouse,
        "child" => RelationshipWords.Child,
        "sibling" => RelationshipWords.Sibling,
        "lawyer" => RelationshipWords.Lawyer,
        _ => RelationshipWords.OtherRelative,
    };

    private static Task<DialogTurnResult> AskCallNumberAsync(WaterfallStepContext<VisitRegisterState> step, Answer<Choice> answer)
    {
        if (answer.TryGet(out var relationship))
        {
            step.State.Relationship = relationship.Value;
        }

        var dc = step.Dc;
        var texts = VisitTexts.For(dc.Language);
        return OwnNumber(dc) is { } own
            ? step.PromptAsync(CallNumberPromptId, new PromptOptions { Prompt = texts.AskCallNumber(own), MaxLength = 40 })
            : step.PromptAsync(PhonePrompt.DefaultId, new PromptOptions { Prompt = texts.AskCallNumberNoDefault });
    }

    private Task<DialogTurnResult> OfferSlotsAsync(WaterfallStepContext<VisitRegisterState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var number))
        {
            step.State.CallNumber = PhoneRecognizer.Recognize(number) is { Ok: true, Value: { } phone } ? phone : OwnNumber(step.Dc);
        }

        return _slots.OfferAsync(step, step.State.InmateId!.Value, exceptVisitId: null);
    }

    private async Task<DialogTurnResult> BookAsync(WaterfallStepContext<VisitRegisterState> step, Answer<Choice> answer)
    {
        var dc = step.Dc;
        var state = step.State;
        if (VisitSlots.SlotOf(answer.Value) is not { } slot)
        {
            return await step.GoToAsync(nameof(OfferSlotsAsync));
        }

        var request = new BookingRequest(
            dc.Office.Id, state.InmateId!.Value, dc.Conversation.Id, dc.Conversation.Channel,
            state.RequesterName!, state.Relationship!, state.CallNumber!, slot, dc.Input.ReceivedAtUtc);
        return await _slots.BookAsync(dc, request, reschedule: false) ? await step.EndAsync() : await step.GoToAsync(nameof(OfferSlotsAsync));
    }

    /// <summary>The number the person writes from, when the channel has one (not e-mail).</summary>
    private static string? OwnNumber(DialogContext dc) =>
        dc.Conversation.Channel != ChannelKind.Email && dc.Conversation.UserAddress.StartsWith('+') ? dc.Conversation.UserAddress : null;
}
