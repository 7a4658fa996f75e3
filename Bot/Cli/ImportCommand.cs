using ChatBot.Bot.Hosting;

namespace ChatBot.Bot.Cli;

/// <summary>One kind of file <c>import KIND FILE</c> reads (registered in the service container).</summary>
public interface IImporter
{
    /// <summary>The word after <c>import</c>, e.g. <c>wbp</c> or <c>litmas</c>.</summary>
    string Kind { get; }

    /// <summary>What the file must look like, for the usage text.</summary>
    string Description { get; }

    /// <summary>
    /// Imports the file: everything or nothing. Problems are written to <paramref name="error"/>
    /// with their line numbers; returns the process exit code (0 done, 1 bad file).
    /// </summary>
    Task<int> ImportAsync(string path, string? officeCode, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}

/// <summary><c>import KIND FILE [--office CODE]</c>: loads a CSV file into the store.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = BotHost.BuildCommandLine([.. CommandLine.OnlyConfiguration(args), "--Logging:Console:Enabled=false"]);
        var importers = host.Services.GetServices<IImporter>().ToList();
        var kinds = string.Join(", ", importers.Select(i => i.Kind));
        if (args.Length < 2 || args[0].StartsWith('-') || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine($"Usage: import KIND FILE [--office CODE]   (kinds: {kinds})");
            foreach (var importer in importers)
            {
                Console.Error.WriteLine($"  {importer.Kind}: {importer.Description}");
            }
            return 2;
        }

        var chosen = importers.FirstOrDefault(i => string.Equals(i.Kind, args[0], StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            Console.Error.WriteLine($"Nothing imports '{args[0]}'; the kinds are: {kinds}.");
            return 2;
        }

        if (!File.Exists(args[1]))
        {
            Console.Error.WriteLine($"The file '{args[1]}' does not exist.");
            return 2;
        }

        await StoreStartup.InitializeAsync(host.Services, CancellationToken.None);
        return await chosen.ImportAsync(args[1], CommandLine.Option(args, "--office"), Console.Out, Console.Error, CancellationToken.None);
    }
}
