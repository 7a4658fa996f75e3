using System.Globalization;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary>Register entries and chats as the permit tests need them.</summary>
public static class PermitWorld
{
    public static readonly DateOnly BirthDate = new(1990, 8, 17);

    /// <summary>A client of the default office with a registration number of its own.</summary>
    public static async Task<Client> AddClientAsync(TestHost host, string name = "Budi Santoso", int? pkOfficerId = null, int? officeId = null)
    {
        var office = officeId ?? host.Services.GetRequiredService<OfficeDirectory>().Default!.Id;
        var number = $"PB-{Random.Shared.Next(100, 99999)}/BPS/2026";
        var client = new Client
        {
            OfficeId = office,
            RegistrationNumber = number,
            NumberKey = ClientRegister.Key(number),
            FullName = name,
            BirthDate = BirthDate,
            PkOfficerId = pkOfficerId,
            Town = "Magelang",
            Programme = ClientProgramme.Pb,
            SupervisionStart = new DateOnly(2026, 1, 5),
            SupervisionEnd = new DateOnly(2027, 6, 30),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await using var db = host.Store.CreateDbContext();
        db.Clients.Add(client);
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return client;
    }

    /// <summary>Today at the default office (Asia/Jakarta), by the host's clock.</summary>
    public static DateOnly Today(TestHost host) =>
        host.Services.GetRequiredService<OfficeDirectory>().Default!.LocalDate(host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    public static string Typed(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>"20 Januari 2027", as the bot writes dates.</summary>
    public static string Written(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    /// <summary>Menu, a new request, consent, and items 1–3 (the client identified): ends at item 4.</summary>
    public static ChatScript ToDestination(ChatScript chat, Client client) => chat
        .Send("halo").Send("5").Expect("Izin ke Luar Kota", "Ajukan izin ke luar kota")
        .Send("1").Expect("UU No. 27 Tahun 2022", "90 hari", "setuju")
        .Send("ya").Expect("Butir 1 dari 10", "Klien sendiri", "Kuasa hukum", "Keluarga")
        .Send("3").Expect("Butir 2 dari 10", "Nama lengkap")
        .Send("Siti Aminah").Expect("nomor register klien")
        .Send(client.RegistrationNumber.ToLowerInvariant()).Expect("tanggal lahir klien")
        .Send("17-08-1990").Expect("cocok", client.RegistrationNumber, "Butir 4 dari 10");

    /// <summary>Everything valid, to the summary: leaves in 10 days, back in 15.</summary>
    public static ChatScript ToSummary(ChatScript chat, Client client, DateOnly today) => ToDestination(chat, client)
        .Send("Semarang").Expect("Butir 5 dari 10")
        .Send("Jl. Pandanaran No. 10, Semarang").Expect("Butir 6 dari 10")
        .Send("Menjenguk ibu yang sakit").Expect("Butir 7 dari 10")
        .Send(Typed(today.AddDays(10))).Expect("Butir 8 dari 10")
        .Send(Typed(today.AddDays(15))).Expect("Butir 9 dari 10")
        .Send("0812-3456-7890").Expect("Butir 10 dari 10", "2 MB")
        .SendFile("image/jpeg", 300_000).Expect("Periksa data permohonan", "SETUJU");
}

/// <summary>Permits as the form leaves them, on any channel, and taken through the officers' steps.</summary>
public static class PermitDesk
{
    /// <summary>A submitted permit filed from a conversation on <paramref name="channel"/> with <paramref name="address"/> (who wrote just now).</summary>
    public static async Task<ChatBot.Domain.Permits.TravelPermit> FileAsync(TestHost host, ChatBot.Domain.Conversations.ChannelKind channel, string address, string language = "id")
    {
        var client = await PermitWorld.AddClientAsync(host);
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var today = PermitWorld.Today(host);
        var scan = Path.Combine(Directory.CreateDirectory(Path.Combine(host.Directory, "media", "scans")).FullName, $"{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(scan, [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[64], 0xFF, 0xD9]);
        var now = DateTime.UtcNow;
        var conversation = new ChatBot.Domain.Conversations.Conversation
        {
            OfficeId = office.Id, Channel = channel, UserAddress = address, Language = language, CreatedAt = now, LastInboundAt = now, LastActivityAt = now,
        };
        var permit = new ChatBot.Domain.Permits.TravelPermit
        {
            OfficeId = office.Id,
            Code = ChatBot.Domain.Requests.TicketCode.New("IZN"),
            Language = language,
            Status = ChatBot.Domain.Permits.TravelPermitStatus.Submitted,
            ClientId = client.Id,
            ClientInitials = ClientRegister.Initials(client.FullName),
            ApplicantName = client.FullName,
            ApplicantRelationship = "self",
            DestinationTown = "Semarang",
            DestinationAddress = "Jl. Pandanaran No. 10, Semarang",
            Purpose = "Menjenguk ibu yang sakit",
            DepartOn = today.AddDays(10),
            ReturnOn = today.AddDays(15),
            ContactPhone = "+6281234567890",
            RequestFilePath = scan,
            RequestFileContentType = "image/jpeg",
            RequestFileBytes = new FileInfo(scan).Length,
            SubmittedAt = now,
        };
        await using var db = host.Store.CreateDbContext();
        db.Conversations.Add(conversation);
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
            permit.ConversationId = conversation.Id;
            db.TravelPermits.Add(permit);
            db.RequestEvents.Add(new ChatBot.Domain.Requests.RequestEvent { Kind = "permit", Code = permit.Code, OfficeId = office.Id, Step = "filed", ToStatus = "Submitted", Actor = "warga", At = now });
            await db.SaveChangesAsync();
        }

        return permit;
    }

    /// <summary>Takes the permit through examination, the TPP's approval, the draft and the head's signature; returns it signed.</summary>
    public static async Task<ChatBot.Domain.Permits.TravelPermit> SignAsync(TestHost host, long id)
    {
        var pk = await Console.ConsoleClient.CreateOfficerAsync(host, ChatBot.Domain.Officers.OfficerRole.Pk);
        var head = await Console.ConsoleClient.CreateOfficerAsync(host, ChatBot.Domain.Officers.OfficerRole.Kepala);
        var session = new ChatBot.Domain.Requests.StepInput(Fields: new Dictionary<string, string>
        {
            [ChatBot.Bot.Flows.TravelPermit.TravelPermitRequests.DateField] = PermitWorld.Today(host).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ChatBot.Bot.Flows.TravelPermit.TravelPermitRequests.MembersField] = "Drs. Hartono, Sri Lestari",
        });
        foreach (var (step, officer, input) in new[]
        {
            ("examine", pk, new ChatBot.Domain.Requests.StepInput()),
            ("approve", pk, session),
            ("draft", pk, new ChatBot.Domain.Requests.StepInput()),
            ("sign", head, new ChatBot.Domain.Requests.StepInput()),
        })
        {
            Assert.Equal(ChatBot.Domain.Requests.RequestActionStatus.Done, await ActAsync(host, id, step, officer, input));
        }

        await using var db = host.Store.CreateDbContext();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.TravelPermits, p => p.Id == id);
    }

    public static Task<ChatBot.Domain.Requests.RequestActionStatus> ActAsync(TestHost host, long id, string step, ChatBot.Domain.Officers.Officer officer, ChatBot.Domain.Requests.StepInput? input = null) =>
        Desk.ActAsync<ChatBot.Domain.Permits.TravelPermit, ChatBot.Domain.Permits.TravelPermitStatus>(host, id, step, officer, input ?? new ChatBot.Domain.Requests.StepInput());
}
