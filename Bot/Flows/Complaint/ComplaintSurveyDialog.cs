using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Complaints;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>Typed state of the satisfaction survey.</summary>
public sealed class ComplaintSurveyState : IBegunWith<long>
{
    public long ComplaintId { get; set; }

    public void Begin(long complaintId) => ComplaintId = complaintId;
}

/// <summary>
/// The short satisfaction survey after a complaint closes: a score from 1 to 5, then an optional
/// comment. Begun by the console when the answer goes out (or by a status query of the complainant
/// who has not rated yet); each answer is saved as soon as it is given.
/// </summary>
public sealed class ComplaintSurveyDialog() : WaterfallDialog<ComplaintSurveyState>(DialogId, [Step(AskScoreAsync), Step<long>(AskCommentAsync), Step<string>(ThankAsync)])
{
    public const string DialogId = "complaint.survey";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is TurnStart { Busy: true } busy)
        {
            // The answer reached someone in the middle of something else: tell them how to rate later.
            if (long.TryParse(busy.Options, CultureInfo.InvariantCulture, out var id)
                && await ComplaintSurvey.FindOwnAsync(dc.Work, id, dc.Conversation.Id) is { } complaint)
            {
                dc.Say(ComplaintTexts.For(dc.Language).SurveyLater(complaint.Code));
            }

            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options);
    }

    private static Task<DialogTurnResult> AskScoreAsync(WaterfallStepContext<ComplaintSurveyState> step)
    {
        return step.PromptAsync(NumberPrompt.DefaultId, new PromptOptions { Prompt = ComplaintTexts.For(step.Dc.Language).AskScore, Min = 1, Max = 5 });
    }

    private static async Task<DialogTurnResult> AskCommentAsync(WaterfallStepContext<ComplaintSurveyState> step, Answer<long> answer)
    {
        if (answer.TryGet(out var score) && await FindAsync(step) is { } complaint)
        {
            complaint.SurveyScore = (int)score;
            complaint.SurveyAt = step.Dc.UtcNow;
        }

        return await step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = ComplaintTexts.For(step.Dc.Language).AskComment, MaxLength = 1000, QuestionsAreAnswers = true });
    }

    private static async Task<DialogTurnResult> ThankAsync(WaterfallStepContext<ComplaintSurveyState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var comment) && !ComplaintTexts.IsSkip(comment) && await FindAsync(step) is { } complaint)
        {
            complaint.SurveyComment = comment.Trim();
        }

        step.Say(ComplaintTexts.For(step.Dc.Language).SurveyThanks);
        return await step.EndAsync();
    }

    private static Task<Domain.Complaints.Complaint?> FindAsync(WaterfallStepContext<ComplaintSurveyState> step) =>
        ComplaintSurvey.FindOwnAsync(step.Dc.Work, step.State.ComplaintId, step.Dc.Conversation.Id);
}
