namespace ChatBot.Domain;

/// <summary>
/// Settings the service cannot run with. Thrown at start with every problem found, each naming its
/// key, so the command line can print them as a list and exit instead of a stack trace.
/// </summary>
public sealed class SettingsException : InvalidOperationException
{
    public SettingsException(IEnumerable<string> problems)
        : this([.. problems])
    {
    }

    public SettingsException(string problem)
        : this([problem])
    {
    }

    private SettingsException(List<string> problems)
        : base("The settings have problems:\n- " + string.Join("\n- ", problems)) => Problems = problems;

    /// <summary>One sentence a problem, naming the setting, e.g. "Channels:WhatsApp:MaxSendsPerSecond must be between 1 and 1000."</summary>
    public IReadOnlyList<string> Problems { get; }
}
