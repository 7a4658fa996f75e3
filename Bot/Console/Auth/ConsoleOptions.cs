using ChatBot.Domain;
namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>Bound from <c>Console</c>; checked on start (<see cref="Read"/>).</summary>
public sealed class ConsoleOptions : ISettingsRules
{
    public const string Section = "Console";

    /// <summary>A signed-in officer who does nothing for this long must sign in again.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>However active, an officer signs in again this long after signing in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int LockoutThreshold { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest accepted password.</summary>
    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>Failed sign-ins a minute from one client address (an IPv6 client: its /64) before it is refused for a while.</summary>
    public int SignInAttemptsPerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins a minute for one user name, from anywhere, before it is refused for a while.</summary>
    public int SignInAttemptsPerUserName { get; set; } = 10;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SessionTimeout <= TimeSpan.Zero)
        {
            problems.Add("Console:SessionTimeout must be positive.");
        }

        if (SessionLifetime < SessionTimeout)
        {
            problems.Add("Console:SessionLifetime must be at least Console:SessionTimeout.");
        }

        if (LockoutThreshold < 1 || LockoutDuration <= TimeSpan.Zero)
        {
            problems.Add("Console:LockoutThreshold must be at least 1 and Console:LockoutDuration positive.");
        }

        if (MinimumPasswordLength < 1)
        {
            problems.Add("Console:MinimumPasswordLength must be at least 1.");
        }

        if (SignInAttemptsPerAddress < 1 || SignInAttemptsPerUserName < 1)
        {
            problems.Add("Console:SignInAttemptsPerAddress and Console:SignInAttemptsPerUserName must be at least 1.");
        }

        return problems;
    }
}
