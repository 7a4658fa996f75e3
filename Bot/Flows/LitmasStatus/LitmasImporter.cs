using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Bot.Cli;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.LitmasStatus;

/// <summary>
/// <c>import litmas FILE.csv [--office CODE]</c>: loads a register of litmas cases, everything or nothing.
/// A number already in the store is updated (a changed stage goes into the history and is told to its
/// subscribers); importing the same file again changes nothing.
/// </summary>
public sealed partial class LitmasImporter(ChatBotDbFactory factory, OfficeDirectory offices, LitmasCaseService cases, TimeProvider time) : IImporter
{

    private static readonly string[] Columns = ["registration_number", "client_name", "pk_name", "requested_by", "status", "updated_at"];

    public string Kind => "litmas";

    public string Description =>
        $"litmas cases, CSV with the header {string.Join(',', Columns)}; status is one of "
        + string.Join(", ", LitmasStages.InOrder.Select(LitmasStages.Code)) + "; updated_at is ISO 8601";

    public async Task<int> ImportAsync(string path, string? officeCode, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await offices.ReloadAsync(cancellationToken);
        var office = officeCode is null ? offices.Default : offices.FindByCode(officeCode);
        if (office is null)
        {
            await error.WriteLineAsync(officeCode is null ? "There is no default office; name one with --office CODE." : $"No office has the code '{officeCode}'.");
            return 2;
        }

        var (rows, problems) = Read(path, office);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            await error.WriteLineAsync($"Nothing was imported: {problems.Count} problem(s) in {Path.GetFileName(path)}.");
            return 1;
        }

