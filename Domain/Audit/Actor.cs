namespace ChatBot.Domain.Audit;

/// <summary>
/// Who took a step, as every record of a step keeps it (request history, litmas stage changes):
/// the officer's id, null when the person, the service or an import did it, and the name shown then.
/// </summary>
public sealed record Actor(int? OfficerId, string Name)
{
    /// <summary>The person, through the bot.</summary>
    public static readonly Actor Citizen = new(null, "warga");

    /// <summary>A file imported from the command line.</summary>
    public static readonly Actor Import = new(null, "import");

    public static Actor Officer(int officerId, string userName) => new(officerId, userName);
}
