using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Flows.Requests;
using ChatBot.Domain.Complaints;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>Typed state of the satisfaction survey.</summary>
public sealed class ComplaintSurveyState : ISurveyState
{
    public long ComplaintId { get; set; }

    long ISurveyState.RequestId => ComplaintId;

    public void Begin(long complaintId) => ComplaintId = complaintId;
}

/// <summary>
/// The short satisfaction survey after a complaint closes (<see cref="SurveyDialog{TState}"/>): begun by the
/// console when the answer goes out, or by a status query of the complainant who has not rated yet.
/// </summary>
public sealed class ComplaintSurveyDialog() : SurveyDialog<ComplaintSurveyState>(DialogId)
{
    public const string DialogId = "complaint.survey";

    protected override SurveyTexts Texts(string language)
    {
        var texts = ComplaintTexts.For(language);
        return new SurveyTexts(texts.AskScore, texts.AskComment, texts.SurveyThanks, texts.SurveyLater);
    }

    protected override async Task<SurveyTarget?> FindAsync(DialogContext dc, long requestId) =>
        await ComplaintSurvey.FindOwnAsync(dc.Work, requestId, dc.Conversation.Id) is { } complaint
            ? new SurveyTarget(complaint.Code, (score, at) => (complaint.SurveyScore, complaint.SurveyAt) = (score, at), comment => complaint.SurveyComment = comment)
            : null;

    protected override bool IsSkip(string text) => ComplaintTexts.IsSkip(text);
}
