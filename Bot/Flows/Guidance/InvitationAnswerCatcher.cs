using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>
/// Catches a client's answer to a guidance invitation (<see cref="IMessageCatcher"/>): answers arrive as ordinary
/// messages in the conversation the invitation went to, whenever the client writes back. A free-text answer is
/// taken only when the client is not in the middle of another flow and has an invitation waiting for an answer;
/// a quick reply that names its invitation is taken anywhere. With two or more invitations waiting and nothing
/// naming one, <see cref="WhichInvitationDialog"/> asks which. Anything that is not an answer goes on to the bot,
/// and the invitations stay waiting.
/// </summary>
public sealed class InvitationAnswerCatcher : IMessageCatcher
{
    public async Task<bool> CatchAsync(DialogContext dc, bool inFlow)
    {
        if (!dc.Office.Offers(OfficeServices.GroupGuidance) || dc.Conversation.Id == 0)
        {
            return false;
        }

        var recognized = InvitationAnswerRecognizer.Recognize(dc.Text, dc.Input.ButtonPayload);
        if (recognized.Answer == InvitationAnswer.None)
        {
            return false;
        }

        if (recognized.InvitationId is { } named)
        {
            if (await GuidanceAnswers.NamedAsync(dc.Work, dc.Conversation.Id, named) is null)
            {
                return false;
            }

            await RecordAsync(dc, named, recognized.Answer);
            return true;
        }

        if (inFlow)
        {
            return false;
        }

        var pending = await GuidanceAnswers.PendingAsync(dc.Work, dc.Conversation.Id);
        switch (pending.Count)
        {
            case 0:
                return false;
            case 1:
                await RecordAsync(dc, pending[0].Id, recognized.Answer);
                return true;
            default:
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(WhichInvitationDialog.DialogId, new WhichInvitationStart(recognized.Answer, dc.Text, [.. pending.Select(p => p.Id)]));
                return true;
        }
    }

    /// <summary>Records the answer and thanks the client; the menu (or nothing) keeps waiting as before.</summary>
    internal static async Task RecordAsync(DialogContext dc, long invitationId, InvitationAnswer answer, string? text = null)
    {
        var recorded = await GuidanceAnswers.RecordAsync(dc.Work, dc.Conversation.Id, invitationId, answer, text ?? dc.Text);
        if (recorded is null)
        {
            return;
        }

        var texts = GuidanceTexts.For(dc.Language);
        var kind = texts.KindName(recorded.Kind, recorded.Town);
        var date = texts.Date(dc.Office, recorded.StartsAt);
        dc.Say(answer switch
        {
            InvitationAnswer.Attending => texts.Attending(kind, date),
            InvitationAnswer.Declining => texts.Declining(kind, date),
            _ => texts.Reschedule(kind, date),
        } + "\n" + texts.AnythingElse);
    }
}
