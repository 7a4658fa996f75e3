using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console;

/// <summary>Records the console tests need in the store beside what the service seeds.</summary>
public static class ConsoleData
{
    /// <summary>Adds an office and reloads the service's office directory.</summary>
    public static async Task<Office> AddOfficeAsync(TestHost host, OfficeType type, string timeZone = "Asia/Jakarta")
    {
        var code = $"{type.ToString().ToUpperInvariant()}-{Guid.NewGuid():N}"[..16];
        var office = new Office { Code = code, Name = $"{type} {code}", Type = type, TimeZoneId = timeZone };
        await using (var db = host.Store.CreateDbContext())
        {
            db.Offices.Add(office);
            using (await host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        await host.Services.GetRequiredService<OfficeDirectory>().ReloadAsync(CancellationToken.None);
        return office;
    }

    public static int DefaultOfficeId(TestHost host) => host.Services.GetRequiredService<OfficeDirectory>().Default!.Id;
}
