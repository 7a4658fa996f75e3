using ChatBot.Bot.Dialogs;
using System.Globalization;
using ChatBot.Domain.Integration;

namespace ChatBot.Bot.Flows.IntegrationInfo;

public sealed partial record IntegrationTexts
{
    public static readonly IntegrationTexts English = new()
    {
        Menu = new("Early-release information (asimilasi, PB, CB, CMB)", ["integration", "early release", "parole", "asimilasi", "pb", "cb", "cmb"]),
        Intro = "*Integration information* (assimilation, parole, conditional leave, pre-release leave). This service is free of charge. What would you like to do?",
        NewRequest = "Request information",
        AskStatus = "Check a request's status",
        Consent = days =>
            "Before we start, please read this (Law No. 27 of 2022 on Personal Data Protection):\n" +
            "• *Why:* your, the guarantor's and the inmate's details let an officer check the inmate in the correctional database (SDP) and send you the answer.\n" +
            "• *Who sees it:* only authorised service officers of this office; the KTP photo can be opened only by officers with that right, and every opening is logged.\n" +
            $"• *How long:* personal data and the KTP photo are deleted {days} days after the request is closed; only anonymous statistics remain.\n" +
            "The form has 13 items (about 10 minutes). Type *cancel* at any time to stop.\n\n" +
            "Do you agree to your data being processed for this service?",
        NoConsent = "All right. Without your consent we store nothing and the request cannot be processed. Type *menu* for other services.",
        Questions =
        [
            "Item 1 of 13 — Your *full name* (the requester)?",
            "Item 2 of 13 — Your *relationship* to the inmate?",
            "Item 3 of 13 — Your *address*?",
            "Item 4 of 13 — Your *active mobile/WhatsApp number*? The answer will be sent to it.",
            "Item 5 of 13 — The *guarantor's name*?",
            "Item 6 of 13 — The *guarantor's relationship* to the inmate (e.g. father, wife, brother)?",
            "Item 7 of 13 — The *guarantor's address*?",
            "Item 8 of 13 — The *guarantor's mobile number*?",
            "Item 9 of 13 — The *name of the inmate / child* in the integration process?",
            "Item 10 of 13 (KTP, part 1 of 2) — Type the *NIK* (16 digits) on your KTP.",
            "Item 10 of 13 (KTP, part 2 of 2) — NIK noted. Now send a *photo or scan of your KTP* (JPG, PNG or PDF, at most 2 MB).",
            "Item 11 of 13 — Your *active e-mail address*? The answer is also sent there. If you have none, type *none*.",
            "Item 12 of 13 — Which *information* do you need?",
        ],
        QuestionHelps = new Dictionary<int, string>
        {
            [0] = "The requester is you, who fill in this form. Write your full name as on your KTP.",
            [4] = "The guarantor vouches for the inmate during the programme outside the prison, usually a close relative (a parent, spouse, sibling). You may be the guarantor yourself.",
            [8] = "Write the full name of the inmate or child you are asking about, as far as you know it.",
            [9] = "The NIK (population identity number) is the 16 digits at the top of your KTP, below the word PROVINSI. It is also on your family card.",
            [10] = "The officer needs a photo of your KTP to match your data. Take a picture of it with your phone and send it here (the attachment 📎 or camera button). Only authorised officers can open it.",
            [11] = "The answer is also sent by e-mail if you have one; e-mail is not required. If you have none, type *none*.",
        },
        ItemLabels =
        [
            "Requester's name", "Relationship to the inmate", "Address", "Active mobile number", "Guarantor's name", "Guarantor's relationship",
            "Guarantor's address", "Guarantor's mobile", "Inmate/child", "KTP", "Active e-mail", "Information requested", "Declaration",
        ],
        Relationships = new Dictionary<string, string> { ["family"] = "Family member", ["lawyer"] = "Lawyer" },
        Programmes = new Dictionary<IntegrationProgramme, string>
        {
            [IntegrationProgramme.Asimilasi] = "Assimilation (asimilasi)",
            [IntegrationProgramme.Pb] = "Parole (PB)",
            [IntegrationProgramme.Cb] = "Conditional leave (CB)",
            [IntegrationProgramme.Cmb] = "Pre-release leave (CMB)",
        },
        Summary = items => $"Please check your details:\n{items}",
        Declaration = "I declare that the details I gave are true.",
        SummaryHint = "Type *AGREE* to declare the details true and send the request, or type the number of an item (1–12) to correct it.",
        NoEmail = "none",
        Submitted = (code, at, email) =>
            $"Thank you. Your request was sent with number *{code}* (declaration recorded {at}).\n" +
            $"An officer will check the details in SDP and send the answer to your {(email ? "WhatsApp and e-mail" : "WhatsApp")}. " +
            $"To see its status, type *status informasi {code}*. Type *menu* for other services.",
        ResumeAsk = (filled, all) => $"Welcome back. Your integration-information form is not finished ({filled} of {all} items filled). Continue or discard it?",
        LeaveAsk = (filled, all) =>
            $"Your integration information form has not been sent yet ({filled} of {all} items filled in). Type *yes* to leave (the draft is kept and you can go on later by typing *continue*), or type *continue* to go on filling it in now.",
        Resume = "Continue",
        Discard = "Discard the form",
        Resumed = "All right, let's continue.",
        Discarded = "The form was discarded; nothing you typed was kept.",
        AskReference = "Type your *request number* (e.g. INF-7K2M9Q).",
        ReferenceNotFound = code => $"We could not find request *{code}*. Please check the number, or type *officer* to ask an officer.",
        Paused = until => $"Sorry, too many request numbers from your phone were not found. To keep the data confidential, please try again after {until}. If you need help, type *officer*.",
        Busy = until => $"Sorry, the request status service is very busy right now. Please try again after {until}, or contact our office. If you need help, type *officer*.",
        Status = (code, label, submitted, next) => $"Status of request *{code}*:\n• Submitted: {submitted}\n• Status: *{label}*\n\n{next}",
        Statuses = new Dictionary<IntegrationRequestStatus, (string, string)>
        {
            [IntegrationRequestStatus.Submitted] = ("Waiting for the SDP check", "An officer will check the inmate in SDP (service standard: 3 minutes during service hours)."),
            [IntegrationRequestStatus.Verified] = ("Inmate checked", "An officer is preparing your information (service standard: 5 minutes)."),
            [IntegrationRequestStatus.Closed] = ("Closed", "The answer was sent to you."),
        },
        AnswerNotInSdp = (code, programme, inmate) =>
            $"Integration information request *{code}* ({programme}).\n\nWe are sorry: no inmate named *{inmate}* is in our office's correctional database (SDP). " +
            "Please check the name and the office where the inmate serves the sentence, and send a new request if needed.",
        AnswerInformation = (code, programme, text) => $"Integration information request *{code}* ({programme}).\n\n{text}",
        EmailSubject = code => $"Integration information {code}",
        NotSet = "—",
        At = "at",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
    };
}
