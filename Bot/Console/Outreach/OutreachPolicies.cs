namespace ChatBot.Bot.OfficerConsole.Outreach;

/// <summary>The console's policy for outreach requests.</summary>
public static class OutreachPolicies
{
    /// <summary>
    /// The roles that handle outreach requests (<see cref="Domain.Outreach.OutreachRules.Viewers"/>): they see the
    /// contact person's data, the letter, the report and the conversations the requests were filed in.
    /// </summary>
    public const string Outreach = "outreach";
}
