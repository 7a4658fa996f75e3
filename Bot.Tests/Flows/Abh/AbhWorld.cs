using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Email;
using ChatBot.Channels.Inbox;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.Abh;

/// <summary>Officers, shifts and requests the ABH tests need, made the way the service makes them.</summary>
public static class AbhWorld
{
    public const string Password = "merah-putih-2026";

    /// <summary>An officer of the default office, with the phone and e-mail alerts reach them on (set in the store, as the console would).</summary>
    public static async Task<Officer> OfficerAsync(TestHost host, string userName, string name, OfficerRole role, string? phone = null, string? email = null)
    {
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var officer = await host.Services.GetRequiredService<OfficerAccounts>().CreateAsync(userName, name, role, office.Id, Password, "test", CancellationToken.None);
        await using var db = host.Store.CreateDbContext();
        var stored = await db.Officers.SingleAsync(o => o.Id == officer.Id);
        stored.Phone = phone;
        stored.Email = email;
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return stored;
    }

    /// <summary>A shift in the office's own time.</summary>
    public static async Task ShiftAsync(TestHost host, Officer officer, DateTime localStart, DateTime localEnd, int rank)
    {
        var change = await host.Services.GetRequiredService<DutyRoster>()
            .AddAsync(officer.OfficeId, officer.Id, localStart, localEnd, rank, Actor.Officer(officer.Id, "test"), CancellationToken.None);
        Assert.True(change.Ok, string.Join(" ", change.Problems));
    }

    /// <summary>The officer as the store has them now (for a desk step).</summary>
    public static async Task<Officer> ReloadAsync(TestHost host, Officer officer)
    {
        await using var db = host.Store.CreateDbContext();
        return await db.Officers.AsNoTracking().SingleAsync(o => o.Id == officer.Id);
    }

    /// <summary>A mail from <paramref name="from"/> to the office, stored as the mailbox listener stores one; returns when its turn ran, with the bot's answer.</summary>
    public static async Task<string> MailAsync(TestHost host, string from, string to, string body, IReadOnlyList<StoredAttachment>? attachments = null)
    {
        var messageId = $"<{Guid.NewGuid():N}@polres.test>";
        var stored = await host.Services.GetRequiredService<InboxWriter>().StoreAsync(
            new InboundEnvelope(ChannelKind.Email, messageId, from, to, body, "Bripka Sutrisno", attachments,
                new EmailInboundPayload(messageId, "Permohonan pendampingan ABH", null, null).ToJson()),
            CancellationToken.None);
        Assert.False(stored.Ignored, "No office answers on the address the mail was sent to.");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = host.Store.CreateDbContext())
            {
                var inbound = await db.InboundMessages.AsNoTracking().SingleAsync(m => m.Id == stored.InboundMessageId);
                if (inbound.Status == InboundStatus.Done)
                {
                    var replies = await db.OutboundMessages.AsNoTracking().Where(m => m.InboundMessageId == inbound.Id).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
                    return string.Join("\n\n", replies);
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"The mail was not answered within 15 s.\n{host.Logs}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds in the store (what a background worker does).</summary>
    public static async Task UntilAsync(TestHost host, Func<ChatBot.Domain.Persistence.ChatBotDb, Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = host.Store.CreateDbContext())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not reached within 15 s: {what}.\n{host.Logs}");
            await Task.Delay(50);
        }
    }
}

/// <summary>Requests made directly in the store, for console tests that do not need the chat.</summary>
public static class AbhRequestsInStore
{
    public const string Initials = "Z.K.";
    public const string HeldAt = "Ruang PPA Polsek Borobudur";
    public const string Offence = "pengrusakan pagar sekolah";

    public static async Task<AbhRequest> AddAsync(TestHost host, DateTime receivedAtUtc, bool withLetter = true)
    {
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        string? letter = null;
        if (withLetter)
        {
            var folder = Path.Combine(host.Directory, "media", "abh");
            Directory.CreateDirectory(folder);
            letter = Path.Combine(folder, $"{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(letter, "%PDF-1.4 surat permohonan"u8.ToArray());
        }

        var request = new AbhRequest
        {
            OfficeId = office.Id,
            Code = ChatBot.Domain.Requests.TicketCode.New("ABH"),
            Status = AbhRequestStatus.Received,
            InstitutionKind = AbhInstitutions.Police,
            InstitutionName = "Polres Magelang",
            InstitutionUnit = "Unit PPA",
            RequesterName = "Bripda Wulan",
            RequesterPhone = "+6281234500011",
            ChildInitials = Initials,
            ChildAge = 14,
            HeldAt = HeldAt,
            AllegedOffence = Offence,
            LetterPath = letter,
            LetterContentType = withLetter ? "application/pdf" : null,
            LetterBytes = withLetter ? 25 : 0,
            ReceivedAt = receivedAtUtc,
        };
        await using var db = host.Store.CreateDbContext();
        db.AbhRequests.Add(request);
        db.RequestEvents.Add(new ChatBot.Domain.Requests.RequestEvent { Kind = "abh", Code = request.Code, OfficeId = office.Id, Step = "filed", ToStatus = "Received", Actor = "warga", At = receivedAtUtc });
        using (await host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return request;
    }
}
