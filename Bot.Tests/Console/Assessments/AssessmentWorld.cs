using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Clients;

namespace ChatBot.Bot.Tests.Console.Assessments;

/// <summary>Clients for the assessment tests, straight into the register.</summary>
public static class AssessmentWorld
{
    public static async Task<Client> ClientAsync(TestHost host, int officeId, int? pkOfficerId, string number, string name, DateOnly start, DateOnly end)
    {
        var client = new Client
        {
            OfficeId = officeId, RegistrationNumber = number, NumberKey = ClientRegister.Key(number), FullName = name,
            BirthDate = new DateOnly(1991, 4, 12), PkOfficerId = pkOfficerId, Town = "Kota Magelang", Programme = ClientProgramme.Pb,
            SupervisionStart = start, SupervisionEnd = end, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await using var db = host.Store.CreateDbContext();
        db.Clients.Add(client);
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return client;
    }

    /// <summary>The smallest file that reads as a PDF by its bytes.</summary>
    public static byte[] Pdf(int padding = 2000) =>
        [.. "%PDF-1.4\n%hasil asesmen\n"u8.ToArray(), .. Enumerable.Repeat((byte)' ', padding), .. "\n%%EOF\n"u8.ToArray()];
}
