using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.Requests;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Outreach;

/// <summary>Typed state of the outreach satisfaction survey.</summary>
public sealed class OutreachSurveyState : ISurveyState
{
    public long RequestId { get; set; }

    public void Begin(long requestId) => RequestId = requestId;
}

/// <summary>
/// The 1–5 satisfaction question after an outreach session's report (<see cref="SurveyDialog{TState}"/>),
/// with an optional comment; its scores count in the office's IKM figure with the complaints'. Begun by the
/// report step, or by <c>nilai SOS-…</c> from the requester who has not rated yet.
/// </summary>
public sealed class OutreachSurveyDialog() : SurveyDialog<OutreachSurveyState>(DialogId)
{
    public const string DialogId = "outreach.survey";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        if (options is QuickLookup quick)
        {
            // "nilai SOS-…": the requester's own finished request, not rated yet; anything else is simply not found.
            var code = TicketCode.Find(OutreachRequests.Prefix, quick.Query, bare: true);
            var request = code is null ? null : await OutreachSurvey.FindOwnAsync(dc.Work, dc.Office.Id, code, dc.Conversation.Id);
            if (request is not { Status: OutreachStatus.Reported, SurveyScore: null } || quick.Inline)
            {
                var texts = OutreachTexts.For(dc.Language);
                dc.Say(request is null ? texts.NotFound(code ?? quick.Query.Trim()) : request.SurveyScore is not null ? texts.SurveyThanks : texts.SurveyLater(request.Code));
                return quick.Inline ? DialogTurnResult.Waiting : await dc.EndDialogAsync();
            }

            return await base.BeginAsync(dc, request.Id);
        }

        return await base.BeginAsync(dc, options);
    }

    protected override SurveyTexts Texts(string language)
    {
        var texts = OutreachTexts.For(language);
        return new SurveyTexts(texts.AskScore, texts.AskComment, texts.SurveyThanks, texts.SurveyLater);
    }

    protected override async Task<SurveyTarget?> FindAsync(DialogContext dc, long requestId) =>
        await OutreachSurvey.FindOwnAsync(dc.Work, requestId, dc.Conversation.Id) is { } request
            ? new SurveyTarget(request.Code, (score, at) => (request.SurveyScore, request.SurveyAt) = (score, at), comment => request.SurveyComment = comment)
            : null;

    protected override bool IsSkip(string text) => Complaint.ComplaintTexts.IsSkip(text) || Dialogs.Recognizers.Utterances.DeclinesToAnswer(text);
}
