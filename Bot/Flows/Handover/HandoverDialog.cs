using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.MainMenu;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>Why a person is handed over, and what the bot had collected until then.</summary>
public sealed record HandoverRequest(string Reason, string? CollectedState);

/// <summary>
/// Puts the conversation in the officers' queue: the person learns their place in it (and, outside
/// service hours, when officers answer), and from then on the bot stays silent until an officer
/// hands the conversation back or closes it.
/// </summary>
public sealed class HandoverDialog() : Dialog(WellKnownDialogs.Handover)
{
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var request = options as HandoverRequest ?? new HandoverRequest("menu", null);
        var office = dc.Office;
        var waiting = await dc.Db.Handovers.CountAsync(
            h => h.OfficeId == office.Id && h.Status == HandoverStatus.Waiting, dc.CancellationToken);
        dc.Db.Handovers.Add(new Domain.Conversations.Handover
        {
            ConversationId = dc.Conversation.Id,
            OfficeId = office.Id,
            Status = HandoverStatus.Waiting,
            RequestedAt = dc.UtcNow,
            Reason = request.Reason,
            CollectedState = request.CollectedState,
        });
        dc.Conversation.Mode = ConversationMode.HandoverWaiting;

        var texts = HandoverTexts.For(dc.Language);
        var message = texts.Queued(waiting + 1);
        if (!office.IsOpenAt(dc.UtcNow))
        {
            var next = office.NextOpening(dc.UtcNow);
            var when = $"{texts.DayNames[(int)next.DayOfWeek]} {next:dd-MM-yyyy}, {next:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}";
            message += "\n\n" + texts.OutsideHours(DialogTexts.For(dc.Language).ServiceHours(office), when);
        }

        dc.Say($"{message}\n\n{texts.HowToCancel}");
        dc.CancelAllDialogs();
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }
}
