using System.Text.Json.Serialization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>What <see cref="SlotChoiceDialog"/> is begun with: whose slots, and the first ones to offer.</summary>
public sealed record SlotChoiceOptions(long InmateId, long? ExceptVisitId, List<FreeSlot> Offered);

/// <summary>
/// Asks the family to choose a slot, like a choice prompt, and ends with the chosen slot's <see cref="Choice"/>.
/// Between, it answers what families ask at such a list: <c>lainnya</c> / <c>yang lain</c> offers the next
/// slots, and a day or time of day (<c>hari jumat bisa?</c>, <c>senin pagi</c>) offers that day's free slots —
/// or says politely there are none then and offers the nearest days that have some. A question that names
/// a day is such a request, not a question at a prompt.
/// </summary>
public sealed class SlotChoiceDialog(VisitBookings bookings) : Dialog(DialogId), IPrompt
{
    public const string DialogId = "visit-booking.slot";

    public bool TakesWholeMessage(DialogInstance instance) => false;

    /// <summary>A question here ("hari jumat bisa?") is read for a day by the dialog itself; a frequent question is still answered.</summary>
    public bool TakesQuestions(DialogInstance instance) => false;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var begun = options as SlotChoiceOptions ?? throw new ArgumentException($"Dialog '{Id}' needs SlotChoiceOptions.");
        var state = new SlotChoiceState { InmateId = begun.InmateId, ExceptVisitId = begun.ExceptVisitId };
        var texts = VisitTexts.For(dc.Language);
        return Task.FromResult(Offer(dc, state, texts.ChooseSlot(Zone(dc)), begun.Offered));
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        var instance = dc.ActiveInstance!;
        var state = DialogContext.ReadState<SlotChoiceState>(instance);
        var texts = VisitTexts.For(dc.Language);
        var choices = Choices(dc, state.Offered);
        var ask = SlotAsk.Read(dc.Text, dc.Today, state.Offered, choices);
        if (!ask.Ok)
        {
            state.Attempts++;
            dc.AnswerRefused = true;
            DialogContext.WriteState(instance, state);
            var hint = ask.Problem == RecognizerProblems.Range ? texts.SlotDayPassed : texts.SlotHint(choices.Count);
            if (state.Attempts >= Prompt<Choice>.AttemptsBeforeOfferingOfficer)
            {
                hint = $"{hint}\n\n{DialogTexts.For(dc.Language).OfferOfficer}";
            }

            dc.Say(new Reply(hint, choices));
            return DialogTurnResult.Waiting;
        }

        var zone = Zone(dc);
        switch (ask.Value!)
        {
            case { Kind: SlotAskKind.Pick, SlotUtc: { } slot }:
                return await dc.EndDialogAsync(choices.First(c => VisitSlots.SlotOf(c) == slot));
            case { Kind: SlotAskKind.More }:
                var after = state.Offered.Count == 0 ? (DateTime?)null : state.Offered.Max(s => s.StartUtc);
                var next = await FreeAsync(dc, state, new SlotQuery(AfterUtc: after));
                if (next.Count > 0)
                {
                    return Offer(dc, state, texts.MoreSlots(zone), next);
                }

                dc.Say(texts.NoMoreSlots(bookings.Options.HorizonDays));
                return await OfferFromStartAsync(dc, state);
            case { Day: { } day } find:
                var onDay = await FreeAsync(dc, state, find.Query);
                if (onDay.Count > 0)
                {
                    return Offer(dc, state, texts.SlotsOn(texts.DayLabel(day), zone), onDay);
                }

                var nearest = await bookings.NearestDaysAsync(dc.Work, dc.Office, state.InmateId, state.ExceptVisitId, day, find.Query);
                if (nearest.Count == 0)
                {
                    dc.Say(texts.NoSlotsThen);
                    return await OfferFromStartAsync(dc, state);
                }

                return Offer(dc, state, texts.NoSlotsOn(texts.DayLabel(day), string.Join(texts.And, nearest.Select(texts.DayLabel)), zone), await NearestSlotsAsync(dc, state, find.Query, nearest));
            default:
                var then = await FreeAsync(dc, state, ask.Value!.Query);
                if (then.Count > 0)
                {
                    return Offer(dc, state, texts.SlotsThen(zone), then);
                }

                dc.Say(texts.NoSlotsThen);
                return await OfferFromStartAsync(dc, state);
        }
    }

    /// <summary>The first slots again; when none is left at all, the dialog ends with nothing chosen (the flow says so).</summary>
    private async Task<DialogTurnResult> OfferFromStartAsync(DialogContext dc, SlotChoiceState state)
    {
        var first = await FreeAsync(dc, state, SlotQuery.Next);
        return first.Count > 0 ? Offer(dc, state, VisitTexts.For(dc.Language).ChooseSlot(Zone(dc)), first) : await dc.EndDialogAsync();
    }

    /// <summary>Slots of the nearest days, shared between them, in order.</summary>
    private async Task<List<FreeSlot>> NearestSlotsAsync(DialogContext dc, SlotChoiceState state, SlotQuery query, List<DateOnly> days)
    {
        var limit = bookings.Options.OfferedSlots;
        var slots = new List<FreeSlot>();
        for (var i = 0; i < days.Count; i++)
        {
            var share = i == days.Count - 1 ? limit - slots.Count : (limit + 1) / 2;
            slots.AddRange(await FreeAsync(dc, state, query with { Day = days[i] }, share));
        }

        return [.. slots.OrderBy(s => s.StartUtc)];
    }

    private Task<List<FreeSlot>> FreeAsync(DialogContext dc, SlotChoiceState state, SlotQuery query, int? limit = null) =>
        bookings.FreeSlotsAsync(dc.Work, dc.Office, state.InmateId, state.ExceptVisitId, query, limit);

    private static DialogTurnResult Offer(DialogContext dc, SlotChoiceState state, string question, List<FreeSlot> slots)
    {
        state.Offered = slots;
        state.Attempts = 0;
        DialogContext.WriteState(dc.ActiveInstance!, state);
        dc.Say(new Reply(question, Choices(dc, slots), IsQuestion: true));
        return DialogTurnResult.Waiting;
    }

    private static List<Choice> Choices(DialogContext dc, IEnumerable<FreeSlot> slots)
    {
        var texts = VisitTexts.For(dc.Language);
        return [.. slots.Select(s => VisitSlots.ChoiceOf(s, texts))];
    }

    private static string Zone(DialogContext dc) => OfficeTimeZones.Abbreviation(dc.Office.TimeZoneId);

    private sealed class SlotChoiceState
    {
        [JsonPropertyName("i")]
        public long InmateId { get; set; }

        [JsonPropertyName("x")]
        public long? ExceptVisitId { get; set; }

        [JsonPropertyName("o")]
        public List<FreeSlot> Offered { get; set; } = [];

        [JsonPropertyName("n")]
        public int Attempts { get; set; }
    }
}
