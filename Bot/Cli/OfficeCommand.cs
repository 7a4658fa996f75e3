using System.Globalization;
using ChatBot.Bot.Hosting;
using ChatBot.Bot.OfficerConsole.Offices;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Cli;

/// <summary>
/// <c>office list</c>, <c>office add CODE --name N --type T [settings]</c> and <c>office set CODE [settings]</c>:
/// the same checks, uniqueness and audit log as the console's office page (<see cref="OfficeSettings"/>).
/// </summary>
public static class OfficeCommand
{
    public const string Usage = """
        Usage: office list
               office add CODE --name "Office name" --type TYPE [settings]
               office set CODE [--code NEW] [--name "Office name"] [--type TYPE] [settings]
        Types: lapas, rutan, lpka, bapas, kanwil (a new office's services follow its type)
        Settings: --address "…" --phone "…" --whatsapp +62… --email office@… --timezone Asia/Jakarta
                  --hours 08:00-16:00 --days senin-jumat (or senin,rabu,sabtu)
                  --services kunjungan,litmas,integrasi,izin,pengaduan,petugas
                  --holidays 2026-12-25,2026-12-31 --region KANWIL-CODE (or none)
        An empty value (--phone "") clears a setting.
        """;

    internal static readonly string[] Options =
        ["--code", "--type", "--address", "--phone", "--whatsapp", "--email", "--timezone", "--hours", "--days", "--services", "--holidays", "--region"];

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 ? args[0].ToLowerInvariant() : "";
        if (verb is not ("list" or "add" or "set") || (verb != "list" && (args.Length < 2 || args[1].StartsWith('-'))))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var host = BotHost.BuildCommandLine([.. CommandLine.OnlyConfiguration(args), "--Logging:Console:Enabled=false"]);
        await StoreStartup.InitializeAsync(host.Services, CancellationToken.None);
        var directory = host.Services.GetRequiredService<OfficeDirectory>();
        if (verb == "list")
        {
            foreach (var o in directory.All)
            {
                var services = string.Join(", ", OfficeLabels.Services.Where(o.Offers).Select(ServiceKey));
                Console.WriteLine($"{o.Code,-16} {OfficeLabels.Type(o.Type),-7} {o.Name}  [{services}]{(o.IsDefault ? "  (default)" : "")}");
            }

            return 0;
        }

        var code = args[1];
        var problems = new List<string>();
        var edit = ReadSettings(args, directory, problems);
        OfficeType? type = CommandLine.Option(args, "--type") is { } typeText ? ParseType(typeText, problems) : null;
        if (problems.Count > 0)
        {
            return Refuse(problems);
        }

        var settings = host.Services.GetRequiredService<OfficeSettings>();
        OfficeChange change;
        if (verb == "add")
        {
            var name = CommandLine.Option(args, "--name");
            if (string.IsNullOrWhiteSpace(name) || type is null)
            {
                return Refuse(["--name and --type are required for a new office."]);
            }

            change = await settings.AddAsync(code, name, type.Value, edit, "cli", CancellationToken.None);
        }
        else
        {
            if (directory.FindByCode(code) is not { } office)
            {
                return Refuse([$"No office has the code '{code}' ({string.Join(", ", directory.All.Select(o => o.Code))})."]);
            }

            change = await settings.UpdateAsync(office.Id, o =>
            {
                o.Code = CommandLine.Option(args, "--code") ?? o.Code;
                o.Name = CommandLine.Option(args, "--name") ?? o.Name;
                o.Type = type ?? o.Type;
                edit(o);
            }, "cli", CancellationToken.None);
        }

        if (!change.Ok)
        {
            return Refuse(change.Problems);
        }