        var (added, updated, unchanged, notified) = await SaveAsync(office, rows, cancellationToken);
        await output.WriteLineAsync($"Litmas cases for {office.Code}: {added} added, {updated} updated, {unchanged} unchanged; {notified} subscriber notice(s) queued.");
        return 0;
    }

    private sealed record Row(int Line, string Number, string Key, string Client, string Pk, RequestingInstitution Institution, string RequestedBy, LitmasStage Stage, DateTime UpdatedAtUtc);

    private static (List<Row> Rows, List<string> Problems) Read(string path, Office office)
    {
        var rows = new List<Row>();
        var problems = new List<string>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            NormalizeHeaderName = name => name.Trim().ToLowerInvariant(),
        };
        using var csv = CsvReader.Create(File.OpenRead(path), options, false);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.All(h => h.Length == 0))
        {
            problems.Add("Line 1: the file is empty; expected the header " + string.Join(',', Columns) + ".");
            return (rows, problems);
        }

        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"Line 1: the header lacks {string.Join(", ", missing)}; expected {string.Join(',', Columns)}.");
            return (rows, problems);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var values = Columns.ToDictionary(c => c, c => csv.GetString(c)?.Trim() ?? "");
            if (values.Values.All(v => v.Length == 0))
            {
                continue;
            }

            var before = problems.Count;
            var number = values["registration_number"];
            var key = LitmasNumber.Key(number);
            if (key.Length == 0 || number.Length > 100)
            {
                problems.Add($"Line {line}: registration_number '{number}' is empty or too long.");
            }
            else if (seen.TryGetValue(key, out var first))
            {
                problems.Add($"Line {line}: registration_number '{number}' is the same number as on line {first}.");
            }
            else
            {
                seen[key] = line;
            }

            Require(values, "client_name", line, problems);
            Require(values, "pk_name", line, problems);
            Require(values, "requested_by", line, problems);
            var institution = RequestingInstitutions.Parse(values["requested_by"]);
            if (institution is null && values["requested_by"].Length > 0)
            {
                problems.Add($"Line {line}: requested_by '{values["requested_by"]}' must name a Lapas, Rutan, LPKA, the police, a prosecutor's office or a court (e.g. 'Lapas Kelas IIA Pekanbaru', 'Polresta Pekanbaru', 'Kejaksaan Negeri Bandung').");
            }

            var stage = LitmasStages.Parse(values["status"]);
            if (stage is null)
            {
                problems.Add($"Line {line}: status '{values["status"]}' is not one of {string.Join(", ", LitmasStages.InOrder.Select(LitmasStages.Code))}.");
            }

            var updated = ParseInstant(values["updated_at"], office);
            if (updated is null)
            {
                problems.Add($"Line {line}: updated_at '{values["updated_at"]}' is not an ISO 8601 date and time (e.g. 2026-11-20T09:30:00+07:00).");
            }

            if (problems.Count == before)
            {
                rows.Add(new Row(line, number, key, values["client_name"], values["pk_name"], institution!.Value, values["requested_by"], stage!.Value, updated!.Value));
            }
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add("The file has a header but no cases.");
        }

        return (rows, problems);
    }

    private static void Require(Dictionary<string, string> values, string column, int line, List<string> problems)
    {
        var value = values[column];
        if (value.Length == 0 || value.Length > 200)
        {
            problems.Add($"Line {line}: {column} is {(value.Length == 0 ? "empty" : "longer than 200 characters")}.");
        }
    }

    /// <summary>ISO 8601; without an offset the time is the office's local time.</summary>
    internal static DateTime? ParseInstant(string text, Office office)
    {
        var match = IsoPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (match.Groups["zone"].Success)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var withZone) ? withZone.UtcDateTime : null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return office.TimeZone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, office.TimeZone);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    private async Task<(int Added, int Updated, int Unchanged, int Notified)> SaveAsync(Office office, List<Row> rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, unchanged = 0, notified = 0;
        var moved = new List<LitmasCase>();
        var created = new List<(LitmasCase Case, Row Row)>();
        await using var db = factory.CreateDbContext();
        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            var keys = rows.Select(r => r.Key).ToList();
            var existing = await db.LitmasCases.Where(c => c.OfficeId == office.Id && keys.Contains(c.NumberKey)).ToDictionaryAsync(c => c.NumberKey, cancellationToken);
            foreach (var row in rows)
            {
                if (!existing.TryGetValue(row.Key, out var litmas))
                {
                    litmas = new LitmasCase
                    {
                        OfficeId = office.Id,
                        RegistrationNumber = row.Number,
                        NumberKey = row.Key,
                        ClientName = row.Client,
                        PkName = row.Pk,
                        Institution = row.Institution,
                        RequestedBy = row.RequestedBy,
                        Stage = row.Stage,
                        StageUpdatedAt = row.UpdatedAtUtc,
                        PublishedAt = now,
                    };
                    db.LitmasCases.Add(litmas);
                    created.Add((litmas, row));
                    added++;
                    continue;
                }

                var stageChanged = litmas.Stage != row.Stage;
                var detailsChanged = litmas.RegistrationNumber != row.Number || litmas.ClientName != row.Client || litmas.PkName != row.Pk
                    || litmas.RequestedBy != row.RequestedBy || litmas.Institution != row.Institution;
                litmas.RegistrationNumber = row.Number;
                litmas.ClientName = row.Client;
                litmas.PkName = row.Pk;
                litmas.RequestedBy = row.RequestedBy;
                litmas.Institution = row.Institution;
                if (stageChanged)
                {
                    LitmasCaseService.Move(db, litmas, row.Stage, row.UpdatedAtUtc, Actor.Import, null);
                    moved.Add(litmas);
                }
                else if (detailsChanged)
                {
                    litmas.Revision++;
                }

                if (stageChanged || detailsChanged)
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (litmas, row) in created)
            {
                db.LitmasStageChanges.Add(new LitmasStageChange { CaseId = litmas.Id, ToStage = litmas.Stage, By = Actor.Import.Name, At = row.UpdatedAtUtc });
            }

            foreach (var litmas in moved)
            {
                notified += await cases.NotifySubscribersAsync(db, litmas, now, cancellationToken);
            }

            db.AuditEntries.Add(AuditEntry.Of(Actor.Import.Name, "litmas.import", $"Office/{office.Code}", now, $"{added} added, {updated} updated, {unchanged} unchanged"));
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        foreach (var litmas in moved.Concat(created.Select(c => c.Case)))
        {
            cases.Announce(office.Id, litmas.Id, notified);
        }

        return (added, updated, unchanged, notified);
    }
}
