using System.Security.Claims;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>A PK the register's forms and filters offer.</summary>
public sealed record PkChoice(int Id, string UserName, string DisplayName, int OfficeId, bool Active);

/// <summary>
/// What every page of the register asks first: which clients the signed-in officer may see (offices of
/// <see cref="OfficeScope"/>, then <see cref="ClientRegister.VisibleTo"/>: a PK their own) and which PKs
/// the forms may offer. A client outside both is answered as a missing page, never shown.
/// </summary>
public sealed class ClientPages(ChatBotDbFactory factory, OfficeScope scope, OfficeDirectory offices)
{
    /// <summary>The clients <paramref name="user"/> may see.</summary>
    public IQueryable<Client> Visible(ChatBotDb db, ClaimsPrincipal user)
    {
        var officeIds = scope.Visible(user).Select(o => o.Id).ToList();
        return db.Clients.AsNoTracking().Where(c => officeIds.Contains(c.OfficeId)).Where(ClientRegister.VisibleTo(Viewer(user)));
    }

    /// <summary>The client, when <paramref name="user"/> may see it.</summary>
    public async Task<Client?> FindAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await Visible(db, user).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The PKs of <paramref name="officeIds"/> (the inactive ones too: a client may still name one), by name.</summary>
    public async Task<IReadOnlyList<PkChoice>> PksAsync(IReadOnlyCollection<int> officeIds, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Officers.AsNoTracking()
            .Where(o => o.Role == OfficerRole.Pk && officeIds.Contains(o.OfficeId))
            .OrderBy(o => o.DisplayName).ThenBy(o => o.UserName)
            .Select(o => new PkChoice(o.Id, o.UserName, o.DisplayName, o.OfficeId, o.Active))
            .ToListAsync(cancellationToken);
    }

    public IReadOnlyList<Office> Offices(ClaimsPrincipal user) => scope.Visible(user);

    public Office? Office(int id) => offices.Find(id);

    /// <summary>Today in the office's time zone (birth dates cannot be after it).</summary>
    public static DateOnly Today(Office? office, TimeProvider time) =>
        DateOnly.FromDateTime(office?.ToLocal(time.GetUtcNow().UtcDateTime) ?? time.GetUtcNow().UtcDateTime);

    /// <summary>The signed-in officer as the register's rules take them (id and role from the session).</summary>
    public static Officer Viewer(ClaimsPrincipal user) => new()
    {
        Id = user.OfficerId(),
        Role = user.Role(),
        OfficeId = user.OfficeId(),
        UserName = user.UserName(),
        DisplayName = user.UserName(),
        PasswordHash = "",
    };
}

/// <summary>A client's details as the console's form holds them (text, as typed).</summary>
public sealed class ClientForm
{
    public string? RegistrationNumber { get; set; }

    public string? FullName { get; set; }

    public string? BirthDate { get; set; }

