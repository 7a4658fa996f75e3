using ChatBot.Bot.Hosting;

namespace ChatBot.Bot.Cli;

/// <summary>The commands of <c>dotnet run --project Bot -- COMMAND</c>.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project Bot -- [command] [options]

        Commands:
          serve                     run the service (default) on http://127.0.0.1:5080
          chat --from PHONE         chat with the bot in the terminal (reads stdin line by line)
               [--office CODE]      as a person writing to that office
               [--url URL]          to the service at URL (default: the configured Urls;
                                    with no service there, it runs the pipeline itself and says so)
          migrate                   create or upgrade the store, then exit
          officer add NAME --role ROLE [--office CODE] [--password P] [--name "Full Name"]
                    [--phone NUMBER] [--email ADDRESS]
                                    create a console account (roles: admin, kepala, kasubsi, pk,
                                    petugas-kunjungan, petugas-layanan); asks for the password;
                                    the phone and e-mail receive on-duty alerts
          officer set|disable|enable|password NAME, officer list
                                    change, disable, re-enable an account or set its password
          office list | add CODE --name N --type T | set CODE [settings]
                                    list, add or change offices: address, phone, hours,
                                    services, WhatsApp number, mailbox, holidays
                                    (dotnet run --project Bot -- office for the settings)
          import KIND FILE [--office CODE]
                                    load a CSV file: wbp (the inmate roster), litmas (cases),
                                    klien (the client register of a Bapas)
          bench [--rate N] [--users N] [--seconds S] [--json]
                                    measure turns per second through the whole pipeline
          help                      this text

        Configuration: appsettings.json, environment variables (Channels__WhatsApp__AuthToken)
        or --Key=value arguments (--ConnectionStrings:ChatBot="Data Source=other.db").
        """;

    /// <summary>Exit code when the settings are wrong (each problem is printed, no stack trace).</summary>
    public const int BadSettings = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await RunCommandAsync(args);
        }
        catch (Exception ex) when (SettingsProblems(ex) is { } problems)
        {
            Console.Error.WriteLine("The service cannot start with these settings:");
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"- {problem}");
            }

            Console.Error.WriteLine("Fix them in appsettings.json, the environment or the --Key=value arguments (see README.md).");
            return BadSettings;
        }
    }

    /// <summary>The settings problems behind a start-up failure, or null when it is not one.</summary>
    internal static IReadOnlyList<string>? SettingsProblems(Exception ex) => ex switch
    {
        Domain.SettingsException settings => settings.Problems,
        _ when SettingsCheck.IsConversionFailure(ex) => [ex.Message],
        AggregateException aggregate => aggregate.InnerExceptions.Select(SettingsProblems).OfType<IReadOnlyList<string>>().SelectMany(p => p).ToList() is { Count: > 0 } all ? all : null,
        { InnerException: { } inner } => SettingsProblems(inner),
        _ => null,
    };

    private static async Task<int> RunCommandAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        switch (command)
        {
            case "serve":
                var app = BotHost.BuildWeb(rest);
                await app.StartAsync();
                Console.WriteLine($"The chatbot service is running. Simulator: {string.Join(", ", app.Urls.Select(u => u.TrimEnd('/') + "/simulator"))}  (Ctrl+C stops it)");
                await app.WaitForShutdownAsync();
                return 0;
            case "chat":
                return await ChatCommand.RunAsync(rest);
            case "migrate":
                using (var host = BotHost.BuildCommandLine(OnlyConfiguration(rest)))
                {
                    // Only the store: the workers (which would send queued messages) are not started.
                    await StoreStartup.InitializeAsync(host.Services, CancellationToken.None);
                }

                Console.WriteLine("The store is up to date.");
                return 0;
            case "bench":
                return await BenchCommand.RunAsync(rest);
            case "officer":
                return await OfficerCommand.RunAsync(rest);
            case "import":
                return await ImportCommand.RunAsync(rest);
            case "office":
                return await OfficeCommand.RunAsync(rest);
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                Console.Error.WriteLine($"Unknown command '{command}'.\n");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static readonly string[] CommandOptions = ["--from", "--url", "--office", "--users", "--seconds", "--rate", "--json", "--local", "--role", "--password", "--name", "--phone", "--email", .. OfficeCommand.Options];

    /// <summary>Keeps the --Key=value configuration arguments and drops a command's own options.</summary>
    internal static string[] OnlyConfiguration(string[] args) =>
        args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')
            && !CommandOptions.Any(o => a.StartsWith(o + "=", StringComparison.OrdinalIgnoreCase))).ToArray();

    /// <summary>The value after <paramref name="name"/>, e.g. <c>--from +62…</c>.</summary>
    internal static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (string.Equals(args[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1 < args.Length ? args[i + 1] : null;
            }

            if (args[i].StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    internal static bool Flag(string[] args, string name) => args.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
}
