using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.MainMenu;

public sealed partial record MainMenuTexts
{
    public static readonly MainMenuTexts English = new()
    {
        Welcome = office => $"Welcome to the information service of *{office}*. All of these services are *free of charge*.",
        ChooseService = "Please choose a service by replying with its number:",
        ComingSoon = (label, reach) => $"\"{label}\" is coming to this chat soon. Until then: {reach}",
        NoServices = "Sorry, no service is available over chat at the moment.",
    };
}
