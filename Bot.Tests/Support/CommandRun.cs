using System.Diagnostics;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// Runs the built service's command line (<c>dotnet ChatBot.Bot.dll ARGS</c>) as a process, the way
/// a newcomer types it, on the store in <paramref name="directory"/>, and returns its exit code
/// with standard output and error together.
/// </summary>
public static class CommandRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, IEnumerable<string> args, string? input = null, TimeSpan? timeout = null)
    {
        var start = Start(directory, args);
        start.RedirectStandardInput = input is not null;
        start.ArgumentList.Add($"--ConnectionStrings:ChatBot=Data Source={Path.Combine(directory, "chatbot.db")}");
        start.ArgumentList.Add("--Logging:File:Enabled=false");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not end:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>The process to start, for a test that drives it itself (input line by line, signals).</summary>
    public static ProcessStartInfo Start(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBot.Bot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
