using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.Outreach;

/// <summary>Outreach requests the tests need, filed the way people file them, and what the requester was told.</summary>
public static class OutreachWorld
{
    /// <summary>A village's request filed by chat from <paramref name="phone"/>; returns it as stored.</summary>
    public static async Task<OutreachRequest> FileByChatAsync(TestHost host, string phone)
    {
        var chat = OutreachConversationTests.FillToLetter(host.Chat(phone))
            .SendFile("application/pdf", 90_000).Expect("Mohon periksa")
            .Send("kirim").Expect("SOS-");
        await chat.RunAsync();
        var code = Regex.Match(chat.LastReply, @"SOS-[0-9A-Z]{6}").Value;
        await using var db = host.Store.CreateDbContext();
        return await db.OutreachRequests.AsNoTracking().SingleAsync(r => r.Code == code);
    }

    /// <summary>A request put straight into the store, received at <paramref name="receivedAtUtc"/> (for deadlines).</summary>
    public static async Task<OutreachRequest> InStoreAsync(TestHost host, DateTime receivedAtUtc, string institution)
    {
        var office = host.Services.GetRequiredService<ChatBot.Domain.Offices.OfficeDirectory>().Default!;
        var request = new OutreachRequest
        {
            OfficeId = office.Id,
            Code = ChatBot.Domain.Requests.TicketCode.New("SOS"),
            Status = OutreachStatus.Submitted,
            InstitutionKind = OutreachInstitutions.School,
            InstitutionName = institution,
            ContactName = "Bu Ratna Sari",
            ContactPhone = "+6281234500077",
            PreferredDates = "2031-03-03",
            Topic = "narkoba",
            Audience = "90 siswa",
            AudienceSize = 90,
            ReceivedAt = receivedAtUtc,
        };
        await using var db = host.Store.CreateDbContext();
        db.OutreachRequests.Add(request);
        db.RequestEvents.Add(new ChatBot.Domain.Requests.RequestEvent { Kind = "outreach", Code = request.Code, OfficeId = office.Id, Step = "filed", ToStatus = "Submitted", Actor = "warga", At = receivedAtUtc });
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return request;
    }

    /// <summary>Waits until the requester's conversation was sent a message containing every fragment; returns it.</summary>
    public static async Task<string> ToldAsync(TestHost host, long? conversationId, params string[] fragments)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = host.Store.CreateDbContext())
            {
                var bodies = await db.OutboundMessages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
                if (bodies.FirstOrDefault(b => fragments.All(f => b.Contains(f, StringComparison.Ordinal))) is { } told)
                {
                    return told;
                }

                Assert.True(DateTime.UtcNow < deadline, $"The requester was not told [{string.Join(" | ", fragments)}]. Told:\n{string.Join("\n---\n", bodies)}\n{host.Logs}");
            }

            await Task.Delay(50);
        }
    }
}
