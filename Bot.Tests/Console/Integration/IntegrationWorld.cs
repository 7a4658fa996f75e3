using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console.Integration;

/// <summary>Requests and roster entries as the flow and <c>import wbp</c> would leave them.</summary>
public static class IntegrationWorld
{
    /// <summary>A submitted request whose KTP is a real file in the host's media folder.</summary>
    public static async Task<IntegrationRequest> SubmitAsync(TestHost host, string phone, string email, string inmate = "Budi Santoso", DateTime? submittedAt = null)
    {
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var folder = Directory.CreateDirectory(Path.Combine(host.Directory, "media", "ktp")).FullName;
        var ktp = Path.Combine(folder, $"{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(ktp, [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[64], 0xFF, 0xD9]);
        var at = submittedAt ?? DateTime.UtcNow;
        var request = new IntegrationRequest
        {
            OfficeId = office.Id,
            ReferenceCode = ChatBot.Domain.Requests.TicketCode.New("INF"),
            Status = IntegrationRequestStatus.Submitted,
            Relationship = "family",
            Programme = IntegrationProgramme.Pb,
            RequesterName = "Siti Aminah",
            Address = "Jl. Merdeka No. 10",
            Phone = phone,
            GuarantorName = "Ahmad Yani",
            GuarantorRelationship = "ayah",
            GuarantorAddress = "Jl. Merdeka No. 10",
            GuarantorPhone = "+6281298765432",
            InmateName = inmate,
            Nik = "3171051208850001",
            Email = email,
            KtpPath = ktp,
            KtpContentType = "image/jpeg",
            KtpBytes = new FileInfo(ktp).Length,
            ConsentedAt = at.AddMinutes(-10),
            DeclaredAt = at,
            SubmittedAt = at,
        };
        await using var db = host.Store.CreateDbContext();
        db.IntegrationRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    public static async Task<Inmate> AddInmateAsync(TestHost host, string name, string number)
    {
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var inmate = new Inmate
        {
            OfficeId = office.Id,
            RegistrationNumber = number,
            RegistrationKey = Roster.RegistrationKey(number),
            FullName = name,
            NameKey = InmateNameMatcher.Key(name),
            BirthDate = new DateOnly(1990, 8, 17),
            CellBlock = "A",
            UpdatedAt = DateTime.UtcNow,
        };
        await using var db = host.Store.CreateDbContext();
        db.Inmates.Add(inmate);
        await db.SaveChangesAsync();
        return inmate;
    }
}
