using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>Typed state of a status query.</summary>
public sealed class ComplaintStatusState
{
    /// <summary>The code the query was begun with has been looked up; any further code is asked for.</summary>
    public bool UsedGivenCode { get; set; }
}

/// <summary>
/// The status of a complaint by its ticket code. Anyone holding the code learns the status; the
/// official answer (and the survey, when not given yet) only reaches the conversation the complaint
/// came from. Unknown codes count towards the lookup throttle, so codes cannot be guessed in bulk.
/// </summary>
public sealed class ComplaintStatusDialog() : WaterfallDialog<ComplaintStatusState>(DialogId, 1, AskCodeAsync, ShowAsync)
{
    public const string DialogId = "complaint.status";

    public const string LookupKind = "complaint";

    private static Task<DialogTurnResult> AskCodeAsync(WaterfallStepContext<ComplaintStatusState> step)
    {
        if (!step.State.UsedGivenCode && step.Options is string code)
        {
            step.State.UsedGivenCode = true;
            return step.NextAsync(code);
        }

        return step.PromptAsync(ComplaintCodePrompt.DefaultId, new PromptOptions { Prompt = ComplaintTexts.For(step.Dc.Language).AskCode });
    }

    private static async Task<DialogTurnResult> ShowAsync(WaterfallStepContext<ComplaintStatusState> step)
    {
        if (step.Result is not string code)
        {
            return await step.GoToAsync(0);
        }

        step.State.UsedGivenCode = true;
        var dc = step.Dc;
        var texts = ComplaintTexts.For(dc.Language);
        var throttle = dc.Services.GetRequiredService<LookupThrottle>();
        var sender = dc.Conversation.UserAddress;
        if (await throttle.PausedUntilAsync(dc.Db, LookupKind, dc.Office.Id, dc.Conversation.Channel, sender, dc.UtcNow, dc.CancellationToken) is { } until)
        {
            var local = dc.Office.ToLocal(until);
            step.Say(texts.Paused($"{local.ToString("HH\\.mm", CultureInfo.InvariantCulture)} {OfficeTimeZones.Abbreviation(dc.Office.TimeZoneId)}"));
            return await FinishAsync(dc);
        }

        var complaint = await dc.Db.Complaints.SingleOrDefaultAsync(c => c.Code == code && c.OfficeId == dc.Office.Id, dc.CancellationToken);
        throttle.Record(dc.Db, LookupKind, dc.Office.Id, dc.Conversation.Channel, sender, code, complaint is not null, dc.UtcNow);
        if (complaint is null)
        {
            step.Say(texts.NotFound(code));
            return await step.GoToAsync(0);
        }

        step.Say(texts.StatusLine(code, texts.Categories[complaint.Category], texts.Date(dc.Office.LocalDate(complaint.ReceivedAt)), texts.Statuses[complaint.Status]));
        var own = complaint.ConversationId == dc.Conversation.Id;
        if (own && complaint is { Status: ComplaintStatus.Closed, Answer: { } answer })
        {
            step.Say(texts.AnswerWas(answer));
            if (complaint.SurveyScore is null)
            {
                return await step.ReplaceDialogAsync(ComplaintSurveyDialog.DialogId, complaint.Id.ToString(CultureInfo.InvariantCulture));
            }
        }

        return await FinishAsync(dc);
    }

    /// <summary>
    /// Leaves the person at a quiet main menu, as any finished flow does. A query that came with its
    /// code ends in the very turn the menu began it, before the menu has saved that it already acted
    /// on the message; resuming the menu then would read the same message again and start over.
    /// </summary>
    private static Task<DialogTurnResult> FinishAsync(DialogContext dc)
    {
        dc.CancelAllDialogs();
        return dc.BeginDialogAsync(WellKnownDialogs.MainMenu, WellKnownDialogs.MenuOptionQuiet);
    }
}
