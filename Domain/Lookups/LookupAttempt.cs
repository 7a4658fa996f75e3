using ChatBot.Domain.Conversations;

namespace ChatBot.Domain.Lookups;

/// <summary>
/// One try by a person to look something up by a number, a code or a name the bot must not confirm
/// to strangers (a litmas number, an inmate, a complaint or integration code). Kept so that guessing
/// can be slowed down and officers can see who tried what.
/// </summary>
public sealed class LookupAttempt
{
    public long Id { get; set; }

    /// <summary>What was looked up, e.g. <see cref="LookupKinds.Litmas"/>.</summary>
    public required string Kind { get; set; }

    public int OfficeId { get; set; }

    public ChannelKind Channel { get; set; }

    /// <summary>The person's address on the channel (phone number or e-mail address).</summary>
    public required string Sender { get; set; }

    /// <summary>What the person typed, normalised and cut to 64 characters.</summary>
    public required string Query { get; set; }

    public bool Found { get; set; }

    public DateTime At { get; set; }
}

public static class LookupKinds
{
    public const string Litmas = "litmas";
    public const string Inmate = "inmate";

    /// <summary>A complaint's status by its <c>ADU-</c> code.</summary>
    public const string Complaint = "complaint";

    /// <summary>An integration-information request's status by its <c>INF-</c> code.</summary>
    public const string Integration = "integration";

    /// <summary>A supervised client identified by registration number and birth date.</summary>
    public const string Client = "client";

    /// <summary>An out-of-town permit's status by its <c>IZN-</c> code.</summary>
    public const string Permit = "permit";

    /// <summary>An ABH accompaniment request's status by its <c>ABH-</c> code.</summary>
    public const string Abh = "abh";

    /// <summary>An outreach request's status by its <c>SOS-</c> code.</summary>
    public const string Outreach = "outreach";
}
