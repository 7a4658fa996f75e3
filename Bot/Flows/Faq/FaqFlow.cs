using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Flows.Faq;

/// <summary>
/// The office's frequent questions (<see cref="FrequentQuestion"/>), kept by officers in the
/// console, answered from anywhere before a flow begins: <c>alamat rutan dimana ya?</c> at the
/// menu or in the middle of a booking gets the address, and the waiting question again.
/// </summary>
public sealed class FaqFlow : IFlowModule
{
    public void Register(FlowRegistration flow) => flow.AnswerAnywhere<FrequentQuestionAnswers>();

    /// <summary>
    /// An answer with the office's own settings in place of <c>{kantor}</c>, <c>{alamat}</c>,
    /// <c>{telepon}</c> and <c>{jam}</c>; a setting the office has not filled in reads as such.
    /// </summary>
    public static string Render(string answer, Office office, string language)
    {
        var texts = DialogTexts.For(language);
        var missing = language == "en" ? "(not set yet)" : "(belum dicantumkan)";
        return answer
            .Replace("{kantor}", office.Name, StringComparison.OrdinalIgnoreCase)
            .Replace("{alamat}", office.Address ?? missing, StringComparison.OrdinalIgnoreCase)
            .Replace("{telepon}", office.Phone ?? missing, StringComparison.OrdinalIgnoreCase)
            .Replace("{jam}", texts.ServiceHours(office), StringComparison.OrdinalIgnoreCase);
    }

    private sealed class FrequentQuestionAnswers : IAnswerAnywhere
    {
        public async Task<string?> AnswerAsync(DialogContext dc) =>
            await FrequentQuestions.MatchAsync(dc.Work, dc.Office.Id, dc.Text) is { } question
                ? Render(question.Answer, dc.Office, dc.Language)
                : null;
    }
}
