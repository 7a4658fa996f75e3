using ChatBot.Domain.Guidance;

namespace ChatBot.Bot.Flows.Guidance;

public sealed partial record GuidanceTexts
{
    public static readonly GuidanceTexts English = new()
    {
        KindName = (kind, town) => kind == GuidanceSessionKind.Counter ? $"BATAKO guidance counter in {town}" : "Group guidance",
        Invitation = (kind, topic, date, hours, place) =>
            $"*Invitation: {kind}*\nYou are invited, as a client of the Bapas, to {kind} on *{topic}*.\n" +
            $"Date: {date}\nTime: {hours}\nPlace: {place}\n\n" +
            "Please reply *HADIR* (attending), *TIDAK* (not attending) or *GANTI JADWAL* (another date). Bring your guidance card. This service is free of charge.",
        InvitationSubject = (kind, date) => $"Invitation: {kind}, {date}",
        Reminder = (kind, topic, date, hours, place) =>
            $"*Reminder: {kind}*\nTomorrow you are expected at: *{topic}*.\nDate: {date}\nTime: {hours}\nPlace: {place}\n" +
            "Bring your guidance card. If you cannot come, reply *TIDAK* or contact your PK.",
        ReminderSubject = (kind, date) => $"Reminder: {kind}, {date}",
        Attending = (kind, date) => $"Thank you, we have noted that you will attend {kind} on {date}. We will remind you the day before.",
        Declining = (kind, date) => $"Thank you, we have noted that you cannot attend {kind} on {date}. Your PK will follow up.",
        Reschedule = (kind, date) => $"Thank you, we have noted your request for another date instead of {kind} on {date}. Your PK will contact you.",
        WhichOne = answer => $"You have more than one invitation. Which one is *{answer}* for? Type its number.",
        WhichChoice = (date, kind, topic) => $"{date} — {kind}: {topic}",
        AnswerWords = new Dictionary<InvitationAnswer, string>
        {
            [InvitationAnswer.Attending] = "HADIR",
            [InvitationAnswer.Declining] = "TIDAK",
            [InvitationAnswer.Reschedule] = "GANTI JADWAL",
        },
        AnythingElse = "Type *menu* for other services.",
        NoAnswer = (kind, date, clients, count) =>
            $"{count} of your clients have not answered the invitation to {kind} on {date}:\n{clients}\nPlease contact them. Details in the console, *Bimbingan*.",
        NoAnswerSubject = (kind, date) => $"Clients have not answered the invitation to {kind}, {date}",
    };
}
