using ChatBot.Bot.Cli;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary><c>import wbp FILE.csv [--office CODE]</c>: the inmate roster of an office (default: the default office).</summary>
public sealed class RosterImporter(RosterImport import, OfficeDirectory offices) : IImporter
{
    public string Kind => "wbp";

    public string Description => "inmate roster CSV: registration_number,full_name[,birth_date,cell_block,video_call_allowed] (dates YYYY-MM-DD, booleans true/false)";

    public async Task<int> ImportAsync(string path, string? officeCode, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var office = officeCode is null ? offices.Default : offices.FindByCode(officeCode);
        if (office is null)
        {
            await error.WriteLineAsync(officeCode is null ? "There is no default office; pass --office CODE." : $"No office has the code '{officeCode}'.");
            return 1;
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var result = await import.ImportAsync(office.Id, reader, cancellationToken);
        if (!result.Ok)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem);
            }

            await error.WriteLineAsync($"Nothing was imported: {result.Problems.Count} problem(s).");
            return 1;
        }

        await output.WriteLineAsync($"{office.Code}: {result.Added} inmate(s) added, {result.Updated} updated.");
        return 0;
    }
}
