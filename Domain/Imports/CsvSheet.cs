using System.Text;
using CsvHelper;

namespace ChatBot.Domain.Imports;

/// <summary>
/// A column an import reads: the name the usage text shows, whether the header must have it, and the
/// other names people give it. Header names are matched by their letters and digits alone, without
/// case, so <c>Nomor Registrasi</c>, <c>nomor_registrasi</c> and <c>NOMOR-REGISTRASI</c> are one name.
/// </summary>
public sealed class CsvColumn
{
    private readonly HashSet<string> _keys;

    public CsvColumn(string name, bool required, params string[] otherNames)
    {
        Name = name;
        Required = required;
        _keys = [Key(name), .. otherNames.Select(Key)];
    }

    /// <summary>As the usage text and the problems name it, e.g. <c>nomor registrasi</c>.</summary>
    public string Name { get; }

    public bool Required { get; }

    public bool Matches(string header) => _keys.Contains(Key(header));

    /// <summary>A header name as it is matched: letters and digits, lower case.</summary>
    public static string Key(string? header)
    {
        var key = new StringBuilder(header?.Length ?? 0);
        foreach (var c in header ?? "")
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    public override string ToString() => Name;
}

/// <summary>One data row of a file: the line it starts on and its cells by column.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<CsvColumn, string> cells)
{
    /// <summary>The line of the file the row starts on (the header is line 1).</summary>
    public int Line { get; } = line;

    /// <summary>The cell of <paramref name="column"/>, trimmed; null when empty or when the file has no such column.</summary>
    public string? this[CsvColumn column] => cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
}

/// <summary>Why a file could not be read, or was read only in part; the importer says it in its own words.</summary>
public abstract record CsvProblem
{
    /// <summary>Nothing, or only an empty first line.</summary>
    public sealed record Empty : CsvProblem;

    /// <summary>The header lacks required columns, names a column nothing reads, or names one column twice.</summary>
    public sealed record Header(IReadOnlyList<CsvColumn> Missing, IReadOnlyList<string> Unknown, IReadOnlyList<CsvColumn> Repeated) : CsvProblem;

    /// <summary>The file stops being CSV at <paramref name="Line"/> (an unclosed quote); the rows before it were read.</summary>
    public sealed record Unreadable(long Line) : CsvProblem;

    /// <summary>More than <paramref name="Max"/> rows; the first <paramref name="Max"/> were read.</summary>
    public sealed record TooManyRows(int Max) : CsvProblem;
}

/// <summary>What <see cref="CsvSheet.Read"/> found: the rows it read and, when it stopped early or refused the header, why.</summary>
public sealed record CsvSheetResult(IReadOnlyList<CsvRow> Rows, CsvProblem? Problem);

/// <summary>
/// The CSV reading every import shares: the header matched to the columns the import knows (in any
/// order, by any of their names), rows that are only separators skipped, every row with its line
/// number, and cells trimmed. The separator is detected (a spreadsheet set to Indonesian writes
/// <c>;</c>), a byte order mark is honoured. What the cells mean is the importer's business.
/// </summary>
public static class CsvSheet
{
    public const int DefaultMaxRows = 100_000;

    /// <param name="refuseUnknownColumns">Whether a header name no column has is refused (a misspelt optional column would otherwise be read as empty).</param>
    public static CsvSheetResult Read(TextReader reader, IReadOnlyList<CsvColumn> columns, bool refuseUnknownColumns = true, int maxRows = DefaultMaxRows)
    {
        var rows = new List<CsvRow>();
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        try
        {
            csv.ReadHeader();
            if (csv.Headers is not { Count: > 0 } header || header.All(string.IsNullOrWhiteSpace))
            {
                return new(rows, new CsvProblem.Empty());
            }

            var positions = new List<(CsvColumn Column, int Index)>();
            var unknown = new List<string>();
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Trim();
                if (columns.FirstOrDefault(c => c.Matches(name)) is { } column)
                {
                    positions.Add((column, i));
                }
                else if (name.Length > 0)
                {
                    unknown.Add(name);
                }
            }

            var missing = columns.Where(c => c.Required && positions.All(p => p.Column != c)).ToList();
            var repeated = positions.GroupBy(p => p.Column).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (missing.Count > 0 || repeated.Count > 0 || (refuseUnknownColumns && unknown.Count > 0))
            {
                return new(rows, new CsvProblem.Header(missing, refuseUnknownColumns ? unknown : [], repeated));
            }

            while (csv.Read())
            {
                if (Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i))))
                {
                    continue;
                }

                if (rows.Count >= maxRows)
                {
                    return new(rows, new CsvProblem.TooManyRows(maxRows));
                }

                var cells = new Dictionary<CsvColumn, string>();
                foreach (var (column, index) in positions)
                {
                    cells[column] = index < csv.FieldCount ? csv.GetString(index).Trim() : "";
                }

                rows.Add(new CsvRow((int)csv.LineNumber, cells));
            }
        }
        catch (CsvFormatException)
        {
            return new(rows, new CsvProblem.Unreadable(csv.LineNumber));
        }

        return new(rows, null);
    }
}
