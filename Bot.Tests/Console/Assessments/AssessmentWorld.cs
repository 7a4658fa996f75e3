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

/// <summary>Litmas cases and console requests for the assessment tests.</summary>
public static class AssessmentConsole
{
    public static async Task<long> LitmasCaseAsync(TestHost host, int officeId, string number, string clientName)
    {
        var litmas = new ChatBot.Domain.Litmas.LitmasCase
        {
            OfficeId = officeId, RegistrationNumber = number, NumberKey = ChatBot.Domain.Litmas.LitmasNumber.Key(number), ClientName = clientName,
            PkName = "Rina Wulandari", Institution = ChatBot.Domain.Litmas.RequestingInstitution.Lapas, RequestedBy = "Lapas Kelas IIA Magelang",
            Stage = ChatBot.Domain.Litmas.LitmasStage.Penelitian, StageUpdatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
        };
        await using var db = host.Store.CreateDbContext();
        db.LitmasCases.Add(litmas);
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return litmas.Id;
    }

    /// <summary>Posts the record form as the browser would (multipart, with the session's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> RecordAsync(ChatBot.Bot.Tests.Console.ConsoleClient console, long clientId, string token, byte[] document, string fileName = "asesmen.pdf", string risk = "sedang", string assessor = "")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "AssessedOn" },
            { new StringContent(assessor), "AssessorOfficerId" },
            { new StringContent(risk), "Risk" },
            { new StringContent("pekerjaan"), "Needs" },
            { new StringContent("keluarga"), "Needs" },
            { new StringContent("Ikut pelatihan kerja BLK; kunjungan rumah bulanan."), "Recommendation" },
        };
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "document", fileName);
        return await console.Http.PostAsync($"/console/asesmen/catat/{clientId}", form);
    }
}
