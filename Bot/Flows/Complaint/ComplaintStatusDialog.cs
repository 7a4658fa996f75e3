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
/// The status of a complaint by its ticket code, for the conversation the complaint came from only
/// (with the official answer and, when not given yet, the survey). To anyone else the code does not
/// exist; their tries, like unknown codes, count towards the lookup throttle, so codes cannot be
/// guessed in bulk nor read with a leaked code.
/// </summary>
public sealed class ComplaintStatusDialog() : WaterfallDialog<ComplaintStatusState>(DialogId, 1, AskCodeAsync, ShowAsync)
{
    public const string DialogId = WellKnownDialogs.ComplaintStatus;

    public const string LookupKind = LookupKinds.Complaint;

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is QuickLookup { Inline: true } inline)
        {
            // Inside another flow: answer only; the engine takes this dialog off the stack again.
            await ExplainAsync(dc, ComplaintRules.FindCode(inline.Query) ?? inline.Query.Trim().ToUpperInvariant(), offerSurvey: false);
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options is QuickLookup quick ? ComplaintRules.FindCode(quick.Query) ?? quick.Query : options);
    }

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
        return await ExplainAsync(step.Dc, code, offerSurvey: true) switch
        {
            StatusOutcome.NotFound => await step.GoToAsync(0),
            StatusOutcome.SurveyDue survey => await step.ReplaceDialogAsync(ComplaintSurveyDialog.DialogId, survey.ComplaintId.ToString(CultureInfo.InvariantCulture)),
            _ => await step.EndAsync(),
        };
    }

    private abstract record StatusOutcome
    {
        public sealed record Paused : StatusOutcome;

        public sealed record NotFound : StatusOutcome;

        public sealed record Shown : StatusOutcome;

        public sealed record SurveyDue(long ComplaintId) : StatusOutcome;
    }

    /// <summary>
    /// Says the status of the complaint <paramref name="code"/>, only to the conversation that filed it:
    /// anyone else hears the same "not found" as for an unknown code, and the try counts as a failed
    /// lookup (a leaked code reads nothing). Everyone but the complainant goes through the guessing throttle.
    /// </summary>
    private static async Task<StatusOutcome> ExplainAsync(DialogContext dc, string code, bool offerSurvey)
    {
        var texts = ComplaintTexts.For(dc.Language);
        var throttle = dc.Services.GetRequiredService<LookupThrottle>();
        var sender = dc.Conversation.UserAddress;
        var complaint = await dc.Db.Complaints.SingleOrDefaultAsync(c => c.Code == code && c.OfficeId == dc.Office.Id, dc.CancellationToken);
        if (complaint is not null && complaint.ConversationId != dc.Conversation.Id)
        {
            complaint = null;
        }

        if (complaint is null
            && await throttle.CheckAsync(dc.Db, LookupKind, dc.Office.Id, dc.Conversation.Channel, sender, code, dc.UtcNow, dc.CancellationToken) is { } pause)
        {
            var local = dc.Office.ToLocal(pause.UntilUtc);
            var until = $"{local.ToString("HH\\.mm", CultureInfo.InvariantCulture)} {OfficeTimeZones.Abbreviation(dc.Office.TimeZoneId)}";
            dc.Say(pause.OfficeWide ? texts.Busy(until) : texts.Paused(until));
            return new StatusOutcome.Paused();
        }

        throttle.Record(dc.Db, LookupKind, dc.Office.Id, dc.Conversation.Channel, sender, code, complaint is not null, dc.UtcNow);
        if (complaint is null)
        {
            dc.Say(texts.NotFound(code));
            return new StatusOutcome.NotFound();
        }

        dc.Say(texts.StatusLine(code, texts.Categories[complaint.Category], texts.Date(dc.Office.LocalDate(complaint.ReceivedAt)), texts.Statuses[complaint.Status]));
        if (complaint is { Status: ComplaintStatus.Closed, Answer: { } answer })
        {
            dc.Say(texts.AnswerWas(answer));
            if (offerSurvey && complaint.SurveyScore is null)
            {
                return new StatusOutcome.SurveyDue(complaint.Id);
            }
        }

        return new StatusOutcome.Shown();
    }
}
