namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>Bound from <c>Console</c>.</summary>
public sealed class ConsoleOptions
{
    /// <summary>A signed-in officer who does nothing for this long must sign in again.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int LockoutThreshold { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest accepted password.</summary>
    public int MinimumPasswordLength { get; set; } = 10;
}
