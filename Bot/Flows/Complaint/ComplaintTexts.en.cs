using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Complaints;

namespace ChatBot.Bot.Flows.Complaint;

public sealed partial record ComplaintTexts
{
    public static readonly ComplaintTexts English = new()
    {
        Menu = new("Complaint", ["complaint", "complain", "report"]),
        ChooseAction = "*Complaints*. What would you like to do?",
        NewComplaint = "Make a new complaint",
        CheckStatus = "Check the status of a complaint",
        AskCategory = "What is your complaint about?",
        Categories = new Dictionary<ComplaintCategory, string>
        {
            [ComplaintCategory.VisitService] = "Visit service",
            [ComplaintCategory.Litmas] = "Litmas",
            [ComplaintCategory.Integration] = "Early release (asimilasi, PB, CB, CMB)",
            [ComplaintCategory.OfficerConduct] = "Officer conduct",
            [ComplaintCategory.Facilities] = "Facilities",
            [ComplaintCategory.Extortion] = "Illegal levies (pungli) or extortion",
            [ComplaintCategory.Other] = "Other",
        },
        AskDescription = "Please describe your complaint in *one message*: what happened, when, and where.",
        DescriptionTooShort = "Please tell us a little more (at least 10 letters) so that officers can follow it up.",
        AskFile = "If you have a supporting *photo or document* (JPG, PNG or PDF, at most 5 MB), send it now. If not, type *skip*.",
        FileOrSkip = "Please send a photo or document (JPG, PNG or PDF), or type *skip* if you have none.",
        FileReceived = "File received.",
        AskAnonymous = "Do you want to complain *anonymously*? If so, your name and number/address are not shown to officers, but the answer still reaches you here.",
        AskName = "What is your name?",
        Summary = (category, description, file, reporter) =>
            $"Your complaint:\n1. Category: {category}\n2. Description: {description}\n3. Attachment: {(file ? "yes" : "none")}\n4. Complainant: {reporter ?? "anonymous"}",
        ConfirmSend = "Send this complaint? Type *yes* to send it, or the number of the item (1–4) you want to correct. Type *cancel* if you do not want to send it.",
        NotSent = "All right, the complaint is cancelled and was not sent.",
        Filed = (code, review, answer) =>
            $"Thank you, we have received your complaint with code *{code}*. Please keep this code.\n\n" +
            $"The head of office will review it by {review} and you will be answered by {answer}. We will tell you here about every step.\n\n" +
            $"Check the status at any time by typing: *status pengaduan {code}*",
        AskCode = "Please type your complaint code (for example: ADU-7K3P9Q).",
        CodeFormat = "A complaint code starts with *ADU-* followed by 6 letters/digits, for example: ADU-7K3P9Q.",
        NotFound = code => $"We could not find a complaint with code {code} at this office. Please check the code.",
        Paused = time => $"Too many codes were not found. Please try again after {time}.",
        Busy = time => $"Sorry, the status service is very busy right now. Please try again after {time}, or contact our office.",
        Statuses = new Dictionary<ComplaintStatus, string>
        {
            [ComplaintStatus.Received] = "received, waiting for the head of office's review",
            [ComplaintStatus.Reviewed] = "reviewed by the head of office and being followed up by the responsible official",
            [ComplaintStatus.FollowedUp] = "followed up; the official answer is being prepared",
            [ComplaintStatus.Closed] = "closed and answered",
        },
        StatusLine = (code, category, received, status) => $"Complaint *{code}* ({category}), received {received}.\nStatus: *{status}*.",
        AnswerWas = answer => $"Official answer:\n{answer}",
        StatusChanged = (code, status) => $"Update on complaint *{code}*: the status is now *{status}*.",
        Answered = (code, answer) => $"Official answer to complaint *{code}*:\n\n{answer}\n\nThis complaint is now closed. Thank you for telling us.",
        AskScore = "How satisfied are you with how this complaint was handled? Reply with a number from *1* (very dissatisfied) to *5* (very satisfied).",
        AskComment = "Any suggestion or comment? Write it in one message, or type *skip*.",
        SurveyThanks = "Thank you for your rating. Type *menu* for other services.",
        SurveyLater = code => $"To rate how this complaint was handled, type *status pengaduan {code}*.",
        Subject = code => $"Complaint {code}",
        SkipWords = ["skip", "none", "no", "nothing"],
        DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    };
}
