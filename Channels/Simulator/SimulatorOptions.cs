namespace ChatBot.Channels.Simulator;

/// <summary>Bound from <c>Channels:Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Channels:Simulator";

    /// <summary>The local channel (<c>/simulator</c>, <c>chat</c>); served only to this machine or a signed-in officer.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A simulator session nobody used for this long is over, and its number is free again.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
