using System.Globalization;
using ChatBot.Domain.Abh;

namespace ChatBot.Bot.Flows.Abh;

public sealed partial record AbhTexts
{
    public static readonly AbhTexts English = new()
    {
        Menu = new("ABH accompaniment (for investigators/institutions)", ["abh", "accompaniment", "child accompaniment", "investigator"]),
        Intro = days =>
            "*ABH accompaniment, 24 hours* — a request for a probation officer (PK) to accompany a child in conflict with the law, " +
            "for investigators, prosecutors or related institutions, at any hour including nights and holidays. Free of charge.\n" +
            "A child's data is protected by Law No. 27/2022 on Personal Data Protection: we only record the child's *initials* and *age*. " +
            $"The data and the letter are seen only by the officers handling it, and erased {days} days after the accompaniment ends.\n" +
            "The form has 10 items. Type *cancel* at any time to stop.",
        Questions =
        [
            "Item 1 of 10 — Which *institution* is the request from?",
            "Item 2 of 10 — *Name of the office/institution* (e.g. Polres Magelang Kota, Kejari Kabupaten Magelang)?",
            "Item 3 of 10 — *Unit/section* (e.g. Unit PPA Satreskrim, General Crimes Section)?",
            "Item 4 of 10 — *Name of the officer* making the request?",
            "Item 5 of 10 — *Mobile/WhatsApp number* of the officer the PK can call?",
            "Item 6 of 10 — The child's *initials* (e.g. *A.R.*). Initials only, please, not the full name.",
            "Item 7 of 10 — The child's *age* (in years)?",
            "Item 8 of 10 — *Where the child is* now (e.g. the PPA unit room at Polres Magelang Kota)?",
            "Item 9 of 10 — The *alleged offence*, in one sentence?",
            "Item 10 of 10 — Send the *request letter* for accompaniment (PDF or a JPG/PNG photo, at most 2 MB).",
        ],
        QuestionHelps = new Dictionary<int, string>
        {
            [0] = "Choose the institution asking for accompaniment: the police (investigator), the prosecutor's office, or another institution (e.g. social services).",
            [2] = "The unit or section handling the child's case, so the PK knows whom to contact. If there is none, write the office's name again.",
            [5] = "Initials are the first letters of the child's name: a child named Andi Rahman is written *A.R.* We do not record the child's full name.",
            [6] = "The child's age in years. ABH accompaniment is for children under 18.",
            [7] = "Where the child is now, so the PK can come: a police station, a shelter, or elsewhere.",
            [9] = "Your institution's letter asking for accompaniment. Take a photo of it with your phone or send its PDF here (the 📎 button). By e-mail: attach it to your reply.",
        },
        ItemLabels = ["Institution", "Office", "Unit", "Officer's name", "Officer's phone", "Child's initials", "Child's age", "Where the child is", "Alleged offence", "Request letter"],
        Institutions = new Dictionary<string, string>
        {
            [AbhInstitutions.Police] = "Police (investigator)",
            [AbhInstitutions.Prosecutor] = "Prosecutor's office",
            [AbhInstitutions.Other] = "Another institution",
        },
        InitialsNotName = "Please write only the child's *initials*, e.g. *A.R.*, not the full name. A child's data is protected by law (UU PDP), so we record only the initials.",
        InitialsFormat = "Write the child's initials in letters, 1 to 4 letters, e.g. *A.R.*",
        AgeRetry = "Write the child's age in years, a number from 1 to 17 (a child is under 18), e.g. *15*.",
        OffenceTooShort = "Please write the alleged offence in one short sentence, e.g. *motorcycle theft*.",
        Summary = lines => $"Please check your request:\n{lines}",
        SummaryHint = "Type *send* if it is right, or the *item number* to correct (e.g. *6*).",
        Submitted = (code, when, onDuty, phone) =>
            $"Your ABH accompaniment request was *received* with number *{code}* ({when}).\n" +
            (onDuty is null
                ? "Our officers have been alerted. "
                : $"On duty now: *{onDuty}*, already alerted. ") +
            "The request goes to the head of office for disposition at once, then the appointed PK sets off; we will tell you the PK's name and number. " +
            "Service standard: the PK starts within 1 hour of the disposition.\n" +
            (phone is null ? "" : $"Office telephone: {phone}.\n") +
            $"Check the status any time: type *status abh {code}*.",
        LetterKept = "We have received the request letter.",
        NotSent = "All right, the accompaniment request was *not sent* and nothing was kept. Type *menu* for other services.",
        LeaveAsk = (filled, total) => $"The accompaniment request is not sent yet ({filled} of {total} items filled). Leave the form? Your answers are kept as a draft; choose this service again to continue.",
        NotFound = code => $"We could not find accompaniment request *{code}*. Please check the number (e.g. ABH-7K2M9Q).",
        Paused = until => $"Too many numbers we could not find. Please try again after {until}.",
        Busy = until => $"The status service is busy. Please try again after {until}.",
        Status = (code, label, received, next) => $"Status of accompaniment request *{code}* (received {received}): *{label}*.\n{next}",
        Statuses = new Dictionary<AbhRequestStatus, (string, string)>
        {
            [AbhRequestStatus.Received] = ("Received", "The officer on duty hands the request to the head of office now."),
            [AbhRequestStatus.WithHead] = ("Waiting for the head's disposition", "The head dispositions the request to the Kasubsi BKA."),
            [AbhRequestStatus.Disposed] = ("Dispositioned", "The Kasubsi BKA appoints a probation officer (PK)."),
            [AbhRequestStatus.Appointed] = ("PK appointed", "The PK sets off shortly; we will tell you their name and number."),
            [AbhRequestStatus.Acknowledged] = ("PK on the way", "The PK is on the way to the child or already with them."),
            [AbhRequestStatus.Accompanied] = ("Accompaniment under way", "The accompaniment has started and is recorded."),
        },
        PkComing = (code, pk, pkPhone, officePhone) =>
            $"News of accompaniment request *{code}*: probation officer *{pk}* has set off to accompany the child. " +
            (pkPhone is not null ? $"The PK's number: *{pkPhone}*." : officePhone is not null ? $"Reach the PK through the office telephone: {officePhone}." : "The PK will contact you."),
        EmailSubject = code => $"ABH accompaniment request {code}",
        NotSet = "—",
        At = "at",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        AlertNew = (code, institution, received) =>
            $"🔔 *ABH accompaniment request {code}*\nFrom: {institution}\nReceived: {received}\nPlease take it and hand it to the head of office (standard: 1 hour).",
        AlertWaiting = (code, step) => $"🔔 *ABH accompaniment {code}* is waiting for you: {step}.",
        AlertEscalated = (code, step, since, asWhom) =>
            $"⚠️ *Not handled yet:* ABH accompaniment {code} has been waiting for {step} since {since}. You are told as {asWhom}; please make sure it is handled now.",
        AsNextOnDuty = "the next officer on duty",
        AsHead = "the head of office",
        OpenConsole = url => url is null ? "Open the officer console, menu *ABH*." : $"Open: {url}",
        AlertSubject = code => $"[ABH] Accompaniment request {code}",
        WaitingFor = new Dictionary<AbhRequestStatus, string>
        {
            [AbhRequestStatus.Received] = "being handed to the head of office",
            [AbhRequestStatus.WithHead] = "the head's disposition to the Kasubsi BKA",
            [AbhRequestStatus.Disposed] = "the Kasubsi BKA appointing a PK",
            [AbhRequestStatus.Appointed] = "the PK confirming they set off (within 1 hour of the disposition)",
        },
    };
}