    /// <summary>The PK's officer id; empty for none.</summary>
    public string? PkOfficerId { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Town { get; set; }

    public string? Programme { get; set; }

    public string? SupervisionStart { get; set; }

    public string? SupervisionEnd { get; set; }

    public static ClientForm From(Client client) => new()
    {
        RegistrationNumber = client.RegistrationNumber,
        FullName = client.FullName,
        BirthDate = ClientFields.DateValue(client.BirthDate),
        PkOfficerId = client.PkOfficerId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Phone = client.Phone,
        Email = client.Email,
        Town = client.Town,
        Programme = client.Programme.ToString(),
        SupervisionStart = ClientFields.DateValue(client.SupervisionStart),
        SupervisionEnd = ClientFields.DateValue(client.SupervisionEnd),
    };

    /// <summary>
    /// Reads the form's <paramref name="editable"/> fields; the others keep <paramref name="stored"/>'s value
    /// (a new client has every field editable). Problems are in <paramref name="fields"/>.
    /// </summary>
    public ClientValues Read(ClientFields fields, IReadOnlySet<ClientField> editable, Client? stored, IReadOnlyList<PkChoice> pks, int officeId)
    {
        bool May(ClientField field) => editable.Contains(field) || stored is null;
        var (number, key) = May(ClientField.RegistrationNumber) ? fields.RegistrationNumber(RegistrationNumber) : (stored!.RegistrationNumber, stored.NumberKey);
        var name = May(ClientField.FullName) ? fields.FullName(FullName) : stored!.FullName;
        var birth = May(ClientField.BirthDate) ? fields.BirthDate(BirthDate) : stored!.BirthDate;
        var pk = stored?.PkOfficerId;
        if (May(ClientField.Pk))
        {
            pk = null;
            if (!string.IsNullOrWhiteSpace(PkOfficerId))
            {
                var chosen = int.TryParse(PkOfficerId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                    ? pks.FirstOrDefault(p => p.Id == id && p.OfficeId == officeId)
                    : null;
                if (chosen is { Active: true } || (chosen is not null && chosen.Id == stored?.PkOfficerId))
                {
                    pk = chosen.Id;
                }
                else
                {
                    fields.Problem(ClientField.Pk, "pilih PK yang aktif di kantor klien");
                    pk = stored?.PkOfficerId;
                }
            }
        }

        var phone = May(ClientField.Phone) ? fields.Phone(Phone) : stored!.Phone;
        var email = May(ClientField.Email) ? fields.Email(Email) : stored!.Email;
        var town = May(ClientField.Town) ? fields.Town(Town) : stored!.Town;
        var programme = May(ClientField.Programme) ? fields.Programme(Programme) : stored!.Programme;
        var start = stored?.SupervisionStart ?? default;
        var end = stored?.SupervisionEnd ?? default;
        if (May(ClientField.SupervisionStart) || May(ClientField.SupervisionEnd))
        {
            (start, end) = fields.Supervision(
                May(ClientField.SupervisionStart) ? SupervisionStart : ClientFields.DateValue(stored!.SupervisionStart),
                May(ClientField.SupervisionEnd) ? SupervisionEnd : ClientFields.DateValue(stored!.SupervisionEnd));
        }

        return new ClientValues(number, key, name, birth, pk, phone, email, town, programme, start, end);
    }
}

/// <summary>What the client form partial shows: the values, which may be changed, what is wrong, the PKs to choose from.</summary>
public sealed record ClientFormView(
    ClientForm Input,
    IReadOnlySet<ClientField> Editable,
    IReadOnlyDictionary<ClientField, string> Problems,
    IReadOnlyList<PkChoice> Pks)
{
    /// <summary>One text field of the form.</summary>
    public sealed record TextField(ClientField Field, string Id, string Name, string Label, string Type, string? Value, int MaxLength, string? Hint = null, string? AutoComplete = null);

    public IReadOnlyList<TextField> IdentityFields =>
    [
        new(ClientField.RegistrationNumber, "client-number", "Input.RegistrationNumber", "Nomor registrasi", "text", Input.RegistrationNumber, ClientFields.MaxNumberLength, "Seperti tertulis di register, mis. PB-123/BPS/2026."),
        new(ClientField.FullName, "client-name", "Input.FullName", "Nama lengkap", "text", Input.FullName, ClientFields.MaxNameLength),
        new(ClientField.BirthDate, "client-birth", "Input.BirthDate", "Tanggal lahir", "date", Input.BirthDate, 10),
    ];

    public IReadOnlyList<TextField> ContactFields =>
    [
        new(ClientField.Phone, "client-phone", "Input.Phone", "Telepon / WhatsApp", "tel", Input.Phone, 40, "Boleh ditulis 0812-3456-7890; disimpan sebagai +62…", "off"),
        new(ClientField.Email, "client-email", "Input.Email", "Email", "email", Input.Email, 254, null, "off"),
        new(ClientField.Town, "client-town", "Input.Town", "Kota / kabupaten", "text", Input.Town, ClientFields.MaxTownLength),
    ];

    public IReadOnlyList<TextField> PeriodFields =>
    [
        new(ClientField.SupervisionStart, "client-start", "Input.SupervisionStart", "Mulai bimbingan", "date", Input.SupervisionStart, 10),
        new(ClientField.SupervisionEnd, "client-end", "Input.SupervisionEnd", "Akhir bimbingan", "date", Input.SupervisionEnd, 10),
    ];

    public bool May(ClientField field) => Editable.Contains(field);

    /// <summary>The problem of a field, as a sentence ("Nama lengkap kosong.").</summary>
    public string? ProblemOf(ClientField field) =>
        Problems.TryGetValue(field, out var problem) ? char.ToUpper(problem[0], ConsoleText.Indonesian) + problem[1..] + "." : null;
}
