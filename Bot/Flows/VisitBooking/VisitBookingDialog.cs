using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Visits;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>Typed state of the visit menu.</summary>
public sealed class VisitBookingState
{
    /// <summary>The booking the person asked to cancel, while they confirm.</summary>
    public long? CancelVisitId { get; set; }

    public string? CancelCode { get; set; }

    public string? CancelWhen { get; set; }
}

/// <summary>
/// Menu entry 1, the video-call visit (Layanan Kunjungan Online). Someone without an active booking
/// registers at once; someone with one first sees its status and may reschedule it, cancel it or
/// book another visit.
/// </summary>
public sealed class VisitBookingDialog : WaterfallDialog<VisitBookingState>
{
    public const string DialogId = "visit-booking";

    private readonly VisitBookings _bookings;

    public VisitBookingDialog(VisitBookings bookings)
        : base(DialogId)
    {
        _bookings = bookings;
        Steps(Step(StartAsync), Step<Choice>(ActAsync), Step<bool>(AfterCancelConfirmAsync));
    }

    private static async Task<DialogTurnResult> StartAsync(WaterfallStepContext<VisitBookingState> step)
    {
        var dc = step.Dc;
        var texts = VisitTexts.For(dc.Language);
        var active = await VisitBookings.ActiveForConversationAsync(dc.Work, dc.Conversation.Id);
        if (active.Count == 0)
        {
            return await step.BeginDialogAsync(VisitRegisterDialog.DialogId);
        }

        var lines = active.Select(v => texts.StatusLine(v.Code, VisitSlots.When(dc, v), v.QueueNumber, v.Inmate?.FullName ?? "-", texts.StatusNames[v.Status]));
        var choices = new List<Choice>();
        foreach (var visit in active.Where(v => v.Status == VisitStatus.Booked))
        {
            var id = visit.Id.ToString(CultureInfo.InvariantCulture);
            choices.Add(new Choice("reschedule:" + id, texts.RescheduleChoice(visit.Code), ["ubah", "ganti jadwal", "reschedule"]));
            choices.Add(new Choice("cancel:" + id, texts.CancelChoice(visit.Code), ["batalkan kunjungan", "cancel visit"]));
        }

        choices.Add(new Choice("new", texts.NewChoice, ["baru", "daftar", "new"]));
        choices.Add(new Choice("done", texts.DoneChoice, ["selesai", "cukup", "done", "ok"]));
        return await step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = $"{texts.YourBookings}\n{string.Join("\n", lines)}\n\n{texts.FreeOfCharge}\n\n{texts.WhatNext}",
            Choices = choices,
        });
    }

    /// <summary>Typing <c>batal</c> at "cancel this visit?" leaves the visit booked, and says so.</summary>
    public override string? CancelNotice(DialogContext dc, DialogInstance instance) =>
        DialogContext.ReadState<WaterfallState<VisitBookingState>>(instance).Values.CancelVisitId is null ? null : VisitTexts.For(dc.Language).Kept;

    private static async Task<DialogTurnResult> ActAsync(WaterfallStepContext<VisitBookingState> step, Answer<Choice> answer)
    {
        var dc = step.Dc;
        var texts = VisitTexts.For(dc.Language);
        if (step.Repeated)
        {
            return step.State.CancelVisitId is null ? await step.GoToAsync(nameof(StartAsync)) : await AskCancelAsync(step);
        }

        if (!answer.TryGet(out var choice))
        {
            return await step.EndAsync(); // a booking or reschedule ended
        }

        var (action, id) = Split(choice.Value);
        switch (action)
        {
            case "new":
                return await step.BeginDialogAsync(VisitRegisterDialog.DialogId);
            case "reschedule":
                return await step.BeginDialogAsync(VisitRescheduleDialog.DialogId, id);
            case "cancel":
                var visit = (await VisitBookings.ActiveForConversationAsync(dc.Work, dc.Conversation.Id)).FirstOrDefault(v => v.Id == id);
                if (visit is null)
                {
                    dc.Say(texts.CannotChange);
                    return await step.EndAsync();
                }

                step.State.CancelVisitId = visit.Id;
                step.State.CancelCode = visit.Code;
                step.State.CancelWhen = VisitSlots.When(dc, visit);
                return await AskCancelAsync(step);
            default:
                dc.Say(texts.Done);
                return await step.EndAsync();
        }
    }

    private async Task<DialogTurnResult> AfterCancelConfirmAsync(WaterfallStepContext<VisitBookingState> step, Answer<bool> answer)
    {
        var dc = step.Dc;
        var texts = VisitTexts.For(dc.Language);
        if (answer.TryGet(out var yes) && step.State.CancelVisitId is { } id)
        {
            if (!yes)
            {
                dc.Say(texts.Kept);
            }
            else if (await _bookings.CancelAsync(id, dc.Conversation.Id, dc.UtcNow, dc.CancellationToken))
            {
                dc.Say(texts.Cancelled(step.State.CancelCode!));
                dc.Raise(VisitBookings.Changed(dc.Office.Id, id));
            }
            else
            {
                dc.Say(texts.CannotChange);
            }
        }

        return await step.EndAsync();
    }

    private static Task<DialogTurnResult> AskCancelAsync(WaterfallStepContext<VisitBookingState> step) =>
        step.PromptAsync(ConfirmPrompt.DefaultId, new PromptOptions
        {
            Prompt = VisitTexts.For(step.Dc.Language).ConfirmCancel(step.State.CancelCode!, step.State.CancelWhen!),
        });

    private static (string Action, long Id) Split(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (value, 0)
            : (value[..colon], long.Parse(value[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}

/// <summary>Typed state of a reschedule: nothing beyond the booking it moves (the options).</summary>
public sealed class VisitRescheduleState : IBegunWith<long>
{
    public long VisitId { get; set; }

    public void Begin(long visitId) => VisitId = visitId;
}

/// <summary>Moves a booking that has not been called yet to another open slot.</summary>
public sealed class VisitRescheduleDialog : WaterfallDialog<VisitRescheduleState>
{
    public const string DialogId = "visit-booking.reschedule";

    private readonly VisitSlots _slots;

    public VisitRescheduleDialog(VisitSlots slots)
        : base(DialogId)
    {
        _slots = slots;
        Steps(Step(OfferAsync), Step<Choice>(BookAsync));
    }

    /// <summary>Cancelling a reschedule keeps the booking as it was.</summary>
    public override string? CancelNotice(DialogContext dc, DialogInstance instance) => VisitTexts.For(dc.Language).Kept;

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext<VisitRescheduleState> step)
    {
        var dc = step.Dc;
        var visit = await BookedAsync(dc, step.State.VisitId);
        if (visit is null)
        {
            dc.Say(VisitTexts.For(dc.Language).CannotChange);
            return await step.EndAsync();
        }

        return await _slots.OfferAsync(step, visit.InmateId, visit.Id);
    }

    private async Task<DialogTurnResult> BookAsync(WaterfallStepContext<VisitRescheduleState> step, Answer<Choice> answer)
    {
        var dc = step.Dc;
        var visit = await BookedAsync(dc, step.State.VisitId);
        if (VisitSlots.SlotOf(answer.Value) is not { } slot || visit is null)
        {
            return await step.GoToAsync(nameof(OfferAsync));
        }

        var request = new BookingRequest(
            dc.Office.Id, visit.InmateId, dc.Conversation.Id, dc.Conversation.Channel,
            visit.RequesterName, visit.Relationship, visit.CallNumber, slot, dc.Input.ReceivedAtUtc, ReplacesVisitId: visit.Id);
        return await _slots.BookAsync(dc, request, reschedule: true) ? await step.EndAsync() : await step.GoToAsync(nameof(OfferAsync));
    }

    private static async Task<Visit?> BookedAsync(DialogContext dc, long visitId) =>
        (await VisitBookings.ActiveForConversationAsync(dc.Work, dc.Conversation.Id))
        .FirstOrDefault(v => v.Id == visitId && v.Status == VisitStatus.Booked);
}
