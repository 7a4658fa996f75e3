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
