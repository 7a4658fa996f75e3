using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>Typed state of a status query.</summary>
public sealed class ComplaintStatusState : IBegunWith<string>
{
    /// <summary>The code the query was begun with, until it is looked up; any further code is asked for.</summary>
    public string? GivenCode { get; set; }

    public void Begin(string code) => GivenCode = code;
}

/// <summary>
/// The status of a complaint by its ticket code, for the conversation the complaint came from only
/// (with the official answer and, when not given yet, the survey). To anyone else the code does not
/// exist; their tries, like unknown codes, count towards the lookup throttle, so codes cannot be
/// guessed in bulk nor read with a leaked code.
/// </summary>
public sealed class ComplaintStatusDialog : WaterfallDialog<ComplaintStatusState>
{
    public const string DialogId = WellKnownDialogs.ComplaintStatus;

    private readonly RequestStatusLookup _lookup;
    private readonly RequestType<Domain.Complaints.Complaint, ComplaintStatus> _type;

    public ComplaintStatusDialog(RequestStatusLookup lookup, RequestType<Domain.Complaints.Complaint, ComplaintStatus> type)
        : base(DialogId)
    {
        _lookup = lookup;
        _type = type;
        Steps(Step(AskCodeAsync), Step<string>(ShowAsync));
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is QuickLookup { Inline: true } inline)
        {
            // Inside another flow: answer only; the engine takes this dialog off the stack again.
            await ExplainAsync(dc, inline.Query, offerSurvey: false);
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options is QuickLookup quick ? quick.Query : options);
    }

    private static Task<DialogTurnResult> AskCodeAsync(WaterfallStepContext<ComplaintStatusState> step)
    {
        if (step.State.GivenCode is { } code)
        {
            step.State.GivenCode = null;
            return step.NextAsync(code);
        }

        return step.PromptAsync(ComplaintCodePrompt.DefaultId, new PromptOptions { Prompt = ComplaintTexts.For(step.Dc.Language).AskCode });
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext<ComplaintStatusState> step, Answer<string> answer)
    {
        if (!answer.TryGet(out var code))
        {
            return await step.GoToAsync(nameof(AskCodeAsync));
        }

        step.State.GivenCode = null;
        return await ExplainAsync(step.Dc, code, offerSurvey: true) switch
        {
            StatusOutcome.NotFound => await step.GoToAsync(nameof(AskCodeAsync)),
            StatusOutcome.SurveyDue survey => await step.ReplaceDialogAsync(ComplaintSurveyDialog.DialogId, survey.ComplaintId),
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
    /// Says the status of the complaint <paramref name="typed"/> names (<see cref="RequestStatusLookup"/>:
    /// only to the conversation that filed it, throttled for everyone else).
    /// </summary>
    private async Task<StatusOutcome> ExplainAsync(DialogContext dc, string typed, bool offerSurvey)
    {
        var answer = await _lookup.AskAsync(
            dc.Work, _type, typed, new StatusAsker(dc.Office, dc.Conversation, dc.Language));
        dc.Say(answer.Say);
        return answer.Request switch
        {
            null when answer.Paused => new StatusOutcome.Paused(),
            null => new StatusOutcome.NotFound(),
            Domain.Complaints.Complaint { Status: ComplaintStatus.Closed, Answer: not null, SurveyScore: null } complaint when offerSurvey => new StatusOutcome.SurveyDue(complaint.Id),
            _ => new StatusOutcome.Shown(),
        };
    }
}
