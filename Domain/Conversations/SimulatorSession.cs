namespace ChatBot.Domain.Conversations;

/// <summary>
/// Who holds a simulated phone number: the browser tab or <c>chat</c> process that claimed it. Only
/// the SHA-256 hash of the session's token is kept. There is at most one row per number; a row
/// whose <see cref="LastSeenAt"/> is older than the idle timeout no longer counts, and the next
/// claim (of any number) removes it.
/// </summary>
public sealed class SimulatorSession
{
    public long Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token the client holds.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The simulated number, normalised to E.164: personal data in a real deployment's logs.</summary>
    public required string Address { get; set; }

    /// <summary>The session sees only what was written to and from its number since this instant.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>The last request with the token (written at most about once a minute).</summary>
    public DateTime LastSeenAt { get; set; }
}
