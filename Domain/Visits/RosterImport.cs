using System.Globalization;
using ChatBot.Domain.Imports;
using ChatBot.Domain.Persistence;
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

    private static readonly CsvColumn Number = new("registration_number", required: true);
    private static readonly CsvColumn FullName = new("full_name", required: true);
    private static readonly CsvColumn BirthDate = new("birth_date", required: false);
    private static readonly CsvColumn CellBlock = new("cell_block", required: false);
    private static readonly CsvColumn VideoCallAllowed = new("video_call_allowed", required: false);
    private static readonly CsvColumn[] Columns = [Number, FullName, BirthDate, CellBlock, VideoCallAllowed];

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
        var sheet = CsvSheet.Read(reader, Columns, maxRows: MaxRows);
        switch (sheet.Problem)
        {
            case CsvProblem.Empty:
                return (rows, ["Berkas kosong: baris pertama harus judul kolom registration_number,full_name,…"]);
            case CsvProblem.Header header:
                return (rows, [$"Baris 1: judul kolom harus {string.Join(",", Columns.Select(c => c.Name))} (dua yang pertama wajib){(header.Unknown.Count > 0 ? $"; tidak dikenal: {string.Join(", ", header.Unknown)}" : "")}."]);
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var csvRow in sheet.Rows)
        {
            var line = csvRow.Line;
            var rowProblems = new List<string>();
            var number = csvRow[Number];
            var key = Roster.RegistrationKey(number);
            var name = csvRow[FullName];
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
            if (csvRow[BirthDate] is { } birthText)
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

            var block = csvRow[CellBlock];
            if (block is { Length: > 64 })
            {
                rowProblems.Add("blok lebih dari 64 karakter");
            }

            bool? allowed = null;
            if (csvRow[VideoCallAllowed] is { } allowedText)
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

        switch (sheet.Problem)
        {
            case CsvProblem.TooManyRows:
                problems.Add($"Berkas terlalu besar: paling banyak {MaxRows} baris.");
                break;
            case CsvProblem.Unreadable unreadable:
                problems.Add($"Baris {unreadable.Line}: berkas CSV tidak dapat dibaca (tanda kutip tidak tertutup?).");
                break;
        }

        return (rows, problems);
    }
}
