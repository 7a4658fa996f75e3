using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>Offering open slots and booking the chosen one: shared by a new booking and a reschedule.</summary>
public sealed class VisitSlots(VisitBookings bookings)
{
    private const string SlotPrefix = "slot:";

    /// <summary>
    /// Asks the person to choose one of the next open slots (<see cref="SlotChoiceDialog"/>: they may also ask
    /// for more, or for a day), or ends the flow when there is none. The chosen slot's <see cref="Choice"/>
    /// reaches the next step (<see cref="SlotOf"/>).
    /// </summary>
    public async Task<DialogTurnResult> OfferAsync<TState>(WaterfallStepContext<TState> step, long inmateId, long? exceptVisitId)
        where TState : class, new()
    {
        var dc = step.Dc;
        var slots = await bookings.FreeSlotsAsync(dc.Work, dc.Office, inmateId, exceptVisitId);
        if (slots.Count == 0)
        {
            dc.Say(VisitTexts.For(dc.Language).NoSlots(bookings.Options.HorizonDays));
            return await step.EndAsync();
        }

        return await step.BeginDialogAsync(SlotChoiceDialog.DialogId, new SlotChoiceOptions(inmateId, exceptVisitId, slots));
    }

    /// <summary>How a slot is offered: "Jumat, 11-12-2026 09.00", standing for its start.</summary>
    public static Choice ChoiceOf(FreeSlot slot, VisitTexts texts) =>
        new(SlotPrefix + slot.StartUtc.Ticks.ToString(CultureInfo.InvariantCulture), $"{texts.DayNames[(int)slot.LocalStart.DayOfWeek]}, {slot.LocalStart:dd-MM-yyyy HH\\.mm}");

    /// <summary>The slot a choice stands for.</summary>
    public static DateTime? SlotOf(Choice? choice) =>
        choice is { Value: var value } && value.StartsWith(SlotPrefix, StringComparison.Ordinal)
        && long.TryParse(value[SlotPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;

    /// <summary>
    /// Books and tells the person how it went. Returns true when the flow is done; false when the
    /// person should choose again (the slot was taken meanwhile, or the week is full).
    /// </summary>
    public async Task<bool> BookAsync(DialogContext dc, BookingRequest request, bool reschedule)
    {
        var texts = VisitTexts.For(dc.Language);
        var result = await bookings.BookAsync(dc.Office, request, dc.UtcNow, dc.CancellationToken);
        switch (result.Outcome)
        {
            case BookingOutcome.Booked:
                var visit = result.Visit!;
                dc.Raise(VisitBookings.Changed(visit.OfficeId, visit.Id));
                dc.Say($"{(reschedule ? texts.Rescheduled : texts.Booked)}\n{Details(dc, visit)}\n\n{texts.FreeOfCharge}\n{texts.HowToManage}");
                return true;
            case BookingOutcome.SlotTaken or BookingOutcome.SlotUnavailable:
                dc.Say(texts.SlotTaken);
                return false;
            case BookingOutcome.WeeklyLimit:
                dc.Say(texts.WeeklyLimit);
                return false;
            case BookingOutcome.AlreadyBooked:
                var existing = (await VisitBookings.ActiveForConversationAsync(dc.Work, request.ConversationId))
                    .FirstOrDefault(v => v.InmateId == request.InmateId);
                dc.Say(texts.AlreadyBooked(existing?.Code ?? "-"));
                return true;
            default:
                dc.Say(texts.NotAllowed);
                return true;
        }
    }

    public static string When(DialogContext dc, Visit visit) => VisitNotices.When(dc.Office, visit, dc.Language);

    private static string Details(DialogContext dc, Visit visit) =>
        VisitTexts.For(dc.Language).BookingDetails(visit.Code, visit.QueueNumber, When(dc, visit), visit.Inmate?.FullName ?? "-", visit.CallNumber);
}
