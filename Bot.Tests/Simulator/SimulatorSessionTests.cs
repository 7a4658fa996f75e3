using System.Net;
using System.Net.Http.Json;
using ChatBot.Bot.Simulator;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>
/// The simulator shows a simulated number's chat only to the tab or chat process holding that
/// number, and never anything of WhatsApp or e-mail: what an attacker walking message ids, or a
/// second tester on the same machine, would try.
/// </summary>
public sealed class SimulatorSessionTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private TestHost Host => shared.Host;

    [Fact]
    public async Task Replies_to_whatsapp_and_email_messages_are_never_shown_through_the_simulator()
    {
        var whatsApp = await StoreExchangeAsync(Host, ChannelKind.WhatsApp, "+6281377770001", "NIK saya 3171051208850001");
        var email = await StoreExchangeAsync(Host, ChannelKind.Email, "warga@contoh.co.id", "Alamat: Jl. Melati 7, kode ADU-2026-0001");
        using var tester = await SimulatorClient.ClaimAsync(Host, "081200004101");

        using var unknown = await tester.TurnAsync(email + 1_000_000);
        var unknownBody = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var id in new[] { whatsApp, email })
        {
            using var response = await tester.TurnAsync(id);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(unknownBody, body);
            Assert.DoesNotContain("3171051208850001", body);
            Assert.DoesNotContain("Melati", body);
        }

        using var anonymous = Host.CreateClient();
        using var noToken = await anonymous.GetAsync($"/simulator/api/turns/{whatsApp}?timeout=1");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Contains("Sesi simulator", await noToken.Content.ReadAsStringAsync());
        Assert.DoesNotContain("3171051208850001", await noToken.Content.ReadAsStringAsync());
        anonymous.DefaultRequestHeaders.Add(SimulatorSessions.Header, "tebakan-token");
        using var guessed = await anonymous.GetAsync($"/simulator/api/turns/{whatsApp}?timeout=1");
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
    }

    [Fact]
    public async Task One_session_cannot_read_or_write_another_numbers_chat()
    {
        using var a = await SimulatorClient.ClaimAsync(Host, "081200004111");
        using var b = await SimulatorClient.ClaimAsync(Host, "081200004112");
        using var bStream = await SimulatorStream.OpenAsync(Host, b.Token);

        var aMessage = await a.SendOkAsync("halo");
        Assert.Contains("Selamat datang", Assert.Single((await a.RepliesAsync(aMessage)).Replies));

        // Turns, history and the live stream of A stay out of B's reach.
        using (var turn = await b.TurnAsync(aMessage))
        {
            Assert.Equal(HttpStatusCode.NotFound, turn.StatusCode);
            Assert.DoesNotContain("Selamat datang", await turn.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await b.Http.GetAsync("/simulator/api/messages?from=081200004111")).StatusCode);
        Assert.Empty(await b.HistoryAsync());
        using (var stream = await b.Http.GetAsync($"/simulator/api/stream?session={Uri.EscapeDataString(b.Token)}&from=081200004111", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stream.StatusCode);
        }

        using (var anonymous = Host.CreateClient())
        {
            using var stream = await anonymous.GetAsync("/simulator/api/stream?from=081200004111", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
        }

        // B cannot write as A.
        using var forged = await SimulatorClient.ClaimAsync(Host, "081200004113");
        using (var asA = await forged.SendAsync("menu", from: "0812-0000-4111"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, asA.StatusCode);
        }

        Assert.Equal(["in", "out"], (await a.HistoryAsync()).Select(l => l.Direction));

        // B's stream carried none of A's chat: B's own answer is the first thing it saw.
        var bMessage = await b.SendOkAsync("english");
        await b.RepliesAsync(bMessage);
        var first = await bStream.NextAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(first);
        Assert.Contains("English", first);
    }

    [Fact]
    public async Task A_number_in_use_is_refused_until_its_session_ends_and_the_next_holder_sees_none_of_its_past()
    {
        using var first = await SimulatorClient.ClaimAsync(Host, "081200004121");
        var message = await first.SendOkAsync("halo");
        await first.RepliesAsync(message);

        using (var second = await SimulatorClient.TryClaimAsync(Host, "0812 0000 4121"))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Contains("Nomor ini sedang dipakai di tab atau sesi chat lain. Pakai nomor lain.", await second.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await first.EndAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.Http.GetAsync("/simulator/api/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.EndAsync()).StatusCode);

        using var next = await SimulatorClient.ClaimAsync(Host, "081200004121");
        Assert.Empty(await next.HistoryAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await next.TurnAsync(message)).StatusCode);
        var own = await next.SendOkAsync("menu");
        await next.RepliesAsync(own);
        Assert.Equal([own], (await next.HistoryAsync()).Where(l => l.Direction == "in").Select(l => l.Id));
    }

    /// <summary>Stores a conversation on another channel: the person's message and the bot's answer quoting it.</summary>
    internal static async Task<long> StoreExchangeAsync(TestHost host, ChannelKind channel, string from, string personal)
    {
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var now = DateTime.UtcNow;
        await using var db = host.Store.CreateDbContext();
        await using var write = await host.Store.BeginWriteAsync(db, CancellationToken.None);
        var conversation = new Conversation { OfficeId = office.Id, Channel = channel, UserAddress = from, CreatedAt = now, LastInboundAt = now, LastActivityAt = now };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        var inbound = new InboundMessage
        {
            Channel = channel, ProviderMessageId = Guid.NewGuid().ToString("N"), OfficeId = office.Id, From = from, To = "bot",
            Body = personal, ReceivedAt = now, Status = InboundStatus.Done, ProcessedAt = now, ConversationId = conversation.Id,
        };
        db.InboundMessages.Add(inbound);
        await db.SaveChangesAsync();
        db.OutboundMessages.Add(new OutboundMessage
        {
            ConversationId = conversation.Id, InboundMessageId = inbound.Id, Channel = channel, To = from, Body = $"Kami catat: {personal}",
            Status = OutboundStatus.Sent, CreatedAt = now, NextAttemptAt = now, SentAt = now, ProviderMessageId = Guid.NewGuid().ToString("N"),
        });
        await db.SaveChangesAsync();
        await write.CommitAsync(CancellationToken.None);
        return inbound.Id;
    }
}

/// <summary>A session left idle ends by itself, on a fake clock; activity keeps it alive.</summary>
public sealed class SimulatorSessionIdleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_idle_session_frees_its_number_and_the_next_holder_sees_none_of_its_past()
    {
        using var first = await SimulatorClient.ClaimAsync(_host, "081200004131");
        var message = await first.SendOkAsync("halo");
        await first.RepliesAsync(message);

        // Activity 20 minutes in keeps the number taken 20 minutes later.
        _clock.Advance(TimeSpan.FromMinutes(20));
        await first.HistoryAsync();
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Conflict, (await SimulatorClient.TryClaimAsync(_host, "081200004131")).StatusCode);

        // Then nothing for longer than the idle timeout (30 minutes by default).
        _clock.Advance(TimeSpan.FromMinutes(31));
        using var next = await SimulatorClient.ClaimAsync(_host, "081200004131");
        Assert.Empty(await next.HistoryAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await next.TurnAsync(message)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.Http.GetAsync("/simulator/api/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.TurnAsync(message)).StatusCode);
    }
}
