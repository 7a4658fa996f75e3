using System.Globalization;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Outreach;

namespace ChatBot.Bot.Flows.Outreach;

public sealed partial record OutreachTexts
{
    public static readonly OutreachTexts English = new()
    {
        Menu = new("Outreach for villages/schools", ["outreach", "outreach session", "village outreach", "school outreach"]),
        Intro =
            "*Bambang Solah (Sambang Deso lan Sekolah)* — ask for an outreach session by the Bapas team at your village, school or institution. The service is free of charge.\n" +
            "The form has 10 items, including the request letter (PDF or photo). Type *cancel* at any time to stop.",
        Questions =
        [
            "Item 1 of 10 — What kind of institution is asking?",
            "Item 2 of 10 — *Name of the village/school/institution* (e.g. SMP Negeri 2 Mertoyudan)?",
            "Item 3 of 10 — *Contact person's name* (whom the team can call)?",
            "Item 4 of 10 — The contact person's *mobile/WhatsApp number*?",
            "Item 5 of 10 — The contact person's *e-mail* (type *none* if there is none)?",
            "Item 6 of 10 — *Preferred dates*: 1 to 3 dates, separated by commas (e.g. *10 December, 12 December 2026*).",
            "Item 7 of 10 — The session's *topic*?",
            "Item 8 of 10 — Write *the topic you would like*, in one sentence.",
            "Item 9 of 10 — *Who will attend* and about how many (e.g. *120 year-8 pupils*)?",
            "Item 10 of 10 — Send your institution's *request letter* (PDF or a JPG/PNG photo, at most 2 MB).",
        ],
        TopicDetailOptional = "Item 8 of 10 — Anything in particular to cover? Write it in one sentence, or type *none*.",
        QuestionHelps = new Dictionary<int, string>
        {
            [0] = "Choose who asks for the session: a village, a school, or another institution (e.g. a boarding school, a youth group).",
            [4] = "An e-mail address for news of this request. If there is none, type *none*; news comes through this conversation.",
            [5] = "The dates you would like, at most 3, none in the past. For example *10 December, 12 December* or *10-12-2026*.",
            [8] = "Who will attend and about how many, e.g. *120 year-8 pupils* or *60 villagers*.",
            [9] = "Your institution's official letter asking for the session. Take a photo of it or send its PDF here (the 📎 button). By e-mail: attach it to your reply.",
        },
        ItemLabels = ["Institution", "Name", "Contact person", "Phone", "E-mail", "Preferred dates", "Topic", "Topic details", "Audience", "Request letter"],
        Institutions = new Dictionary<string, string>
        {
            [OutreachInstitutions.Village] = "Village",
            [OutreachInstitutions.School] = "School",
            [OutreachInstitutions.Other] = "Another institution",
        },
        OtherTopic = "Other (write your own)",
        TopicOtherRequired = "You chose *other*: please write the topic in one sentence, e.g. *online gambling and young people*.",
        DatesFormat = "We could not read the dates. Write 1 to 3 dates separated by commas, e.g. *10 December, 12 December 2026* or *10-12-2026*.",
        DatesPast = "That date has passed. Please choose dates from today on.",
        DatesTooMany = max => $"At most {max} dates, please. Choose the {max} that suit you best, separated by commas.",
        AudienceHint = "Please write who attends *and* about how many, as a number, e.g. *120 year-8 pupils*.",
        NoTopicDetail = "none",
        NoEmail = "none",
        Summary = lines => $"Please check your request:\n{lines}",
        SummaryHint = "Type *send* if it is right, or the *item number* to correct (e.g. *6*).",
        Submitted = (code, when, phone) =>
            $"Your outreach request was *received* with number *{code}* ({when}).\n" +
            "An officer registers it (standard 30 minutes), the head of office dispositions it to a Kasubsi (10 minutes), who appoints a team (5 minutes). " +
            "The team will call the contact person to agree a date; we will tell you of every step.\n" +
            (phone is null ? "" : $"Office telephone: {phone}.\n") +
            $"Check the status any time: type *status {code}*.",
        LetterKept = "We have received the request letter.",
        NotSent = "All right, the outreach request was *not sent* and nothing was kept. Type *menu* for other services.",
        LeaveAsk = (filled, total) => $"The outreach request is not sent yet ({filled} of {total} items filled). Leave the form? Your answers are kept as a draft; choose this service again to continue.",
        NotFound = code => $"We could not find outreach request *{code}*. Please check the number (e.g. SOS-7K2M9Q).",
        Paused = until => $"Too many numbers we could not find. Please try again after {until}.",
        Busy = until => $"The status service is busy. Please try again after {until}.",
        Status = (code, label, received, next) => $"Status of outreach request *{code}* (received {received}): *{label}*.\n{next}",
        Statuses = new Dictionary<OutreachStatus, (string, string)>
        {
            [OutreachStatus.Submitted] = ("Received", "An officer registers the request and passes it to the head of office."),
            [OutreachStatus.Received] = ("Registered, waiting for the head's disposition", "The head dispositions the request to a Kasubsi."),
            [OutreachStatus.Disposed] = ("Dispositioned", "The Kasubsi appoints the outreach team."),
            [OutreachStatus.TeamAppointed] = ("Team appointed", "The team calls the contact person to agree a date."),
            [OutreachStatus.Scheduled] = ("Date agreed", "The team comes on the agreed date."),
            [OutreachStatus.Held] = ("Session held", "The team writes a short report."),
            [OutreachStatus.Reported] = ("Finished", "Thank you for inviting us."),
            [OutreachStatus.Declined] = ("Cannot be held", "Contact the office if you have questions."),
        },
        Registered = code => $"News of outreach request *{code}*: the request is *registered* and passed to the head of office for disposition.",
        Disposed = code => $"News of outreach request *{code}*: the head of office has *dispositioned* it to a Kasubsi, who will appoint a team shortly.",
        Declined = (code, reason) => $"News of outreach request *{code}*: we are sorry, the session *cannot be held*.\nReason: {reason}",
        TeamAppointed = (code, leader, phone, officePhone) =>
            $"News of outreach request *{code}*: *the outreach team is appointed*, led by *{leader}*. " +
            (phone is not null ? $"The team leader's number: *{phone}*. " : officePhone is not null ? $"Reach the team through the office telephone: {officePhone}. " : "") +
            "The team will contact you to agree a date.",
        Scheduled = (code, when, leader, phone) =>
            $"News of outreach request *{code}*: the session is *agreed* for *{when}*. Team leader: *{leader}*" + (phone is null ? "." : $" ({phone}).") +
            " See you there!",
        Held = code => $"News of outreach request *{code}*: the session was *held*. Thank you for having us; the team is writing a short report.",
        Reported = (code, attendance) => $"News of outreach request *{code}*: the session's report is recorded ({attendance} attended). The request is *finished*.",
        AskScore = "How satisfied are you with this outreach session? Reply with a number from *1* (very dissatisfied) to *5* (very satisfied).",
        AskComment = "Any suggestion or comment? Write it in one message, or type *skip*.",
        SurveyThanks = "Thank you for your rating. Type *menu* for other services.",
        SurveyLater = code => $"To rate this session, type *nilai {code}*.",
        EmailSubject = code => $"Outreach request {code}",
        NotSet = "—",
        At = "at",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
    };
}
