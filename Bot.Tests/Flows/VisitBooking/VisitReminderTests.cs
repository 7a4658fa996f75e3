using ChatBot.Bot.Flows.VisitBooking;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Flows.VisitBooking;

/// <summary>The reminder goes out the configured time before the slot, once, as a proactive message with its topic.</summary>
public sealed class VisitReminderTests(VisitHost shared) : IClassFixture<VisitHost>
{
    private TestHost Host => shared.Host;

    [Fact]
    public async Task A_reminder_is_queued_before_the_slot_exactly_once()
    {
        // The fifth slot offered is an hour away: outside the host's five-minute reminder window.
        await Host.Chat("081300010001")
            .Send("halo").Send("1").Send("Budi Santoso").Send("17-08-1990").Send("Siti").Send("2").Send("ya")
            .Send("5").Expect("berhasil")
            .RunAsync();
        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(Host, "081300010001"));
        Assert.Null(visit.ReminderQueuedAt);

        var clock = new FakeTimeProvider(new DateTimeOffset(visit.SlotStart.AddMinutes(-31), TimeSpan.Zero));
        var options = new VisitOptions { ReminderBefore = TimeSpan.FromMinutes(30) };
        var reminders = new VisitReminders(
            Host.Store, options, Host.Services.GetRequiredService<OfficeDirectory>(), Host.Services.GetRequiredService<PipelineEvents>(), clock, NullLogger<VisitReminders>.Instance);

        Assert.Equal(0, await reminders.RunPassAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await reminders.RunPassAsync(CancellationToken.None));
        Assert.Equal(0, await reminders.RunPassAsync(CancellationToken.None));
        await Task.WhenAll(reminders.RunPassAsync(CancellationToken.None), reminders.RunPassAsync(CancellationToken.None));

        await using var db = Host.Store.CreateDbContext();
        var reminder = Assert.Single(await db.OutboundMessages.Where(m => m.ConversationId == visit.ConversationId && m.Topic == VisitNotices.ReminderTopic).ToListAsync());
        Assert.Equal(OutboundKind.Proactive, reminder.Kind);
        Assert.Contains(visit.Code, reminder.Body);
        Assert.Contains("Pengingat", reminder.Body);
        Assert.Contains($"\"code\":\"{visit.Code}\"", reminder.Payload);
    }
}
