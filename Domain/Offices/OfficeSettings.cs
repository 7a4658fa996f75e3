using ChatBot.Domain.Audit;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Offices;

/// <summary>The outcome of adding or changing an office: the office, or why it was refused (Indonesian).</summary>
public sealed record OfficeChange(Office? Office, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Adds offices and changes their settings, from the console and the command line alike: checks
/// them, keeps codes, WhatsApp numbers and mailboxes unique (the address picks the office),
/// writes the audit log with the fields that changed, and reloads the <see cref="OfficeDirectory"/>
/// so the next message already sees the change.
/// </summary>
public sealed class OfficeSettings(ChatBotDbFactory factory, OfficeDirectory directory, TimeProvider time)
{
    /// <summary>Adds an office; its services default by its type (<see cref="OfficeServiceDefaults"/>) unless <paramref name="edit"/> sets them.</summary>
    public async Task<OfficeChange> AddAsync(string code, string name, OfficeType type, Action<Office> edit, string actor, CancellationToken cancellationToken)
    {
        var office = new Office { Code = code.Trim().ToUpperInvariant(), Name = name.Trim(), Type = type, Services = OfficeServiceDefaults.For(type) };
        edit(office);
        await using var db = factory.CreateDbContext();
        var problems = await ProblemsAsync(db, office, cancellationToken);
        if (problems.Count > 0)
        {
            return new OfficeChange(null, problems);
        }

        db.Offices.Add(office);
        db.AuditEntries.Add(AuditEntry.Of(actor, "office.add", $"Office/{office.Code}", time.GetUtcNow().UtcDateTime, office.Type.ToString()));
        await SaveAsync(db, cancellationToken);
        await StoreInitializer.StartersAsync(db, cancellationToken);
        await SaveAsync(db, cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        return new OfficeChange(office, []);
    }

    /// <summary>Changes an office's settings with <paramref name="edit"/>; nothing is saved when the result is refused.</summary>
    public async Task<OfficeChange> UpdateAsync(int officeId, Action<Office> edit, string actor, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == officeId, cancellationToken);
        if (office is null)
        {
            return new OfficeChange(null, ["Kantor tidak ditemukan."]);
        }

        edit(office);
        office.Code = office.Code.Trim().ToUpperInvariant();
        var problems = await ProblemsAsync(db, office, cancellationToken);
        if (problems.Count > 0)
        {
            return new OfficeChange(null, problems);
        }

        var changed = db.Entry(office).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Count > 0)
        {
            db.AuditEntries.Add(AuditEntry.Of(actor, "office.update", $"Office/{office.Code}", time.GetUtcNow().UtcDateTime, string.Join(", ", changed)));
            await SaveAsync(db, cancellationToken);
            await directory.ReloadAsync(cancellationToken);
        }

        return new OfficeChange(office, []);
    }

    private static async Task<List<string>> ProblemsAsync(ChatBotDb db, Office office, CancellationToken cancellationToken)
    {
        office.WhatsAppNumber = string.IsNullOrWhiteSpace(office.WhatsAppNumber) ? null : WhatsAppAddress.Normalize(office.WhatsAppNumber)!.Replace(" ", "");
        office.EmailAddress = string.IsNullOrWhiteSpace(office.EmailAddress) ? null : office.EmailAddress.Trim().ToLowerInvariant();
        office.Address = string.IsNullOrWhiteSpace(office.Address) ? null : office.Address.Trim();
        office.Phone = string.IsNullOrWhiteSpace(office.Phone) ? null : office.Phone.Trim();
        var problems = office.Problems().ToList();
        var others = db.Offices.Where(o => o.Id != office.Id);
        if (await others.AnyAsync(o => o.Code == office.Code, cancellationToken))
        {
            problems.Add($"Kode {office.Code} sudah dipakai kantor lain.");
        }

        if (office.WhatsAppNumber is { } number && await others.AnyAsync(o => o.WhatsAppNumber == number, cancellationToken))
        {
            problems.Add($"Nomor WhatsApp {number} sudah dipakai kantor lain.");
        }

        if (office.EmailAddress is { } email && await others.AnyAsync(o => o.EmailAddress == email, cancellationToken))
        {
            problems.Add($"Alamat email {email} sudah dipakai kantor lain.");
        }

        if (office.RegionOfficeId is { } region
            && (region == office.Id || !await db.Offices.AnyAsync(o => o.Id == region && o.Type == OfficeType.Kanwil, cancellationToken)))
        {
            problems.Add("Wilayah kantor harus sebuah Kanwil.");
        }

        return problems;
    }

    private async Task SaveAsync(ChatBotDb db, CancellationToken cancellationToken)
    {
        using (await factory.Gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
