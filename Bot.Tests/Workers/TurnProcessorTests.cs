using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Simulator;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Workers;

/// <summary>Order, exactly-once and crash recovery of the inbox → turn → outbox pipeline.</summary>
public sealed class TurnProcessorTests : IDisposable
{
    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task Concurrent_messages_from_one_sender_are_answered_in_arrival_order()
    {
        await using var host = await TestHost.StartAsync(extraDialogs: [new CounterDialog()]);
        const string phone = "+6281200002001";
        await host.Chat(phone).Send("4").Expect("counter ready").RunAsync();

        var sends = Enumerable.Range(1, 30)
            .Select(i => Task.Run(() => host.Gateway.SendAsync(phone, $"m{i}", null, null, CancellationToken.None)))
            .ToArray();
        var stored = (await Task.WhenAll(sends)).Select(s => s!.InboundMessageId).ToList();
        foreach (var id in stored)
        {
            var replies = await host.Gateway.WaitForRepliesAsync(id, TimeSpan.FromSeconds(15), CancellationToken.None);
            Assert.False(replies.TimedOut);
        }

        await using var db = host.Store.CreateDbContext();
        var inbound = await db.InboundMessages.Where(m => stored.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        var outbound = await db.OutboundMessages.Where(m => m.InboundMessageId != null && stored.Contains(m.InboundMessageId.Value))
            .ToDictionaryAsync(m => m.InboundMessageId!.Value);
        for (var i = 0; i < inbound.Count; i++)
        {
            // The i-th message stored is the i-th turn, and it answers that message's own text.
            Assert.Equal($"turn {i + 1}: {inbound[i].Body}", outbound[inbound[i].Id].Body);
        }
    }

    [Fact]
    public async Task A_message_stored_before_a_crash_is_answered_exactly_once_after_restart()
    {
        var directory = _directory;
        const string phone = "+6281200002002";
        long inboundId;
        await using (var first = await TestHost.StartAsync(directory, new Dictionary<string, string?> { ["Workers:TurnProcessor:Enabled"] = "false" }))
        {
            inboundId = (await first.Gateway.SendAsync(phone, "halo", "crash-1", null, CancellationToken.None))!.InboundMessageId;
            await using var db = first.Store.CreateDbContext();
            Assert.Equal(InboundStatus.Pending, (await db.InboundMessages.SingleAsync(m => m.Id == inboundId)).Status);
            Assert.Equal(0, await db.OutboundMessages.CountAsync());
            await first.StopAsync();
        }

        var hub = new SimulatorHub();
        using var phoneInbox = hub.Subscribe(phone);
        var second = await TestHost.StartAsync(directory, services: s => s.AddSingleton(hub));
        var replies = await second.Gateway.WaitForRepliesAsync(inboundId, TimeSpan.FromSeconds(15), CancellationToken.None);
        Assert.False(replies.TimedOut);
        Assert.Contains("Selamat datang", Assert.Single(replies.Replies));

        // The transport redelivers the same message after the restart: it is not answered again.
        var again = await second.Gateway.SendAsync(phone, "halo", "crash-1", null, CancellationToken.None);
        Assert.True(again!.Duplicate);
        await second.StopAsync();

        // A third start finds nothing left to do.
        await using var third = await TestHost.StartAsync(directory, services: s => s.AddSingleton(hub));
        await Task.Delay(600);
        await using (var db = third.Store.CreateDbContext())
        {
            var sent = await db.OutboundMessages.Where(m => m.InboundMessageId == inboundId).ToListAsync();
            Assert.Equal(OutboundStatus.Sent, Assert.Single(sent).Status);
            Assert.Equal(InboundStatus.Done, (await db.InboundMessages.SingleAsync(m => m.Id == inboundId)).Status);
        }

        var delivered = new List<SimulatorDelivery>();
        while (phoneInbox.Reader.TryRead(out var delivery))
        {
            delivered.Add(delivery);
        }

        Assert.Single(delivered);
    }

    [Fact]
    public async Task A_conversation_saved_before_a_step_was_inserted_restarts_politely()
    {
        var directory = _directory;
        const string phone = "+6281200002003";
        await using (var first = await TestHost.StartAsync(directory, extraDialogs: [new TestFormDialog()]))
        {
            await first.Chat(phone).Send("1").Expect("Siapa nama Anda?").RunAsync();
            await first.StopAsync();
        }

        await using var second = await TestHost.StartAsync(directory, extraDialogs: [new TestFormDialog(askTitle: true)]);
        await second.Chat(phone)
            .Send("Budi").Expect("diperbarui", "Silakan pilih layanan").ExpectNot("tanggal berapa")
            .Send("1").Expect("Siapa nama Anda?")
            .RunAsync();
    }

    [Fact]
    public async Task A_message_to_an_unknown_office_address_is_stored_but_not_answered()
    {
        await using var host = await TestHost.StartAsync();
        var result = await host.Services.GetRequiredService<ChatBot.Channels.Inbox.InboxWriter>().StoreAsync(
            new ChatBot.Channels.Inbox.InboundEnvelope(ChannelKind.WhatsApp, "SM-unknown-1", "+6281200002004", "whatsapp:+14155550000", "halo"),
            CancellationToken.None);
        Assert.True(result.Ignored);
        await using var db = host.Store.CreateDbContext();
        var stored = await db.InboundMessages.SingleAsync(m => m.Id == result.InboundMessageId);
        Assert.Equal(InboundStatus.Ignored, stored.Status);
        Assert.Equal(0, await db.OutboundMessages.CountAsync(m => m.InboundMessageId == stored.Id));
    }

    [Fact]
    public async Task A_bug_in_a_flow_gets_an_apology_and_does_not_hold_up_other_people()
    {
        await using var host = await TestHost.StartAsync(extraDialogs: [new ThrowingDialog(), new TestFormDialog()]);
        await host.Chat("+6281200002005").Send("2").Expect("say boom").RunAsync();
        await host.Chat("+6281200002006").Send("1").Expect("Siapa nama Anda?").RunAsync();

        // Both arrive together, so they are likely to share one batch of turns.
        var failing = host.Chat("+6281200002005").Send("boom").Expect("terjadi gangguan", "*petugas*");
        var healthy = host.Chat("+6281200002006").Send("Budi").Expect("Halo Budi");
        await Task.WhenAll(failing.RunAsync(), healthy.RunAsync());

        // The broken conversation starts afresh and works again.
        await host.Chat("+6281200002005").Send("halo").Expect("Selamat datang").RunAsync();
    }
}
