namespace ChatBot.Bot.Flows.Clients;

public sealed partial record ClientTexts
{
    public static readonly ClientTexts English = new()
    {
        AskNumber = "Type the *client's registration number* (on the guidance card or a letter from the Bapas, e.g. PB-123/BPS/2026).",
        NumberHelp = "The Bapas gives the client a registration number when supervision starts; it is on the guidance card or the Bapas's letters. If you do not know it, ask the client's PK or type *officer*.",
        AskBirthDate = "Type the *client's date of birth* (e.g. 17-08-1990).",
        BirthDateHelp = "The client's date of birth confirms that you are, or act for, the client. Write day, month and year, e.g. 17-08-1990 or 17 August 1990.",
        NotMatched = "Sorry, we could not match the client's details. Please check the registration number and the client's date of birth, or type *officer* for help.",
        Matched = number => $"The client with registration number *{number}* is matched.",
        Paused = until => $"Sorry, there have been too many attempts to match a client. To keep data confidential, please try again after {until}, or type *officer* for help.",
        Busy = until => $"Sorry, client matching is very busy right now. Please try again after {until}, or contact our office (type *officer* for help).",
    };
}
