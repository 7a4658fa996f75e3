using System.Globalization;
using ChatBot.Domain.Permits;

namespace ChatBot.Bot.Flows.TravelPermit;

public sealed partial record PermitTexts
{
    public static readonly PermitTexts English = new()
    {
        Menu = new("Out-of-town permit", ["permit", "travel", "out of town", "travel permit"]),
        Intro = "*Out-of-town permit* (POHON KETAN) for supervised clients, requested by the client, their lawyer or family. Free of charge; at most 14 working days. What would you like to do?",
        NewRequest = "Request an out-of-town permit",
        AskStatus = "Check a request's status",
        Consent = days =>
            "Before we start, please read this (Law No. 27 of 2022 on Personal Data Protection):\n" +
            "• *Why:* your, the client's and the trip's details let the PK and the TPP session examine the request and the head of the Bapas issue the permit letter.\n" +
            "• *Who sees it:* only the PKs, the head of the Bapas and authorised officers of this office; every opening of the letter is logged.\n" +
            $"• *How long:* personal data, the signed request's scan and the letter file are deleted {days} days after the request is closed; the letter's number, dates and verification code stay so the letter can still be checked.\n" +
            "The form has 10 items. Have a photo or scan of your signed request letter ready. Type *cancel* at any time to stop.\n\n" +
            "Do you agree to your data being processed for this service?",
        NoConsent = "All right. Without your consent we store nothing and the request cannot be processed. Type *menu* for other services.",
        Questions = new Dictionary<int, string>
        {
            [1] = "Item 1 of 10 — Who is making this request?",
            [2] = "Item 2 of 10 — Your *full name* (the applicant)?",
            [4] = "Item 4 of 10 — The *destination town or regency*?",
            [5] = "Item 5 of 10 — The *full address* while in the destination town?",
            [6] = "Item 6 of 10 — The *purpose* of the trip (e.g. visiting a sick parent, work)?",
            [7] = "Item 7 of 10 — The *departure date*? (e.g. 20-01-2027)",
            [8] = "Item 8 of 10 — The *return date*? (e.g. 25-01-2027)",
            [9] = "Item 9 of 10 — An *active mobile/WhatsApp number* to reach you?",
            [10] = "Item 10 of 10 — Send a *photo or scan of the signed request letter* (JPG, PNG or PDF, at most 2 MB).",
        },
        Helps = new Dictionary<int, string>
        {
            [1] = "Choose *The client* if you are the client who will travel, *Lawyer* if you are the client's lawyer, or *Family* if you are family of the client.",
            [2] = "The applicant is you, filling in this form. Write your full name as on your identity card.",
            [4] = "Write the town or regency the client will travel to, e.g. Semarang or Boyolali Regency.",
            [5] = "Write where the client will stay in the destination town (street, number, village), so the local Bapas or police know.",
            [6] = "Write the reason for the trip briefly, e.g. visiting sick family, a wedding, or work.",
            [7] = "Write the day the client leaves, e.g. 20-01-2027 or 20 January. It may not be in the past.",
            [8] = "Write the day the client comes back, after the departure date, e.g. 25-01-2027.",
            [9] = "The PK uses this number if they need to reach you, e.g. 081234567890.",
            [10] = "Write a request letter to the head of the Bapas, sign it, take a photo with your phone or scan it, and send it here (attachment 📎 or camera button).",
        },
        ItemLabels = ["Applicant", "Applicant's name", "Client", "Destination town", "Destination address", "Purpose", "Departure", "Return", "Phone", "Request letter"],
        Relationships = new Dictionary<string, string> { ["self"] = "The client", ["lawyer"] = "Lawyer", ["family"] = "Family" },
        DepartureInPast = "That departure date has passed. Please give today or a later date.",
        ReturnNotAfterDeparture = depart => $"The return date must be after the departure date ({depart}). Please give the return date again.",
        TooLong = (days, latest) => $"An out-of-town permit is for at most {days} days. Please give a return date no later than {latest}.",
        Summary = items => $"Please check your request:\n{items}",
        SummaryHint = "Type *AGREE* if everything is right and the request is to be sent, or type the number (1–10) of an item to correct.",
        Submitted = (code, due) =>
            $"Thank you. Your out-of-town permit request was sent with number *{code}*.\n" +
            $"The PK will examine it, then the TPP session decides. We will tell you here at each step; at the latest by {due} (14 working days). " +
            $"To see its status, type *status izin {code}*. Type *menu* for other services.",
        LeaveAsk = (filled, all) =>
            $"Your out-of-town permit request has not been sent ({filled} of {all} items filled). Type *yes* to leave (the draft is kept; type *lanjut* later to go on), or *continue* to go on filling it in now.",
        ClientNotIdentified = "The request cannot go on without matching client details. Type *menu* for other services.",
        AskCode = "Type your *request number* (e.g. IZN-7K2M9Q).",
        CodeNotFound = code => $"We could not find request *{code}*. Please check the number, or type *officer* to ask an officer.",
        Paused = until => $"Sorry, too many request numbers from your number were not found. To keep data confidential, please try again after {until}. If you need help, type *officer*.",
        Busy = until => $"Sorry, status checks are very busy right now. Please try again after {until}, or contact our office. If you need help, type *officer*.",
        Status = (code, label, submitted, trip, next) => $"Status of permit request *{code}*:\n• Submitted: {submitted}\n• Trip: {trip}\n• Status: *{label}*\n\n{next}",
        Statuses = new Dictionary<TravelPermitStatus, (string, string)>
        {
            [TravelPermitStatus.Submitted] = ("Waiting for the PK's examination", "The PK will examine your request (service standard 5 minutes in office hours)."),
            [TravelPermitStatus.Examined] = ("Waiting for the TPP session", "Your request will be decided in a session of the correctional observation team (TPP)."),
            [TravelPermitStatus.Approved] = ("Approved by the TPP", "The PK is drafting the permit letter for the head of the Bapas to sign."),
            [TravelPermitStatus.Rejected] = ("Not approved", "The TPP session did not approve this request; we sent you the reason."),
            [TravelPermitStatus.Drafted] = ("Letter waiting for signature", "The permit letter waits for the head of the Bapas's approval."),
            [TravelPermitStatus.Signed] = ("Letter signed", "The permit letter will be sent to you shortly."),
            [TravelPermitStatus.Delivered] = ("Letter sent", "We sent you the permit letter. Carry it during the trip."),
            [TravelPermitStatus.Revoked] = ("Letter revoked", "The head of the Bapas revoked this letter; it is no longer valid."),
        },
        Trip = (town, from, to) => $"{town}, {from} to {to}",
        ExaminedNotice = code => $"Your out-of-town permit request *{code}* was examined by the PK and goes to the TPP session.",
        ApprovedNotice = code => $"Your out-of-town permit request *{code}* was *approved* by the TPP session. The PK is drafting the letter for the head of the Bapas to sign.",
        RejectedNotice = (code, reason) => $"Sorry, your out-of-town permit request *{code}* was *not approved* by the TPP session.\nReason: {reason}\n\nIf you have questions, type *officer* or contact your PK.",
        DraftedNotice = code => $"The permit letter for request *{code}* is drafted and waits for the head of the Bapas's signature.",
        SignedNotice = code => $"The permit letter for request *{code}* was signed by the head of the Bapas and will be sent to you shortly.",
        DeliveredNotice = (code, number, trip, verify) =>
            $"Here is your *out-of-town permit letter* number {number} (request *{code}*), for the trip {trip}.\n\n" +
            "Conditions: report to the Bapas or the police in the destination town, and come back on time. Carry this letter during the trip.\n" +
            $"Anyone can check the letter at {verify}",
        RevokedNotice = (code, number, reason) => $"Permit letter number {number} (request *{code}*) was *revoked* by the head of the Bapas and is no longer valid.\nReason: {reason}\n\nIf you have questions, type *officer* or contact your PK.",
        EmailSubject = code => $"Out-of-town permit {code}",
        NotSet = "—",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
    };
}
