using ChatBot.Domain.Audit;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Imports;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>What a client import did, or why it did nothing.</summary>
/// <param name="Problems">One line per bad row, with its line number (Indonesian); when any, nothing was imported.</param>
public sealed record ClientImportResult(int Added, int Updated, int Unchanged, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports a Bapas's client register from CSV, all rows or none. The header names the columns in
/// Indonesian, in any order and letter case (<see cref="Columns"/>, with the usual variants:
/// <c>No. Registrasi</c>, <c>Nama</c>, <c>Tgl Lahir</c>, <c>No HP</c>…). A row updates the client of the
/// office with the same registration number (spaces, dashes and case ignored) and adds the others.
/// An empty PK, telephone or e-mail cell leaves what is stored as it is, so a file without them does not
/// erase what officers entered in the console. Every import is written to the audit log.
/// </summary>
public sealed class ClientImport(ChatBotDbFactory factory, TimeProvider time)
{
    public static readonly CsvColumn Number = new("nomor registrasi", required: true, "no registrasi", "no. registrasi", "no reg", "noreg", "nomor reg", "nomor", "nomor klien", "no klien");
    public static readonly CsvColumn FullName = new("nama lengkap", required: true, "nama", "nama klien");
    public static readonly CsvColumn BirthDate = new("tanggal lahir", required: true, "tgl lahir", "tgl. lahir", "lahir", "tanggal kelahiran");
    public static readonly CsvColumn Pk = new("pk", required: false, "nama pk", "pembimbing kemasyarakatan", "pembimbing");
    public static readonly CsvColumn Phone = new("telepon", required: false, "telp", "tlp", "telpon", "no telepon", "nomor telepon", "no telp", "hp", "no hp", "nomor hp", "ponsel", "wa", "no wa", "whatsapp");
    public static readonly CsvColumn Email = new("email", required: false, "e-mail", "surel", "alamat email");
    public static readonly CsvColumn Town = new("kota", required: true, "kabupaten/kota", "kab/kota", "kota/kabupaten", "kabupaten", "domisili");
    public static readonly CsvColumn Programme = new("program", required: true, "program bimbingan", "jenis program", "jenis bimbingan");
    public static readonly CsvColumn Start = new("mulai bimbingan", required: true, "awal bimbingan", "tanggal mulai", "tgl mulai", "mulai", "tanggal mulai bimbingan");
    public static readonly CsvColumn End = new("akhir bimbingan", required: true, "selesai bimbingan", "tanggal akhir", "tgl akhir", "akhir", "tanggal akhir bimbingan", "berakhir");

    public static readonly IReadOnlyList<CsvColumn> Columns = [Number, FullName, BirthDate, Pk, Phone, Email, Town, Programme, Start, End];

    /// <summary>The header as the usage text and the problems write it.</summary>
    public static string Header => string.Join(",", Columns.Select(c => c.Name));

    public async Task<ClientImportResult> ImportAsync(Office office, TextReader reader, string actor, CancellationToken cancellationToken)
    {
        var sheet = CsvSheet.Read(reader, Columns);
        var problems = new List<string>();
        switch (sheet.Problem)
        {
            case CsvProblem.Empty:
                return Refused($"Berkas kosong: baris pertama harus judul kolom {Header}.");
            case CsvProblem.Header header:
                var wrong = new List<string>();
                if (header.Missing.Count > 0)
                {
                    wrong.Add($"tidak ada kolom {string.Join(", ", header.Missing)}");
                }

                if (header.Unknown.Count > 0)
                {
                    wrong.Add($"kolom tidak dikenal: {string.Join(", ", header.Unknown)}");
                }

                if (header.Repeated.Count > 0)
                {
                    wrong.Add($"kolom ganda: {string.Join(", ", header.Repeated)}");
                }

                return Refused($"Baris 1: {string.Join("; ", wrong)}. Judul kolom: {Header} (pk, telepon dan email boleh tidak ada).");
        }

        await using var db = factory.CreateDbContext();
        var officers = await db.Officers.AsNoTracking().Where(o => o.OfficeId == office.Id).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(office.ToLocal(time.GetUtcNow().UtcDateTime));
        var rows = new List<(ClientValues Values, int Line)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var fields = new ClientFields(today);
            var (number, key) = fields.RegistrationNumber(row[Number]);
            if (key.Length > 0 && seen.TryGetValue(key, out var first))
            {
                fields.Problem(ClientField.RegistrationNumber, $"nomor registrasi {number} sama dengan baris {first}");
            }

            var name = fields.FullName(row[FullName]);
            var birth = fields.BirthDate(row[BirthDate]);
            var pk = FindPk(officers, row[Pk], fields);
            var phone = fields.Phone(row[Phone]);
            var email = fields.Email(row[Email]);
            var town = fields.Town(row[Town]);
            var programme = fields.Programme(row[Programme]);
            var (start, end) = fields.Supervision(row[Start], row[End]);
            if (!fields.Ok)
            {
                problems.Add($"Baris {row.Line}: {string.Join("; ", fields.Problems.Values)}.");
                continue;
            }

            seen[key] = row.Line;
            rows.Add((new ClientValues(number, key, name, birth, pk, phone, email, town, programme, start, end), row.Line));
        }

        switch (sheet.Problem)
        {
            case CsvProblem.TooManyRows tooMany:
                problems.Add($"Berkas terlalu besar: paling banyak {tooMany.Max} baris.");
                break;
            case CsvProblem.Unreadable unreadable:
                problems.Add($"Baris {unreadable.Line}: berkas CSV tidak dapat dibaca (tanda kutip tidak tertutup?).");
                break;
        }

        if (problems.Count > 0)
        {
            return Refused([.. problems]);
        }

        if (rows.Count == 0)
        {
            return Refused("Berkas hanya berisi judul kolom; tidak ada klien.");
        }

        return await SaveAsync(db, office, rows, actor, cancellationToken);
    }

    private async Task<ClientImportResult> SaveAsync(ChatBotDb db, Office office, List<(ClientValues Values, int Line)> rows, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, unchanged = 0;
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var existing = await db.Clients.Where(c => c.OfficeId == office.Id).ToDictionaryAsync(c => c.NumberKey, cancellationToken);
        foreach (var (values, _) in rows)
        {
            if (!existing.TryGetValue(values.NumberKey, out var client))
            {
                client = new Client
                {
                    OfficeId = office.Id,
                    RegistrationNumber = values.RegistrationNumber,
                    NumberKey = values.NumberKey,
                    FullName = values.FullName,
                    Town = values.Town,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                ClientDesk.Apply(client, values, Enum.GetValues<ClientField>());
                db.Clients.Add(client);
                existing[values.NumberKey] = client;
                added++;
                continue;
            }

            // An empty optional cell keeps what is stored.
            var kept = values with
            {
                PkOfficerId = values.PkOfficerId ?? client.PkOfficerId,
                Phone = values.Phone ?? client.Phone,
                Email = values.Email ?? client.Email,
            };
            var changed = ClientDesk.Changed(client, kept, Enum.GetValues<ClientField>());
            if (changed.Count == 0)
            {
                unchanged++;
                continue;
            }

            ClientDesk.Apply(client, kept, changed);
            client.UpdatedAt = now;
            client.Revision++;
            updated++;
        }

        db.AuditEntries.Add(AuditEntry.Of(actor, "client.import", $"Office/{office.Code}", now, $"{added} added, {updated} updated, {unchanged} unchanged"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException update && StoreErrors.IsUniqueViolation(update)))
        {
            return Refused("Data klien berubah di konsol selama impor berjalan; tidak ada yang diimpor. Jalankan impor lagi.");
        }

        await scope.CommitAsync(cancellationToken);
        return new ClientImportResult(added, updated, unchanged, []);
    }

    /// <summary>
    /// The PK a cell names: the user name or the display name of an active PK of the office (case and
    /// spaces ignored). Null for an empty cell; a problem when nobody or more than one officer fits.
    /// </summary>
    private static int? FindPk(IReadOnlyList<Officer> officers, string? text, ClientFields fields)
    {
        if (text is null)
        {
            return null;
        }

        var wanted = Simplify(text);
        var byUserName = officers.Where(o => o.UserName == wanted.Replace(" ", "", StringComparison.Ordinal) || o.UserName == wanted).ToList();
        var named = byUserName.Count > 0 ? byUserName : officers.Where(o => Simplify(o.DisplayName) == wanted).ToList();
        var pks = named.Where(o => o.Role == OfficerRole.Pk).ToList();
        var active = pks.Where(o => o.Active).ToList();
        switch (active.Count)
        {
            case 1:
                return active[0].Id;
            case > 1:
                fields.Problem(ClientField.Pk, $"pk '{text}' cocok dengan {active.Count} PK; tulis nama penggunanya ({string.Join(", ", active.Select(o => o.UserName))})");
                return null;
        }

        fields.Problem(ClientField.Pk,
            pks.Count > 0 ? $"akun PK '{text}' nonaktif"
            : named.Count > 0 ? $"'{text}' bukan Pembimbing Kemasyarakatan"
            : $"pk '{text}' tidak dikenal di kantor ini (tulis nama pengguna atau nama lengkap PK)");
        return null;
    }

    private static string Simplify(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static ClientImportResult Refused(params string[] problems) => new(0, 0, 0, problems);
}
