using ChatBot.Domain;

namespace ChatBot.Bot.Hosting;

/// <summary>
/// Collects every settings problem found while the service is composed, so one start names them all:
/// values that do not convert (a word where a number belongs) and the checks of each part.
/// </summary>
internal sealed class SettingsCheck(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    /// <summary>
    /// Binds a section and checks it (<see cref="SettingsValidation"/>); a value that does not convert or
    /// breaks a rule is a problem, and the defaults stand in.
    /// </summary>
    public T Section<T>(string path)
        where T : class, new()
    {
        T? bound = null;
        Run(() => bound = Bind<T>(configuration, path));
        return bound ?? new T();
    }

    /// <summary>Binds a section and checks it; throws a <see cref="SettingsException"/> naming every problem.</summary>
    public static T Bind<T>(IConfiguration configuration, string path)
        where T : class, new()
    {
        T bound;
        try
        {
            bound = configuration.GetSection(path).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex) when (IsConversionFailure(ex))
        {
            throw new SettingsException(ex.Message);
        }

        return SettingsValidation.Checked(bound, path);
    }

    /// <summary>Runs part of the composition; its settings problems are collected instead of ending it.</summary>
    public void Run(Action compose)
    {
        try
        {
            compose();
        }
        catch (SettingsException ex)
        {
            _problems.AddRange(ex.Problems);
        }
        catch (InvalidOperationException ex) when (IsConversionFailure(ex))
        {
            _problems.Add(ex.Message);
        }
    }

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new SettingsException(_problems);
        }
    }

    /// <summary>The configuration binder's "Failed to convert configuration value at 'X' to type 'Y'."</summary>
    public static bool IsConversionFailure(Exception ex) =>
        ex is InvalidOperationException && ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);
}
