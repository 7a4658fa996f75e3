using ChatBot.Bot.Hosting;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Cli;

/// <summary>
/// Console accounts on the command line, with the same checks and audit log as the console's
/// officer pages (<see cref="OfficerAccounts"/>): <c>officer add NAME --role ROLE [--office CODE]
/// [--password P] [--name "Display Name"] [--phone P] [--email E]</c>,
/// <c>officer set NAME [--role R] [--office CODE] [--name N] [--phone P] [--email E]</c> (an empty value removes a telephone or e-mail),
/// <c>officer disable|enable NAME</c>, <c>officer password NAME [--password P]</c> and <c>officer list</c>.
/// A password not given is asked for (twice, hidden when typed at a terminal).
/// </summary>
public static class OfficerCommand
{
    public const string Roles = "admin, kepala, kasubsi, pk, petugas-kunjungan, petugas-layanan";

    public const string Usage = $"""
        Usage: officer add NAME --role ROLE [--office CODE] [--password P] [--name "Display Name"]
                          [--phone NUMBER] [--email ADDRESS]
               officer set NAME [--role ROLE] [--office CODE] [--name "Display Name"]
                          [--phone NUMBER] [--email ADDRESS]   (--phone "" removes the number)
               officer disable NAME | officer enable NAME
               officer password NAME [--password P]      set a new password (asked for when not given)
               officer list
        Roles: {Roles}
        The telephone (WhatsApp) and e-mail are where on-duty alerts reach the officer.
        Every change of role, office or status ends the account's open console sessions.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 ? args[0].ToLowerInvariant() : "";
        if (verb is not ("add" or "set" or "disable" or "enable" or "password" or "list") || (verb != "list" && (args.Length < 2 || args[1].StartsWith('-'))))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var roleText = CommandLine.Option(args, "--role");
        var role = ParseRole(roleText);
        if ((verb == "add" || roleText is not null) && role is null)
        {
            Console.Error.WriteLine($"--role {(verb == "add" ? "is required, " : "")}one of: {Roles}");
            return 2;
        }

        using var host = BotHost.BuildCommandLine([.. CommandLine.OnlyConfiguration(args), "--Logging:Console:Enabled=false"]);
        await StoreStartup.InitializeAsync(host.Services, CancellationToken.None);
        var offices = host.Services.GetRequiredService<OfficeDirectory>();
        var accounts = host.Services.GetRequiredService<OfficerAccounts>();
        if (verb == "list")
        {
            foreach (var officer in await accounts.ListAsync(CancellationToken.None))
            {
                Console.WriteLine($"{officer.UserName,-24} {officer.Role,-15} {offices.Find(officer.OfficeId)?.Code,-16} {(officer.Active ? "active" : "disabled")}  {officer.DisplayName}");
            }

            return 0;
        }

        var code = CommandLine.Option(args, "--office");
        var office = code is null ? (verb == "add" && offices.All.Count == 1 ? offices.All[0] : null) : offices.FindByCode(code);
        if (office is null && (verb == "add" || code is not null))
        {
            Console.Error.WriteLine(code is null
                ? $"There are several offices; name one with --office CODE ({string.Join(", ", offices.All.Select(o => o.Code))})."
                : $"No office has the code '{code}' ({string.Join(", ", offices.All.Select(o => o.Code))}).");
            return 2;
        }

        var userName = OfficerAccounts.NormalizeUserName(args[1]);
        try
        {
            if (verb == "add")
            {
                var password = CommandLine.Option(args, "--password") ?? AskPassword();
                if (password is null)
                {
                    return 2;
                }

                var created = await accounts.CreateAsync(
                    userName, CommandLine.Option(args, "--name") ?? userName, role!.Value, office!.Id, password,
                    new OfficerContact(CommandLine.Option(args, "--phone"), CommandLine.Option(args, "--email")), "cli", CancellationToken.None);
                Console.WriteLine($"Officer '{userName}' ({role}) created for {office.Name}{Alerts(created)}. Sign in at /console.");
                return 0;
            }

            var existing = await accounts.FindAsync(userName, CancellationToken.None);
            if (existing is null)
            {
                Console.Error.WriteLine($"No officer has the user name '{userName}' (officer list shows them).");
                return 2;
            }

            if (verb == "password")
            {
                var password = CommandLine.Option(args, "--password") ?? AskPassword();
                if (password is null)
                {
                    return 2;
                }

                await accounts.ResetPasswordAsync(existing.Id, password, "cli", CancellationToken.None);
                Console.WriteLine($"New password set for '{userName}'; their open sessions have ended.");
                return 0;
            }

            var change = verb switch
            {
                "disable" => new OfficerChange(Active: false),
                "enable" => new OfficerChange(Active: true),
                _ => new OfficerChange(CommandLine.Option(args, "--name"), role, office?.Id, Phone: CommandLine.Option(args, "--phone"), Email: CommandLine.Option(args, "--email")),
            };
            var saved = await accounts.UpdateAsync(existing.Id, change, actingOfficerId: 0, "cli", CancellationToken.None);
            Console.WriteLine($"Officer '{saved.UserName}': {saved.Role} at {offices.Find(saved.OfficeId)?.Code}, {(saved.Active ? "active" : "disabled")}{Alerts(saved)}.");
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    /// <summary>", alerts to +62812****7890 and d***@bapas.go.id": where on-duty alerts go, masked as the logs mask them.</summary>
    private static string Alerts(Officer officer)
    {
        var to = new[] { officer.Phone is { } phone ? Dialogs.Recognizers.PhoneRecognizer.Mask(phone) : null, officer.Email is { } email ? Logging.PersonalDataMasker.Mask(email) : null }
            .OfType<string>()
            .ToList();
        return to.Count == 0 ? "" : $", alerts to {string.Join(" and ", to)}";
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
            "kasubsi" or "kasubsibka" or "kasubsibkd" or "kasubsibimbinganklien" => OfficerRole.Kasubsi,
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
