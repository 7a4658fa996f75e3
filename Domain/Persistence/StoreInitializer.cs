using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Persistence;

/// <summary>The office a single-office deployment gets without any set-up, from configuration.</summary>
public sealed class DefaultOfficeOptions
{
    public string Code { get; set; } = "UPT";

    public string Name { get; set; } = "Unit Pelaksana Teknis Pemasyarakatan";

    public OfficeType Type { get; set; } = OfficeType.Rutan;

    public string TimeZone { get; set; } = "Asia/Jakarta";

    public string? Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>The demo office offers every service, so a newcomer can try each one.</summary>
    public OfficeServices Services { get; set; } = OfficeServices.All;

    /// <summary>
    /// Applies to the default office what changed in configuration since it was last applied
    /// (<paramref name="applied"/>, null when never): a setting changed here wins once, and an
    /// edit made in the console or on the command line stands until the setting changes again.
    /// Returns what to remember as applied.
    /// </summary>
    public string ApplyTo(Office office, string? applied)
    {
        var before = applied is null ? null : System.Text.Json.JsonSerializer.Deserialize<DefaultOfficeOptions>(applied);
        office.Name = before?.Name == Name ? office.Name : Name;
        office.Type = before?.Type == Type ? office.Type : Type;
        office.TimeZoneId = before?.TimeZone == TimeZone ? office.TimeZoneId : TimeZone;
        office.Address = before is not null && before.Address == Address ? office.Address : Address;
        office.Phone = before is not null && before.Phone == Phone ? office.Phone : Phone;
        office.Services = before?.Services == Services ? office.Services : Services;
        return System.Text.Json.JsonSerializer.Serialize(this);
    }
}

/// <summary>Applies migrations and seeds the default office.</summary>
public static class StoreInitializer
{
    /// <summary>
    /// Migrates the store to the current model. When no office exists, creates the default office;
    /// the default office always answers on the configured WhatsApp number and mailbox.
    /// </summary>
    public static async Task InitializeAsync(
        ChatBotDbFactory factory,
        DefaultOfficeOptions defaults,
        string? whatsAppFrom,
        string? emailAddress,
        DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (factory.Options.Provider == DatabaseProvider.Sqlite)
        {
            // Readers (the console) work beside the single writer; persistent in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);

        var office = await db.Offices.FirstOrDefaultAsync(o => o.IsDefault, cancellationToken);
        if (office is null && !await db.Offices.AnyAsync(cancellationToken))
        {
            office = new Office { Code = defaults.Code, Name = defaults.Name, IsDefault = true };
            db.Offices.Add(office);
            db.AuditEntries.Add(AuditEntry.Of("system", "office.seed", $"Office/{defaults.Code}", nowUtc));
        }

        if (office is not null)
        {
            var applied = defaults.ApplyTo(office, office.AppliedDefaults);
            if (applied != office.AppliedDefaults && office.Id != 0)
            {
                db.AuditEntries.Add(AuditEntry.Of("system", "office.configure", $"Office/{office.Code}", nowUtc));
            }

            office.AppliedDefaults = applied;

            var number = WhatsAppAddress.Normalize(whatsAppFrom);
            if (!string.IsNullOrEmpty(number))
            {
                office.WhatsAppNumber = number;
            }

            if (!string.IsNullOrWhiteSpace(emailAddress))
            {
                office.EmailAddress = emailAddress.Trim().ToLowerInvariant();
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // Every office starts with a few ready-made answers and frequent questions officers can adapt.
        await StartersAsync(db, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives each office that has none the ready-made answers and frequent questions to start from
    /// (an office that deleted all of one kind gets them again on the next start).
    /// </summary>
    public static async Task StartersAsync(ChatBotDb db, CancellationToken cancellationToken)
    {
        var withReplies = await db.CannedReplies.Select(c => c.OfficeId).Distinct().ToListAsync(cancellationToken);
        var withQuestions = await db.FrequentQuestions.Select(q => q.OfficeId).Distinct().ToListAsync(cancellationToken);
        foreach (var officeId in await db.Offices.Select(o => o.Id).ToListAsync(cancellationToken))
        {
            if (!withReplies.Contains(officeId))
            {
                db.CannedReplies.AddRange(DefaultCannedReplies.For(officeId));
            }

            if (!withQuestions.Contains(officeId))
            {
                db.FrequentQuestions.AddRange(FrequentQuestions.Defaults(officeId));
            }
        }
    }
}

/// <summary>The ready-made answers a new office gets (Indonesian; officers edit them to fit).</summary>
public static class DefaultCannedReplies
{
    public static IEnumerable<CannedReply> For(int officeId) =>
    [
        new() { OfficeId = officeId, Title = "Salam pembuka", Body = "Selamat datang, kami siap membantu. Mohon jelaskan keperluan Anda." },
        new() { OfficeId = officeId, Title = "Mohon ditunggu", Body = "Terima kasih, mohon ditunggu sebentar, kami sedang memeriksa data Anda." },
        new() { OfficeId = officeId, Title = "Layanan gratis", Body = "Seluruh layanan pemasyarakatan tidak dipungut biaya. Jangan berikan uang kepada siapa pun yang menjanjikan kemudahan." },
        new() { OfficeId = officeId, Title = "Penutup", Body = "Terima kasih telah menghubungi kami. Semoga membantu." },
    ];
}

/// <summary>WhatsApp addresses as Twilio writes them (<c>whatsapp:+62…</c>) and as we store them (<c>+62…</c>).</summary>
public static class WhatsAppAddress
{
    public const string Prefix = "whatsapp:";

    public static string? Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var trimmed = address.Trim();
        return trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? trimmed[Prefix.Length..] : trimmed;
    }
}
