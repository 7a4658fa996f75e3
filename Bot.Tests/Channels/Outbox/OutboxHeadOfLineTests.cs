using System.Diagnostics;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Channels.Outbox;

/// <summary>The running service's outbox: rows that are not due yet never keep a new answer from going out.</summary>
public sealed class OutboxHeadOfLineTests
{
    [Fact]
    public async Task Three_hundred_rows_waiting_at_the_head_of_the_outbox_do_not_delay_a_new_reply()
    {
        await using var host = await TestHost.StartAsync();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var db = host.Store.CreateDbContext())
        {
            // Notices to 300 people, deferred by a limit of ours or waiting for a retry, at the head of the outbox.
            var office = ConsoleData.DefaultOfficeId(host);
            for (var i = 0; i < 300; i++)
            {
                var conversation = new Conversation { OfficeId = office, Channel = ChannelKind.Simulator, UserAddress = $"+62812000130{i:000}", CreatedAt = now };
                db.Conversations.Add(conversation);
                var row = OutboundMessage.Queued(conversation, "Pengingat kunjungan", OutboundKind.Proactive, now);
                row.NextAttemptAt = now.AddMinutes(i % 2 == 0 ? 5 : 30);
                row.Attempts = i % 2;
                db.OutboundMessages.Add(row);
            }

            using (await host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        var clock = Stopwatch.StartNew();
        var stored = await host.Gateway.SendAsync("081200013999", "halo", null, null, CancellationToken.None);
        var replies = await host.Gateway.WaitForRepliesAsync(stored!.InboundMessageId, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.False(replies.TimedOut, $"The reply was not delivered within 2 s (waited {clock.ElapsedMilliseconds} ms).");
        Assert.Contains("Selamat datang", Assert.Single(replies.Replies));
        await using (var db = host.Store.CreateDbContext())
        {
            // The waiting rows still wait for their time.
            Assert.Equal(300, await db.OutboundMessages.CountAsync(m => m.Status == OutboundStatus.Queued && m.Kind == OutboundKind.Proactive));
        }
    }
}
