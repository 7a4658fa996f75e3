using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Guidance;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>What <see cref="WhichInvitationDialog"/> begins with: the answer given and the invitations it may be for.</summary>
public sealed record WhichInvitationStart(InvitationAnswer Answer, string Text, List<long> InvitationIds);

/// <summary>Typed state of <see cref="WhichInvitationDialog"/>.</summary>
public sealed class WhichInvitationState : IBegunWith<WhichInvitationStart>
{
    public InvitationAnswer Answer { get; set; }

    public string? Text { get; set; }

    public List<long> InvitationIds { get; set; } = [];

    public void Begin(WhichInvitationStart options) => (Answer, Text, InvitationIds) = (options.Answer, options.Text, options.InvitationIds);
}

/// <summary>
/// A client with several invitations waiting answered without saying which: lists them by date and topic and
/// records the answer on the one whose number the client types (a wrong number is asked again with a hint).
/// </summary>
public sealed class WhichInvitationDialog() : WaterfallDialog<WhichInvitationState>(DialogId, [Step(AskAsync), Step<Choice>(RecordAsync)])
{
    public const string DialogId = "guidance.which";

    private static async Task<DialogTurnResult> AskAsync(WaterfallStepContext<WhichInvitationState> step)
    {
        var dc = step.Dc;
        var texts = GuidanceTexts.For(dc.Language);
        var pending = (await GuidanceAnswers.PendingAsync(dc.Work, dc.Conversation.Id)).Where(p => step.State.InvitationIds.Contains(p.Id)).ToList();
        if (pending.Count == 0)
        {
            return await step.EndAsync();
        }

        var choices = pending
            .Select(p => new Choice(p.Id.ToString(CultureInfo.InvariantCulture), texts.WhichChoice(texts.Date(dc.Office, p.StartsAt), texts.KindName(p.Kind, p.Town), p.Topic)))
            .ToList();
        return await step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions { Prompt = texts.WhichOne(texts.AnswerWords[step.State.Answer]), Choices = choices });
    }

    private static async Task<DialogTurnResult> RecordAsync(WaterfallStepContext<WhichInvitationState> step, Answer<Choice> answer)
    {
        if (answer.TryGet(out var choice) && long.TryParse(choice.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && step.State.InvitationIds.Contains(id))
        {
            await InvitationAnswerCatcher.RecordAsync(step.Dc, id, step.State.Answer, step.State.Text);
        }

        return await step.EndAsync();
    }
}
