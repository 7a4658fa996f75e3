using ChatBot.Bot.OfficerConsole.Clients;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Cli;

/// <summary><c>import klien FILE.csv [--office CODE]</c>: the client register of a Bapas (default: the default office).</summary>
public sealed class ClientImporter(ClientImport import, OfficeDirectory offices) : IImporter
{
    public string Kind => "klien";

    public string Description =>
        $"client register CSV with the header {ClientImport.Header} (pk, telepon and email may be left out; "
        + "dates 2001-05-17 or 17-05-2001; program PB, CB, CMB, asimilasi, pidana bersyarat or anak)";

    public async Task<int> ImportAsync(string path, string? officeCode, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await offices.ReloadAsync(cancellationToken);
        var office = officeCode is null ? offices.Default : offices.FindByCode(officeCode);
        if (office is null)
        {
            await error.WriteLineAsync(officeCode is null
                ? "There is no default office; name one with --office CODE."
                : $"No office has the code '{officeCode}' ({string.Join(", ", offices.All.Select(o => o.Code))}).");
            return 2;
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var result = await import.ImportAsync(office, reader, Actor.Import.Name, cancellationToken);
        if (!result.Ok)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem);
            }

            await error.WriteLineAsync($"Nothing was imported: {result.Problems.Count} problem(s) in {Path.GetFileName(path)}.");
            return 1;
        }

        await output.WriteLineAsync($"Clients of {office.Code}: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged.");
        return 0;
    }
}
