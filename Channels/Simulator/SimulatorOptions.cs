using ChatBot.Domain;

namespace ChatBot.Channels.Simulator;

/// <summary>Bound from <c>Channels:Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Channels:Simulator";

    /// <summary>
    /// The local channel (<c>/simulator</c>, <c>chat</c>); served only to this machine or a signed-in
    /// officer. When the setting is left out, see <see cref="EnabledByDefault"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether the simulator is on when <c>Channels:Simulator:Enabled</c> is not set: on a developer's
    /// machine, yes; on a deployment with a real channel (WhatsApp or e-mail), no. There a proxy that
    /// adds no header would make every visitor look local, so it must be switched on explicitly.
    /// </summary>
    public static bool EnabledByDefault(bool whatsApp, bool email) => !whatsApp && !email;

    /// <summary>A simulator session nobody used for this long is over, and its number is free again.</summary>
    [Positive]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
