using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.Guidance;

/// <summary>Clients, sessions and invitations the guidance tests need, made in the store as the console would leave them.</summary>
public static class GuidanceWorld
{
    private static int _next;

    public static Office Office(TestHost host) => host.Services.GetRequiredService<OfficeDirectory>().Default!;

    /// <summary>A client of the default office.</summary>
    public static async Task<Client> ClientAsync(TestHost host, string name, int? pkId, string? phone = null, string? email = null, string town = "Kota Magelang")
    {
        var number = Interlocked.Increment(ref _next);
        var registration = $"PB-{number:000}/BPS/2026-{Guid.NewGuid():N}"[..28];
        var client = new Client
        {
            OfficeId = Office(host).Id,
            RegistrationNumber = registration,
            NumberKey = ClientRegister.Key(registration),
            FullName = name,
            BirthDate = new DateOnly(1990, 1, 1),
            PkOfficerId = pkId,
            Phone = phone,
            Email = email,
            Town = town,
            Programme = ClientProgramme.Pb,
            SupervisionStart = new DateOnly(2026, 1, 1),
            SupervisionEnd = new DateOnly(2027, 1, 1),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await SaveAsync(host, db => db.Clients.Add(client));
        return client;
    }

    /// <summary>A session with invitations already sent; the given conversation is where its invitation went.</summary>
    public static async Task<(GuidanceSession Session, GuidanceInvitation Invitation)> InvitedAsync(
        TestHost host, Officer creator, Client client, long conversationId, string topic, DateTime startsAtUtc, GuidanceSessionKind kind = GuidanceSessionKind.Group)
    {
        var session = new GuidanceSession
        {
            OfficeId = Office(host).Id,
            Kind = kind,
            Status = GuidanceSessionStatus.Invited,
            Topic = topic,
            Place = "Aula Bapas Magelang",
            Town = kind == GuidanceSessionKind.Counter ? "Kota Magelang" : null,
            StartsAt = startsAtUtc,
            EndsAt = startsAtUtc.AddHours(2),
            CreatedByOfficerId = creator.Id,
            CreatedAt = startsAtUtc.AddDays(-5),
            ListedAt = startsAtUtc.AddDays(-5),
            InvitedAt = startsAtUtc.AddDays(-5),
        };
        await SaveAsync(host, db => db.GuidanceSessions.Add(session));
        var invitation = new GuidanceInvitation
        {
            SessionId = session.Id,
            ClientId = client.Id,
            PkOfficerId = client.PkOfficerId,
            ConversationId = conversationId,
            SentAt = session.InvitedAt,
        };
        await SaveAsync(host, db => db.GuidanceInvitations.Add(invitation));
        return (session, invitation);
    }

    /// <summary>The simulator conversation of the last message from anyone.</summary>
    public static async Task<long> LastConversationAsync(TestHost host)
    {
        await using var db = host.Store.CreateDbContext();
        return await db.InboundMessages.AsNoTracking().OrderByDescending(m => m.Id).Select(m => m.ConversationId!.Value).FirstAsync();
    }

    public static async Task<GuidanceInvitation> InvitationAsync(TestHost host, long id)
    {
        await using var db = host.Store.CreateDbContext();
        return await db.GuidanceInvitations.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private static async Task SaveAsync(TestHost host, Action<ChatBot.Domain.Persistence.ChatBotDb> add)
    {
        await using var db = host.Store.CreateDbContext();
        add(db);
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }
    }
}
