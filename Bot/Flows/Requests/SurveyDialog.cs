using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;

namespace ChatBot.Bot.Flows.Requests;

/// <summary>The state of a satisfaction survey: which request is rated.</summary>
public interface ISurveyState : IBegunWith<long>
{
    long RequestId { get; }
}

/// <summary>What a survey says, in one language.</summary>
/// <param name="Later">{0} code: how to rate later, for someone who was in the middle of something else.</param>
public sealed record SurveyTexts(string AskScore, string AskComment, string Thanks, Func<string, string> Later);

/// <summary>The request being rated, as the survey writes to it (the turn's unit of work saves it).</summary>
public sealed record SurveyTarget(string Code, Action<int, DateTime> Score, Action<string> Comment);

/// <summary>
/// The short satisfaction survey after a request closes (the IKM figure counts it): a score from 1 to 5,
/// then an optional comment. Begun by a follow-up turn when the closing step goes out (or by a command of
/// the requester who has not rated yet); each answer is saved as soon as it is given, and only the
/// conversation that filed the request rates it.
/// </summary>
public abstract class SurveyDialog<TState> : WaterfallDialog<TState>
    where TState : class, ISurveyState, new()
{
    protected SurveyDialog(string id)
        : base(id) => Steps(Step(AskScoreAsync), Step<long>(AskCommentAsync), Step<string>(ThankAsync));

    protected abstract SurveyTexts Texts(string language);

    /// <summary>The request <paramref name="requestId"/> when the conversation filed it; null otherwise.</summary>
    protected abstract Task<SurveyTarget?> FindAsync(DialogContext dc, long requestId);

    /// <summary>Whether the comment is a "no comment".</summary>
    protected abstract bool IsSkip(string text);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is TurnStart { Busy: true } busy)
        {
            // The closing notice reached someone in the middle of something else: tell them how to rate later.
            if (long.TryParse(busy.Options, CultureInfo.InvariantCulture, out var id) && await FindAsync(dc, id) is { } target)
            {
                dc.Say(Texts(dc.Language).Later(target.Code));
            }

            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options);
    }

    private Task<DialogTurnResult> AskScoreAsync(WaterfallStepContext<TState> step) =>
        step.PromptAsync(NumberPrompt.DefaultId, new PromptOptions { Prompt = Texts(step.Dc.Language).AskScore, Min = 1, Max = 5 });

    private async Task<DialogTurnResult> AskCommentAsync(WaterfallStepContext<TState> step, Answer<long> answer)
    {
        if (answer.TryGet(out var score) && await FindAsync(step.Dc, step.State.RequestId) is { } target)
        {
            target.Score((int)score, step.Dc.UtcNow);
        }

        return await step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = Texts(step.Dc.Language).AskComment, MaxLength = 1000, QuestionsAreAnswers = true });
    }

    private async Task<DialogTurnResult> ThankAsync(WaterfallStepContext<TState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var comment) && !IsSkip(comment) && await FindAsync(step.Dc, step.State.RequestId) is { } target)
        {
            target.Comment(comment.Trim());
        }

        step.Say(Texts(step.Dc.Language).Thanks);
        return await step.EndAsync();
    }
}
