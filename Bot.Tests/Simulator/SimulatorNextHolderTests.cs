using System.Net;
using ChatBot.Bot.Flows.Handover;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>
/// A simulated number changes hands: the first holder ends its session and someone else claims the
/// number. The second holder starts a conversation of their own and inherits nothing of the first's
/// (language, the dialog in progress, a handover, the complaints filed, what officers or the bot
/// write to the first holder later), while the first holder's conversation stays for officers.
/// </summary>
public sealed class SimulatorNextHolderTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private TestHost Host => shared.Host;

    [Fact]
    public async Task The_next_holder_is_answered_in_indonesian_although_the_previous_one_chose_english()
    {
        await using (var first = await HolderAsync("081200004401"))
        {
            Assert.Contains("continue in English", await first.SayAsync("english"));
        }

        await using var second = await HolderAsync("081200004401");
        var menu = await second.SayAsync("menu");
        Assert.Contains("Silakan pilih layanan", menu);
        Assert.DoesNotContain("Please choose", menu);
    }

    [Fact]
    public async Task The_next_holder_does_not_continue_the_previous_holders_dialog()
    {
        await using (var first = await HolderAsync("081200004402"))
        {
            await first.SayAsync("menu");
            Assert.Contains("Siapa nama Anda?", await first.SayAsync("1"));
        }

        // The previous holder was asked for a name; to the next one "Budi Santoso" is a first message.
        await using var second = await HolderAsync("081200004402");
        var answer = await second.SayAsync("Budi Santoso");
        Assert.Contains("Selamat datang", answer);
        Assert.DoesNotContain("Budi", answer);
    }

    [Fact]
    public async Task The_next_holder_is_answered_by_the_bot_although_the_previous_one_waits_for_an_officer()
    {
        await using (var first = await HolderAsync("081200004403"))
        {
            Assert.Contains("antrean", await first.SayAsync("petugas"));
        }

        await using var second = await HolderAsync("081200004403");
        Assert.Contains("Selamat datang", await second.SayAsync("halo"));

        // The previous holder's request for an officer is still there for the officers, on its own conversation.
        await using var db = Host.Store.CreateDbContext();
        var waiting = await db.Handovers.Include(h => h.Conversation)
            .Where(h => h.Status == HandoverStatus.Waiting && h.Conversation!.UserAddress.StartsWith("+6281200004403"))
            .Select(h => h.Conversation!.UserAddress).ToListAsync();
        Assert.Single(waiting);
        Assert.NotEqual("+6281200004403", waiting[0]);
    }

    [Fact]
    public async Task The_next_holder_cannot_read_the_previous_holders_complaint_by_its_code()
    {
        string code;
        await using (var first = await HolderAsync("081200004404"))
        {
            code = await first.FileComplaintAsync("Budi Santoso");
            Assert.Contains("menunggu telaah Kepala", await first.SayAsync($"status pengaduan {code}"));
        }

        await using var second = await HolderAsync("081200004404");
        var answer = await second.SayAsync($"status pengaduan {code}");
        Assert.Contains("tidak kami temukan", answer);
        Assert.DoesNotContain("Sarana", answer);
        Assert.DoesNotContain("menunggu telaah", answer);

        // The complaint keeps the conversation it was filed from, for the officers handling it.
        await using var db = Host.Store.CreateDbContext();
        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Code == code);
        Assert.True(await db.Conversations.AnyAsync(c => c.Id == complaint.ConversationId));
    }

    [Fact]
    public async Task Messages_for_the_previous_holders_conversation_never_reach_the_next_holder()
    {
        const string phone = "+6281200004405";
        Conversation before;
        await using (var first = await HolderAsync("081200004405"))
        {
            Assert.Contains("antrean", await first.SayAsync("petugas"));
            await using var db = Host.Store.CreateDbContext();
            // What a writer (a console page, a reminder job) had read just before the number changed hands.
            before = await db.Conversations.AsNoTracking().SingleAsync(c => c.Channel == ChannelKind.Simulator && c.UserAddress == phone);
            // A notice already in the outbox for the first holder, due only after the number changed hands.
            var queued = OutboundMessage.Queued(before, "Pemberitahuan antre untuk pemegang lama", OutboundKind.Proactive, DateTime.UtcNow);
            queued.NextAttemptAt = DateTime.UtcNow.AddSeconds(3);
            db.OutboundMessages.Add(queued);
            await db.SaveChangesAsync();
        }

        using var phoneInbox = Host.Hub.Subscribe(phone);
        await using var second = await HolderAsync("081200004405");
        using var stream = await SimulatorStream.OpenAsync(Host, second.Client.Token);

        // After the claim: an officer takes the first holder's request and answers it, and a writer
        // still holding the conversation as it was read before queues a reminder.
        var handovers = Host.Services.GetRequiredService<HandoverService>();
        var officer = await OfficerAsync();
        long handoverId;
        await using (var db = Host.Store.CreateDbContext())
        {
            handoverId = await db.Handovers.Where(h => h.ConversationId == before.Id && h.Status == HandoverStatus.Waiting).Select(h => h.Id).SingleAsync();
            db.OutboundMessages.Add(OutboundMessage.Queued(before, "Pengingat untuk pemegang lama", OutboundKind.Proactive, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.Equal(HandoverActionResult.Done, await handovers.TakeAsync(handoverId, officer, CancellationToken.None));
        Assert.Equal(HandoverActionResult.Done, await handovers.ReplyAsync(before.Id, officer, "Jawaban petugas untuk pemegang lama", CancellationToken.None));
        await WaitUntilAllSentAsync(before.Id, 5);

        var own = await second.SayAsync("halo");
        Assert.Contains("Selamat datang", own);

        // The stream's first message is the second holder's own answer; the history has only their chat.
        var firstSeen = await stream.NextAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(firstSeen);
        Assert.Contains("Selamat datang", firstSeen);
        var history = await second.Client.HistoryAsync();
        Assert.Equal(["halo"], history.Where(l => l.Direction == "in").Select(l => l.Body));
        Assert.All(history, l => Assert.DoesNotContain("pemegang lama", l.Body));
        Assert.All(history, l => Assert.DoesNotContain("Siti", l.Body));

        // What was written for the first holder after the claim, or waited in the outbox, did not even go to the number.
        var delivered = new List<string>();
        while (phoneInbox.Reader.TryRead(out var delivery))
        {
            delivered.Add(delivery.Body);
        }

        Assert.DoesNotContain(delivered, body => body.Contains("Jawaban petugas", StringComparison.Ordinal));
        Assert.DoesNotContain(delivered, body => body.Contains("Pemberitahuan antre", StringComparison.Ordinal));
        Assert.DoesNotContain(delivered, body => body.Contains("Siti", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reloaded_tab_keeps_its_conversation()
    {
        await using var tab = await HolderAsync("081200004406");
        Assert.Contains("continue in English", await tab.SayAsync("english"));

        // A reload keeps the session's token: same session, same conversation.
        using var reloaded = new HttpClient { BaseAddress = Host.BaseAddress };
        reloaded.DefaultRequestHeaders.Add(ChatBot.Bot.Simulator.SimulatorSessions.Header, tab.Client.Token);
        Assert.Equal(HttpStatusCode.OK, (await reloaded.GetAsync("/simulator/api/messages")).StatusCode);
        Assert.Contains("Please choose", await tab.SayAsync("menu"));
    }

    private async Task<Officer> OfficerAsync()
    {
        var office = Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        return await Host.Services.GetRequiredService<OfficerAccounts>().CreateAsync(
            $"siti{Guid.NewGuid():N}"[..20], "Siti Rahma", OfficerRole.ServiceOfficer, office.Id, "merah-putih-2026", "test", CancellationToken.None);
    }

    /// <summary>Waits until the outbox has sent <paramref name="count"/> messages of the conversation and holds none back.</summary>
    private async Task WaitUntilAllSentAsync(long conversationId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = Host.Store.CreateDbContext();
            var rows = await db.OutboundMessages.Where(m => m.ConversationId == conversationId).Select(m => m.Status).ToListAsync();
            if (rows.Count >= count && rows.All(s => s == OutboundStatus.Sent))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The outbox did not send the conversation's messages: {string.Join(", ", rows)}.");
            await Task.Delay(50);
        }
    }

    private async Task<Holder> HolderAsync(string phone) => new(await SimulatorClient.ClaimAsync(Host, phone));

    /// <summary>A tab holding a number; disposing it ends the session, as switching number does.</summary>
    private sealed class Holder(SimulatorClient client) : IAsyncDisposable
    {
        public SimulatorClient Client { get; } = client;

        /// <summary>Sends a message and returns the bot's answer (all its parts).</summary>
        public async Task<string> SayAsync(string text) =>
            string.Join("\n\n", (await Client.RepliesAsync(await Client.SendOkAsync(text))).Replies);

        public async Task<string> FileComplaintAsync(string name)
        {
            await SayAsync("pengaduan");
            await SayAsync("baru");
            await SayAsync("5");
            await SayAsync("Kursi ruang tunggu kunjungan banyak yang patah.");
            await SayAsync("lewati");
            await SayAsync("tidak");
            Assert.Contains($"Pelapor: {name}", await SayAsync(name));
            return ChatBot.Domain.Requests.TicketCode.Find("ADU", await SayAsync("ya"))!;
        }

        public async ValueTask DisposeAsync()
        {
            using var ended = await Client.EndAsync();
            Client.Dispose();
        }
    }
}

/// <summary>
/// The previous holder's last messages are still waiting for their turn when the number changes
/// hands (the turn processor is held still here, then run by the test): they are answered in the
/// previous holder's conversation, and the next holder's first message starts a fresh one.
/// </summary>
public sealed class SimulatorNextHolderPendingTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Workers:TurnProcessor:Enabled"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Messages_of_the_previous_holder_not_yet_answered_stay_in_its_conversation()
    {
        long previous;
        using (var first = await SimulatorClient.ClaimAsync(_host, "081200004411"))
        {
            previous = await first.SendOkAsync("english");
            Assert.Equal(HttpStatusCode.NoContent, (await first.EndAsync()).StatusCode);
        }

        using var second = await SimulatorClient.ClaimAsync(_host, "081200004411");
        var own = await second.SendOkAsync("menu");
        await _host.Services.GetRequiredService<ChatBot.Bot.Workers.TurnProcessor>().ProcessPendingAsync(CancellationToken.None);

        var menu = string.Join("\n\n", (await second.RepliesAsync(own)).Replies);
        Assert.Contains("Silakan pilih layanan", menu);
        Assert.DoesNotContain("Please choose", menu);
        Assert.All(await second.HistoryAsync(), l => Assert.DoesNotContain("English", l.Body));

        // The previous holder's message was answered, in English, in the conversation it began.
        await using var db = _host.Store.CreateDbContext();
        var answered = await db.InboundMessages.AsNoTracking().SingleAsync(m => m.Id == previous);
        var mine = await db.InboundMessages.AsNoTracking().SingleAsync(m => m.Id == own);
        Assert.NotEqual(mine.ConversationId, answered.ConversationId);
        Assert.Equal("en", (await db.Conversations.SingleAsync(c => c.Id == answered.ConversationId)).Language);
        Assert.Equal("id", (await db.Conversations.SingleAsync(c => c.Id == mine.ConversationId)).Language);
    }
}
