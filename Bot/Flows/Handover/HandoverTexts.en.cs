using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.Handover;

public sealed partial record HandoverTexts
{
    public static readonly HandoverTexts English = new()
    {
        Menu = new("Talk to an officer", ["officer", "operator", "human", "agent"]),
        OfficerUnavailable = (office, reach) =>
            $"Chatting with an officer of {office} is not available here. {reach}",
        Queued = place => $"We have passed your request to an officer. You are number *{place}* in the queue. Please wait; an officer will reply here.",
        StillQueued = place => $"Sorry for the wait. Your request has been passed on and you are still number *{place}* in the queue. An officer will reply here; the messages you send are kept for the officer.",
        OutsideHours = (hours, next) => $"It is outside officer service hours ({hours}). Officers will reply from {next}.",
        HowToCancel = "Type *cancel* if you no longer need an officer.",
        CancelledByUser = "Your request to talk to an officer was cancelled.",
        TicketAnswered = (code, officer, office) =>
            $"Your message with ticket number *{code}* is now being answered by an officer of {office} ({officer}). Their reply follows here; you can also write to them directly.",
        Taken = (officer, office) => $"You are now talking to an officer of {office} ({officer}). Please tell us what you need.",
        HandedBack = "The officer has finished and handed you back to the automatic service.",
        Closed = "The conversation with the officer is closed. Thank you. Type *menu* if you need anything else.",
        NobodyAnswered = "Sorry, no officer is able to reply at the moment.",
        LeaveMessagePrompt = "Please write your message in one message. We will record it and an officer will follow it up.",
        MessageLeft = code => $"Thank you, your message is recorded with ticket number *{code}*. An officer will follow it up and reply here. Type *menu* for other services.",
        DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    };
}
