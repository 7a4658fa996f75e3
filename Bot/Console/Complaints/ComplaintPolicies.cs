namespace ChatBot.Bot.OfficerConsole.Complaints;

/// <summary>Who may open the complaint pages (registered by the console setup).</summary>
public static class ComplaintPolicies
{
    /// <summary>The complaint list and a complaint's handling: every officer (the responsible official may hold any role).</summary>
    public const string Complaints = "complaints";

    /// <summary>
    /// Who filed a named complaint (name, number or address): the head of office and the complaints
    /// desk only. For an anonymous complaint nobody sees it.
    /// </summary>
    public const string Reporter = "complaint-reporter";
}
