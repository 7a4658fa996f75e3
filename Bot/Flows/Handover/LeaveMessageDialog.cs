using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Flows.Handover;

/// <summary>Typed state: the expired handover the message belongs to.</summary>
public sealed class LeaveMessageState : IBegunWith<long>
{
    public long HandoverId { get; set; }

    /// <summary>Until the person has been asked once, they have not yet heard why.</summary>
    public bool Asked { get; set; }

    public void Begin(long handoverId) => HandoverId = handoverId;
}

/// <summary>
/// Begun by the handover watcher when nobody took a waiting conversation in time: the person may
/// leave one message, which officers find on the handover as a ticket.
/// </summary>
public sealed class LeaveMessageDialog() : WaterfallDialog<LeaveMessageState>(DialogId, [Step(AskAsync), Step<string>(RecordAsync)])
{
    public const string DialogId = "handover.leave-message";

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<LeaveMessageState> step)
    {
        // The first time, the person learns why they are asked; a re-ask only asks.
        var first = !step.State.Asked;
        step.State.Asked = true;

        var texts = HandoverTexts.For(step.Dc.Language);
        return step.PromptAsync(TextPrompt.DefaultId, new PromptOptions
        {
            Prompt = first ? $"{texts.NobodyAnswered}\n\n{texts.LeaveMessagePrompt}" : texts.LeaveMessagePrompt,
            MaxLength = 4000,
            QuestionsAreAnswers = true,
        });
    }

    private static async Task<DialogTurnResult> RecordAsync(WaterfallStepContext<LeaveMessageState> step, Answer<string> answer)
    {
        if (!answer.TryGet(out var message))
        {
            return await step.GoToAsync(nameof(AskAsync));
        }

        await Handovers.LeaveMessageAsync(step.Dc.Work, step.State.HandoverId, step.Dc.Conversation.Id, message);
        step.Say(HandoverTexts.For(step.Dc.Language).MessageLeft(TicketCode(step.State.HandoverId)));
        return await step.EndAsync();
    }

    /// <summary>The code a person quotes for a message left with officers.</summary>
    public static string TicketCode(long handoverId) => $"P-{handoverId:D5}";
}