        var saved = change.Office!;
        Console.WriteLine($"Office {saved.Code} ({OfficeLabels.Type(saved.Type)}) {(verb == "add" ? "added" : "saved")}: {saved.Name}; services: {string.Join(", ", OfficeLabels.Services.Where(saved.Offers).Select(ServiceKey))}.");
        return 0;
    }

    private static int Refuse(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return 2;
    }

    /// <summary>The settings given on the command line, as an edit of an office; unreadable values go to <paramref name="problems"/>.</summary>
    private static Action<Office> ReadSettings(string[] args, OfficeDirectory directory, List<string> problems)
    {
        var edits = new List<Action<Office>>();
        void Text(string option, Action<Office, string?> set)
        {
            if (CommandLine.Option(args, option) is { } value)
            {
                edits.Add(o => set(o, value.Length == 0 ? null : value));
            }
        }

        Text("--address", (o, v) => o.Address = v);
        Text("--phone", (o, v) => o.Phone = v);
        Text("--whatsapp", (o, v) => o.WhatsAppNumber = v);
        Text("--email", (o, v) => o.EmailAddress = v);
        Text("--holidays", (o, v) => o.Holidays = v ?? "");
        Text("--timezone", (o, v) => o.TimeZoneId = v ?? "Asia/Jakarta");
        if (CommandLine.Option(args, "--hours") is { } hours)
        {
            var parts = hours.Split('-', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && TimeOnly.TryParse(parts[0].Replace('.', ':'), CultureInfo.InvariantCulture, out var opens)
                && TimeOnly.TryParse(parts[1].Replace('.', ':'), CultureInfo.InvariantCulture, out var closes))
            {
                edits.Add(o => (o.OpensAt, o.ClosesAt) = (opens, closes));
            }
            else
            {
                problems.Add($"--hours '{hours}': write it as 08:00-16:00.");
            }
        }

        if (CommandLine.Option(args, "--days") is { } days)
        {
            if (ParseDays(days) is { } mask)
            {
                edits.Add(o => o.WorkDays = mask);
            }
            else
            {
                problems.Add($"--days '{days}': write senin-jumat, or days separated by commas (senin,rabu,sabtu).");
            }
        }

        if (CommandLine.Option(args, "--services") is { } services)
        {
            var chosen = OfficeServices.None;
            foreach (var key in services.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var service = OfficeLabels.Services.FirstOrDefault(s => ServiceKey(s) == key.ToLowerInvariant() || s.ToString().Equals(key, StringComparison.OrdinalIgnoreCase));
                if (service == OfficeServices.None)
                {
                    problems.Add($"--services: unknown service '{key}' ({string.Join(", ", OfficeLabels.Services.Select(ServiceKey))}).");
                }

                chosen |= service;
            }

            edits.Add(o => o.Services = chosen);
        }

        if (CommandLine.Option(args, "--region") is { } region)
        {
            if (region.Length == 0 || region.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                edits.Add(o => o.RegionOfficeId = null);
            }
            else if (directory.FindByCode(region) is { } kanwil)
            {
                edits.Add(o => o.RegionOfficeId = kanwil.Id);
            }
            else
            {
                problems.Add($"--region: no office has the code '{region}'.");
            }
        }

        return office => edits.ForEach(e => e(office));
    }

    internal static string ServiceKey(OfficeServices service) => service switch
    {
        OfficeServices.VideoCallVisit => "kunjungan",
        OfficeServices.LitmasStatus => "litmas",
        OfficeServices.IntegrationInfo => "integrasi",
        OfficeServices.TravelPermit => "izin",
        OfficeServices.Complaint => "pengaduan",
        OfficeServices.Handover => "petugas",
        _ => service.ToString().ToLowerInvariant(),
    };

    private static OfficeType? ParseType(string text, List<string> problems)
    {
        if (Enum.TryParse<OfficeType>(text, ignoreCase: true, out var type) && Enum.IsDefined(type))
        {
            return type;
        }

        problems.Add($"--type '{text}': one of lapas, rutan, lpka, bapas, kanwil.");
        return null;
    }

    private static readonly string[] DayKeys = ["minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu"];

    /// <summary>"senin-jumat" or "senin,rabu,sabtu" as a <see cref="Office.WorkDays"/> mask; null when unreadable.</summary>
    internal static int? ParseDays(string text)
    {
        int Day(string name) => Array.IndexOf(DayKeys, name.Trim().ToLowerInvariant().Replace("'", ""));
        var mask = 0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', 2);
            var (from, to) = (Day(range[0]), Day(range[^1]));
            if (from < 0 || to < 0)
            {
                return null;
            }

            for (var d = from; ; d = (d + 1) % 7)
            {
                mask |= 1 << d;
                if (d == to)
                {
                    break;
                }
            }
        }

        return mask == 0 ? null : mask;
    }
}
