using ChatBot.Bot.Hosting;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Cli;

/// <summary>
/// <c>officer add NAME --role ROLE [--office CODE] [--password P] [--name "Display Name"]</c>: creates a
/// console account. Without <c>--password</c> it asks for one (twice, hidden when typed at a terminal).
/// </summary>
public static class OfficerCommand
{
    public const string Roles = "admin, kepala, pk, petugas-kunjungan, petugas-layanan";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[0] != "add" || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine($"Usage: officer add NAME --role ROLE [--office CODE] [--password P] [--name \"Display Name\"]\nRoles: {Roles}");
            return 2;
        }

        var role = ParseRole(CommandLine.Option(args, "--role"));
        if (role is null)
        {
            Console.Error.WriteLine($"--role is required, one of: {Roles}");
            return 2;
        }

        using var host = BotHost.BuildCommandLine([.. CommandLine.OnlyConfiguration(args), "--Logging:Console:Enabled=false"]);
        await StoreStartup.InitializeAsync(host.Services, CancellationToken.None);
        var offices = host.Services.GetRequiredService<OfficeDirectory>();
        var code = CommandLine.Option(args, "--office");
        var office = code is null ? (offices.All.Count == 1 ? offices.All[0] : null) : offices.FindByCode(code);
        if (office is null)
        {
            Console.Error.WriteLine(code is null
                ? $"There are several offices; name one with --office CODE ({string.Join(", ", offices.All.Select(o => o.Code))})."
                : $"No office has the code '{code}' ({string.Join(", ", offices.All.Select(o => o.Code))}).");
            return 2;
        }

        var accounts = host.Services.GetRequiredService<OfficerAccounts>();
        var userName = args[1].Trim().ToLowerInvariant();
        var password = CommandLine.Option(args, "--password") ?? AskPassword();
        if (password is null)
        {
            return 2;
        }

        try
        {
            await accounts.CreateAsync(userName, CommandLine.Option(args, "--name") ?? userName, role.Value, office.Id, password, "cli", CancellationToken.None);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        Console.WriteLine($"Officer '{userName}' ({role}) created for {office.Name}. Sign in at /console.");
        return 0;
    }

    /// <summary>Reads a role the way people write it: "petugas-layanan", "service_officer", "VisitOfficer", "kepala".</summary>
    internal static OfficerRole? ParseRole(string? text) =>
        new string((text ?? "").Where(char.IsLetter).ToArray()).ToLowerInvariant() switch
        {
            "admin" or "administrator" => OfficerRole.Admin,
            "kepala" or "head" or "kalapas" or "karutan" or "kabapas" => OfficerRole.Kepala,
            "pk" or "pembimbingkemasyarakatan" => OfficerRole.Pk,
            "petugaskunjungan" or "kunjungan" or "visit" or "visitofficer" => OfficerRole.VisitOfficer,
            "petugaslayanan" or "layanan" or "pengaduan" or "petugaspengaduan" or "service" or "serviceofficer" => OfficerRole.ServiceOfficer,
            _ => null,
        };

    private static string? AskPassword()
    {
        var first = ReadSecret("Password: ");
        if (Console.IsInputRedirected)
        {
            return first;
        }

        var second = ReadSecret("Repeat the password: ");
        if (first != second)
        {
            Console.Error.WriteLine("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string? ReadSecret(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
