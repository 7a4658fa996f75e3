namespace ChatBot.Bot.Flows.Help;

public sealed partial record HelpTexts
{
    public static readonly HelpTexts English = new()
    {
        Body = (office, hours) =>
            $"""
            *Help*
            This is the chat service of {office}. You can register a video-call visit, ask about a litmas, get early-release information, and file a complaint. Every service is *free of charge*.

            Commands you can type at any time:
            • *menu*: back to the main menu
            • *cancel*: stop what you are doing
            • *back*: go back to the previous question
            • *officer*: ask for an officer
            • *bahasa*: switch to Indonesian

            Officer service hours: {hours}.
            """,
    };
}
