namespace ChatBot.Bot.Dialogs;

public sealed partial record DialogTexts
{
    public static readonly DialogTexts English = new()
    {
        Yes = "Yes",
        No = "No",
        EmptyAnswer = "Please write your answer.",
        Weekdays = "Monday–Friday",
        TooLong = max => $"That answer is too long. Please keep it under {max} characters.",
        ChooseNumber = count => count > 0
            ? $"Sorry, I did not recognise that choice. Reply with a number from 1 to {count}, or write the option's name."
            : "Sorry, I did not recognise that choice.",
        AnswerYesNo = "Please answer *yes* or *no*.",
        NumberOnly = "Please answer with a number, for example 2.",
        NumberBetween = (min, max) => $"Please answer with a number from {min} to {max}.",
        DateFormat = "I did not understand that date. Examples: 25-12-2026, 25 December, or tomorrow.",
        DateNotPast = "That date has passed. Please choose today or a later date.",
        DateNotFuture = "That date is in the future. Please write today's date or an earlier one.",
        PhoneFormat = "That phone number does not look right. Example: 081234567890.",
        EmailFormat = "That e-mail address does not look right. Example: name@gmail.com.",
        EmailTypo = suggestion => $"Did you mean {suggestion}? If so, please write that address again.",
        NikLength = "A NIK has 16 digits, as printed on the KTP. Please check it.",
        NikInvalid = "That NIK does not match the KTP format. Please check the digits.",
        AttachmentMissing = "Please send the photo (JPG/PNG) or a PDF file.",
        AttachmentType = "We cannot accept that file. Please send a photo (JPG/PNG) or a PDF.",
        AttachmentSize = bytes => $"That file is too large. The limit is {Megabytes(bytes)} MB.",
        QuestionAtPrompt = "That looks like a question. For an explanation type *help*, or *officer* to ask an officer directly.",
        AskedAgain = "Please answer this question:",
        NoEmailHint = "If you have no e-mail, type *none*.",
        NotAName = "Please write a full name, for example Siti Aminah.",
        OfferOfficer = "If this is difficult, type *officer* to get help from an officer, or *menu* for the main menu.",
        EmptyMessage = "Your message was empty. Please write your message.",
        EmailFooter = "Reply to this e-mail to answer; just write your answer on the first line. For a numbered choice, write its number or its name.\nCommands that always work: menu (main menu), cancel, back, help, officer (talk to an officer).",
        LinesNotRead = lines => $"(We have not read the next {lines} line(s) of your e-mail yet. Please answer the question above first.)",
        OnlyAttachment = "Thank you, we received the file. We only need files when we ask for them.",
        SummaryHint = items => $"Type *yes* if everything is right, or the number of the item (1–{items}) you want to correct. Type *cancel* if you do not want to go on.",
        WhichItem = "All right, which part would you like to correct? Type its number.",
        Cancelled = "All right, cancelled.",
        NothingToGoBackTo = "There is no previous step.",
        FlowRestarted = "Sorry, this service was just updated, so we need to start again from the beginning.",
        SomethingWentWrong = "Sorry, something went wrong while handling your message. Please try again, or type *officer*.",
        LanguageSwitched = "All right, let's continue in English.",
        FileRefusedType = "We cannot accept the file you sent. We only accept photos (JPG/PNG) or PDF.",
        FileRefusedSize = bytes => $"The file you sent is too large. The limit is {Megabytes(bytes)} MB.",
        FileUnavailable = "We could not download the file you sent. Please send it again.",
        OptedOut = "All right, you will not receive notifications from us any more. Send any message to receive them again.",
    };
}
