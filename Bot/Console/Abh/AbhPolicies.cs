namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary>The console's policies for ABH accompaniment.</summary>
public static class AbhPolicies
{
    /// <summary>
    /// The roles that handle ABH (head, Kasubsi, PK): they read the transcripts of ABH requests, where the
    /// child's data was typed. On the request pages the officer on duty for the request sees it too.
    /// </summary>
    public const string Handling = "abh-handling";

    /// <summary>Who keeps the on-duty roster: the head, the Kasubsi and admins. Everyone may read it.</summary>
    public const string Roster = "abh-roster";
}
