using System.Globalization;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Clients;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>
/// Reads a client's details as people write them, in a CSV row or a console form, and says what is
/// wrong with each in Indonesian (a phrase the import puts after "Baris N:" and the form under the field).
/// Each reader records its problem under its field and returns a default value; the caller looks at
/// <see cref="Problems"/> before using any value. Telephones become E.164 the way the bot reads them
/// (<see cref="PhoneRecognizer"/>), e-mail addresses are checked as the bot checks them (<see cref="EmailRecognizer"/>).
/// </summary>
public sealed class ClientFields(DateOnly today)
{
    public const int MaxNumberLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxTownLength = 100;

    /// <summary>The date forms accepted: <c>2001-05-17</c>, <c>17-05-2001</c>, <c>17/05/2001</c> (and <c>17.05.2001</c>, <c>7/5/2001</c>).</summary>
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "d.M.yyyy"];

    private readonly Dictionary<ClientField, string> _problems = [];

    /// <summary>What is wrong, by field, in the order the fields were read.</summary>
    public IReadOnlyDictionary<ClientField, string> Problems => _problems;

    public bool Ok => _problems.Count == 0;

    /// <summary>Records a problem the caller found itself (an unknown PK).</summary>
    public void Problem(ClientField field, string problem) => _problems.TryAdd(field, problem);

    public (string Number, string Key) RegistrationNumber(string? text)
    {
        var number = text?.Trim() ?? "";
        var key = ClientRegister.Key(number);
        if (key.Length == 0)
        {
            Problem(ClientField.RegistrationNumber, "nomor registrasi kosong");
        }
        else if (number.Length > MaxNumberLength || (key.Length == Client.NumberLength && number.Count(char.IsAsciiLetterOrDigit) > Client.NumberLength))
        {
            Problem(ClientField.RegistrationNumber, $"nomor registrasi terlalu panjang (paling banyak {MaxNumberLength} karakter, {Client.NumberLength} huruf dan angka)");
        }

        return (number, key);
    }

    public string FullName(string? text) => Required(ClientField.FullName, "nama lengkap", text, MaxNameLength);

    public string Town(string? text) => Required(ClientField.Town, "kota", text, MaxTownLength);

    public DateOnly BirthDate(string? text)
    {
        var date = Date(ClientField.BirthDate, "tanggal lahir", text);
        if (date is { } birth)
        {
            if (birth > today)
            {
                Problem(ClientField.BirthDate, "tanggal lahir di masa depan");
            }
            else if (birth.Year < 1900)
            {
                Problem(ClientField.BirthDate, "tanggal lahir sebelum tahun 1900");
            }
        }

        return date ?? default;
    }

    /// <summary>The supervision period; the end must come after the start.</summary>
    public (DateOnly Start, DateOnly End) Supervision(string? start, string? end)
    {
        var from = Date(ClientField.SupervisionStart, "mulai bimbingan", start);
        var to = Date(ClientField.SupervisionEnd, "akhir bimbingan", end);
        if (from is { } first && to is { } last && last <= first)
        {
            Problem(ClientField.SupervisionEnd, "akhir bimbingan harus sesudah mulai bimbingan");
        }

        return (from ?? default, to ?? default);
    }

    /// <summary>E.164, or null when nothing was written.</summary>
    public string? Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var phone = PhoneRecognizer.Recognize(text);
        if (phone is { Ok: true, Value: { } e164 })
        {
            return e164;
        }

        Problem(ClientField.Phone, phone.Problem switch
        {
            RecognizerProblems.Length => $"telepon '{Shown(text)}' jumlah angkanya tidak pas untuk nomor telepon",
            RecognizerProblems.Ambiguous => $"telepon '{Shown(text)}' berisi lebih dari satu nomor; tulis satu saja",
            _ => $"telepon '{Shown(text)}' bukan nomor telepon (tulis seperti 0812-3456-7890 atau +6281234567890)",
        });
        return null;
    }

    /// <summary>The address, or null when nothing was written.</summary>
    public string? Email(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var email = EmailRecognizer.Recognize(trimmed);
        if (email is { Ok: true, Value: { } address } && string.Equals(address, trimmed, StringComparison.OrdinalIgnoreCase))
        {
            return address;
        }

        Problem(ClientField.Email, email.Problem == RecognizerProblems.Typo && email.Value is { } suggestion
            ? $"email '{Shown(trimmed)}' sepertinya salah ketik (maksudnya {suggestion}?)"
            : $"email '{Shown(trimmed)}' bukan alamat email yang benar (tulis seperti nama@contoh.co.id)");
        return null;
    }

    public ClientProgramme Programme(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(ClientField.Programme, "program kosong");
            return default;
        }

        if (ParseProgramme(text) is { } programme)
        {
            return programme;
        }

        Problem(ClientField.Programme, $"program '{Shown(text)}' tidak dikenal (PB, CB, CMB, asimilasi, pidana bersyarat atau anak)");
        return default;
    }

    /// <summary>A programme as people write it: <c>PB</c>, <c>pembebasan bersyarat</c>, <c>Pidana Bersyarat</c>, <c>klien anak</c>.</summary>
    public static ClientProgramme? ParseProgramme(string? text) =>
        new string((text ?? "").Where(char.IsLetter).ToArray()).ToLowerInvariant() switch
        {
            "pb" or "pembebasanbersyarat" => ClientProgramme.Pb,
            "cb" or "cutibersyarat" => ClientProgramme.Cb,
            "cmb" or "cutimenjelangbebas" => ClientProgramme.Cmb,
            "asimilasi" => ClientProgramme.Asimilasi,
            "pidanabersyarat" or "pidbers" => ClientProgramme.PidanaBersyarat,
            "anak" or "klienanak" => ClientProgramme.Anak,
            _ => null,
        };

    /// <summary>How the console names a programme.</summary>
    public static string ProgrammeLabel(ClientProgramme programme) => programme switch
    {
        ClientProgramme.Pb => "PB (Pembebasan Bersyarat)",
        ClientProgramme.Cb => "CB (Cuti Bersyarat)",
        ClientProgramme.Cmb => "CMB (Cuti Menjelang Bebas)",
        ClientProgramme.Asimilasi => "Asimilasi",
        ClientProgramme.PidanaBersyarat => "Pidana bersyarat",
        ClientProgramme.Anak => "Anak",
        _ => programme.ToString(),
    };

    /// <summary>The programme in a link's query (<c>program=pb</c>); <see cref="ParseProgramme"/> reads it back.</summary>
    public static string ProgrammeCode(ClientProgramme programme) => programme.ToString().ToLowerInvariant();

    /// <summary>A date as the console shows it: <c>5 Jan 2026</c>.</summary>
    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", ConsoleText.Indonesian);

    /// <summary>Where a client is in their supervision on <paramref name="today"/>: its words and badge class.</summary>
    public static (string Label, string Badge) Period(Client client, DateOnly today) =>
        today < client.SupervisionStart ? ("Belum mulai", "badge-muted")
        : today > client.SupervisionEnd ? ("Selesai", "badge-muted")
        : ("Dalam bimbingan", "badge-ok");

    /// <summary>A date as the form's date field holds it.</summary>
    public static string DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Required(ClientField field, string label, string? text, int max)
    {
        var value = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            Problem(field, $"{label} kosong");
        }
        else if (value.Length > max)
        {
            Problem(field, $"{label} lebih dari {max} karakter");
        }

        return value;
    }

    private DateOnly? Date(ClientField field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(field, $"{label} kosong");
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(field, $"{label} '{Shown(text)}' bukan tanggal (tulis 2001-05-17 atau 17-05-2001)");
        return null;
    }

    /// <summary>What was written, cut short enough to repeat in a message.</summary>
    private static string Shown(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 60 ? trimmed : trimmed[..57] + "…";
    }
}
