using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Domain.Offices;

/// <summary>
/// Offices by the address people write to. Offices change rarely, so they are cached and read
/// without a query on every message; <see cref="ReloadAsync"/> refreshes after an edit.
/// </summary>
public sealed class OfficeDirectory(ChatBotDbFactory factory)
{
    private volatile IReadOnlyList<Office> _offices = [];

    public IReadOnlyList<Office> All => _offices;

    /// <summary>The default office, or the only office; null when there are several and none is default.</summary>
    public Office? Default
    {
        get
        {
            var offices = _offices;
            return offices.FirstOrDefault(o => o.IsDefault) ?? (offices.Count == 1 ? offices[0] : null);
        }
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        _offices = await db.Offices.AsNoTracking().OrderBy(o => o.Id).ToListAsync(cancellationToken);
    }

    public Office? Find(int id) => _offices.FirstOrDefault(o => o.Id == id);

    public Office? FindByCode(string code) =>
        _offices.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The office a message sent to <paramref name="to"/> belongs to, or null when no office has
    /// that address. The simulator addresses offices by code and falls back to the default office.
    /// </summary>
    public Office? Resolve(ChannelKind channel, string to)
    {
        switch (channel)
        {
            case ChannelKind.WhatsApp:
                var number = WhatsAppAddress.Normalize(to);
                return _offices.FirstOrDefault(o => o.WhatsAppNumber is not null && o.WhatsAppNumber == number);
            case ChannelKind.Email:
                return _offices.FirstOrDefault(o =>
                    o.EmailAddress is not null && string.Equals(o.EmailAddress, to.Trim(), StringComparison.OrdinalIgnoreCase));
            case ChannelKind.Simulator:
                return string.IsNullOrWhiteSpace(to) ? Default : FindByCode(to) ?? Default;
            default:
                return null;
        }
    }
}
