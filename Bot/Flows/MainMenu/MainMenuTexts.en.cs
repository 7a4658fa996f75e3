namespace ChatBot.Bot.Flows.MainMenu;

public sealed partial record MainMenuTexts
{
    public static readonly MainMenuTexts English = new()
    {
        Welcome = office => $"Welcome to the information service of *{office}*. All of these services are *free of charge*.",
        ChooseService = "Please choose a service by replying with its number:",
        Labels = new Dictionary<string, string>
        {
            ["visit"] = "Video-call visit registration",
            ["litmas"] = "Litmas (social inquiry report) status",
            ["integration"] = "Early-release information (asimilasi, PB, CB, CMB)",
            ["complaint"] = "Complaint",
            ["permit"] = "Out-of-town permit",
            ["officer"] = "Talk to an officer",
        },
        Synonyms = new Dictionary<string, string[]>
        {
            ["visit"] = ["visit", "video call", "vc", "call", "visit status", "my visit"],
            ["litmas"] = ["litmas", "social inquiry", "report status"],
            ["integration"] = ["integration", "early release", "parole", "asimilasi", "pb", "cb", "cmb"],
            ["complaint"] = ["complaint", "complain", "report"],
            ["permit"] = ["permit", "travel", "out of town"],
            ["officer"] = ["officer", "operator", "human", "agent"],
        },
        ComingSoon = label => $"\"{label}\" is coming to this chat soon. Until then, please visit or contact our office during service hours.",
        OfficerUnavailable = (office, hours) =>
            $"Chatting with an officer is not available here. Please contact the officers of {office} during service hours: {hours}.",
        NoServices = "Sorry, no service is available over chat at the moment.",
        Weekdays = "Monday–Friday",
    };
}
