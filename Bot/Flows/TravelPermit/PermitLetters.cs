using System.Security.Cryptography;
using ChatBot.Channels.Media;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>
/// Where letters are checked and fetched from outside: the public base URL (<c>Permits:PublicBaseUrl</c>,
/// else <c>Channels:WhatsApp:PublicBaseUrl</c>, else the first of <c>Urls</c>).
/// </summary>
public sealed class PermitLinks(string baseUrl)
{
    public const string VerificationPath = "/verifikasi";

    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public string Verification(string code) => $"{BaseUrl}{VerificationPath}/{code}";

    public static PermitLinks From(IConfiguration configuration)
    {
        var chosen = new[]
        {
            configuration["Permits:PublicBaseUrl"],
            configuration["Channels:WhatsApp:PublicBaseUrl"],
            configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(),
        }.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)) ?? Hosting.BotHost.DefaultUrls;
        return new PermitLinks(chosen);
    }
}

/// <summary>
/// The head's signature on a drafted letter: the next number of the office's year (from
/// <see cref="PermitOptions.LetterNumberPattern"/>), an unguessable verification code, the signer and the
/// time, and the PDF written to private media storage. Runs inside the desk's step, so all of it commits
/// with the step or not at all; two heads signing at once meet at the unique index on the sequence, and
/// the loser's step is taken again (<see cref="TravelPermitRequests.SignAsync"/>).
/// </summary>
public sealed class PermitLetters(PermitOptions options, PermitLetterPdf pdf, MediaStore media, OfficeDirectory offices, PermitLinks links)
{
    public const string ContentType = "application/pdf";

    private readonly LetterNumberPattern _pattern = options.Pattern();

    /// <summary>The folder letters are kept in (owner-only).</summary>
    public string Folder => Path.Combine(media.Root, "letters");

    public static string FileName(Domain.Permits.TravelPermit permit) => $"surat-izin-{permit.Code}.pdf";

    public async Task<string?> SignAsync(StepContext<Domain.Permits.TravelPermit> c)
    {
        var permit = c.Request;
        if (offices.Find(permit.OfficeId) is not { } office)
        {
            return "Kantor permohonan ini tidak ditemukan.";
        }

        var client = permit.ClientId is { } clientId
            ? await c.Db.Clients.AsNoTracking().SingleOrDefaultAsync(x => x.Id == clientId, c.CancellationToken)
            : null;
        if (client is null)
        {
            return "Data klien permohonan ini tidak ada lagi di register; surat tidak dapat dibuat.";
        }

        var today = office.LocalDate(c.Now);
        if (permit.ReturnOn < today)
        {
            return "Tanggal kembali perjalanan ini sudah lewat; surat izin tidak dapat disahkan.";
        }

        var last = await c.Db.TravelPermits.Where(p => p.OfficeId == permit.OfficeId && p.LetterYear == today.Year)
            .MaxAsync(p => p.LetterSequence, c.CancellationToken);
        var sequence = (last ?? 0) + 1;
        permit.LetterYear = today.Year;
        permit.LetterSequence = sequence;
        permit.LetterNumber = _pattern.Format(sequence, today, office.Code);
        permit.VerificationCode = RandomNumberGenerator.GetString(TicketCode.Alphabet, Domain.Permits.TravelPermit.VerificationCodeLength);
        permit.SignedByOfficerId = c.Officer.Id;
        permit.SignerName = c.Officer.DisplayName;
        permit.SignedAt = c.Now;
        permit.ClientInitials = Domain.Clients.ClientRegister.Initials(client.FullName);

        var local = office.ToLocal(c.Now);
        var bytes = pdf.Render(new LetterContent(
            office.Name,
            office.Address,
            office.Phone,
            permit.LetterNumber,
            client.FullName,
            client.RegistrationNumber,
            permit.DestinationTown ?? "",
            permit.DestinationAddress ?? "",
            permit.Purpose ?? "",
            permit.DepartOn,
            permit.ReturnOn,
            permit.SignerName,
            $"{local.ToString("d MMMM yyyy", PermitTexts.Indonesian.Culture)} pukul {local:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}",
            permit.VerificationCode,
            links.Verification(permit.VerificationCode)));
        permit.LetterPath = await WriteAsync(permit, bytes, c.CancellationToken);
        return null;
    }

    /// <summary>Writes the letter under the request's code (a signature taken again after a lost race writes over it).</summary>
    private async Task<string> WriteAsync(Domain.Permits.TravelPermit permit, byte[] bytes, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        var path = Path.Combine(folder.FullName, $"{permit.Code}.pdf");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
