using System.Globalization;
using ChatBot.Domain.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Visits;

/// <summary>What a roster import did, or why it did nothing.</summary>
/// <param name="Problems">One line per bad row, with its line number (Indonesian, shown to officers); when any, nothing was imported.</param>
public sealed record RosterImportResult(int Added, int Updated, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports an office's inmate roster (an SDP export) from CSV with the header
/// <c>registration_number,full_name,birth_date,cell_block,video_call_allowed</c> (only the first two
/// required; dates <c>YYYY-MM-DD</c>; booleans <c>true</c>/<c>false</c>). A row updates the inmate with
/// the same registration number. All or nothing: one bad row and no row is written.
/// </summary>
public sealed class RosterImport(ChatBotDbFactory factory, TimeProvider time)
{
    public const int MaxRows = 100_000;

    private static readonly string[] Columns = ["registration_number", "full_name", "birth_date", "cell_block", "video_call_allowed"];

    public async Task<RosterImportResult> ImportAsync(int officeId, TextReader reader, CancellationToken cancellationToken)
    {
        var (rows, problems) = Parse(reader);
        if (problems.Count > 0)
        {
            return new RosterImportResult(0, 0, problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var existing = await db.Inmates.Where(i => i.OfficeId == officeId).ToDictionaryAsync(i => i.RegistrationKey, cancellationToken);
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.RegistrationKey, out var inmate))
            {
                inmate = new Inmate { OfficeId = officeId, RegistrationNumber = "", RegistrationKey = row.RegistrationKey, FullName = "", NameKey = "" };
                db.Inmates.Add(inmate);
                existing[row.RegistrationKey] = inmate;
                added++;
            }
            else
            {
                updated++;
            }

            inmate.RegistrationNumber = row.RegistrationNumber;
            inmate.FullName = row.FullName;
            inmate.NameKey = InmateNameMatcher.Key(row.FullName);
            inmate.BirthDate = row.BirthDate ?? inmate.BirthDate;
            inmate.CellBlock = row.CellBlock ?? inmate.CellBlock;
            inmate.VideoCallAllowed = row.VideoCallAllowed ?? inmate.VideoCallAllowed;
            inmate.UpdatedAt = now;
        }

        await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }

        return new RosterImportResult(added, updated, []);
    }

    private sealed record Row(string RegistrationNumber, string RegistrationKey, string FullName, DateOnly? BirthDate, string? CellBlock, bool? VideoCallAllowed);

    private static (List<Row> Rows, List<string> Problems) Parse(TextReader reader)
    {
        var rows = new List<Row>();
        var problems = new List<string>();
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        try
        {
            csv.ReadHeader();
            if (csv.Headers is not { Count: > 0 } header || header.All(string.IsNullOrWhiteSpace))
            {
                return (rows, ["Berkas kosong: baris pertama harus judul kolom registration_number,full_name,…"]);
            }

            var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var unknown = names.Where(n => !Columns.Contains(n)).ToList();
            if (!names.Contains(Columns[0]) || !names.Contains(Columns[1]) || unknown.Count > 0 || names.Distinct().Count() != names.Count)
            {
                return (rows, [$"Baris 1: judul kolom harus {string.Join(",", Columns)} (dua yang pertama wajib){(unknown.Count > 0 ? $"; tidak dikenal: {string.Join(", ", unknown)}" : "")}."]);
            }

            string? Field(string name) =>
                names.IndexOf(name) is var i and >= 0 && i < csv.FieldCount && csv.GetString(i).Trim() is { Length: > 0 } value ? value : null;

            var seen = new Dictionary<string, long>(StringComparer.Ordinal);
            while (csv.Read())
            {
                var line = csv.LineNumber;
                if (Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i))))
                {
                    continue;
                }

                if (rows.Count + problems.Count >= MaxRows)
                {
                    problems.Add($"Berkas terlalu besar: paling banyak {MaxRows} baris.");
                    break;
                }

                var rowProblems = new List<string>();
                var number = Field(Columns[0]);
                var key = Roster.RegistrationKey(number);
                var name = Field(Columns[1]);
                if (number is null || key.Length == 0)
                {
                    rowProblems.Add("nomor registrasi kosong");
                }
                else if (number.Length > 64)
                {
                    rowProblems.Add("nomor registrasi lebih dari 64 karakter");
                }
                else if (seen.TryGetValue(key, out var firstLine))
                {
                    rowProblems.Add($"nomor registrasi {number} sudah ada di baris {firstLine}");
                }

                if (name is null || InmateNameMatcher.Key(name).Length == 0)
                {
                    rowProblems.Add("nama lengkap kosong");
                }
                else if (name.Length > 200)
                {
                    rowProblems.Add("nama lengkap lebih dari 200 karakter");
                }

                DateOnly? birth = null;
                if (Field(Columns[2]) is { } birthText)
                {
                    if (DateOnly.TryParseExact(birthText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        birth = parsed;
                    }
                    else
                    {
                        rowProblems.Add($"tanggal lahir '{birthText}' tidak sesuai format TTTT-BB-HH");
                    }
                }

                var block = Field(Columns[3]);
                if (block is { Length: > 64 })
                {
                    rowProblems.Add("blok lebih dari 64 karakter");
                }

                bool? allowed = null;
                if (Field(Columns[4]) is { } allowedText)
                {
                    if (allowedText.Equals("true", StringComparison.OrdinalIgnoreCase))
                    {
                        allowed = true;
                    }
                    else if (allowedText.Equals("false", StringComparison.OrdinalIgnoreCase))
                    {
                        allowed = false;
                    }
                    else
                    {
                        rowProblems.Add($"video_call_allowed '{allowedText}' harus true atau false");
                    }
                }

                if (rowProblems.Count > 0)
                {
                    problems.Add($"Baris {line}: {string.Join("; ", rowProblems)}.");
                    continue;
                }

                seen[key] = line;
                rows.Add(new Row(number!, key, name!, birth, block, allowed));
            }
        }
        catch (CsvFormatException)
        {
            problems.Add($"Baris {csv.LineNumber}: berkas CSV tidak dapat dibaca (tanda kutip tidak tertutup?).");
        }

        return (rows, problems);
    }
}
