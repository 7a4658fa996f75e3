using ChatBot.Bot.OfficerConsole.Dashboard;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// The dashboard's figures against rows written straight into the store: "today" is the office's own
/// date (an office in Papua starts its day at 15:00 UTC), and each figure counts only its office.
/// </summary>
public sealed class DashboardFiguresTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    // 20:00 UTC on 22 November is 05:00 WIT on 23 November: the Jayapura office's day began at 15:00 UTC.
    private static readonly DateTime Now = new(2026, 11, 22, 20, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime Yesterday = new(2026, 11, 22, 14, 59, 0, DateTimeKind.Utc);

    private TestHost Host => service.Host;

    [Fact]
    public async Task Figures_count_the_office_own_day_and_only_its_own_rows()
    {
        var papua = await ConsoleData.AddOfficeAsync(Host, OfficeType.Lapas, "Asia/Jayapura");
        var other = await ConsoleData.AddOfficeAsync(Host, OfficeType.Rutan, "Asia/Jakarta");
        var time = new FakeTimeProvider(new DateTimeOffset(Now));
        var figures = new DashboardFigures(Host.Store, time, new ChatBot.Domain.Lookups.LookupThrottle(new ChatBot.Domain.Lookups.LookupOptions()));

        await using (var db = Host.Store.CreateDbContext())
        {
            var today = Conversation(papua.Id, "+6281300000001", At(16, 0));
            var old = Conversation(papua.Id, "+6281300000002", Yesterday);
            var elsewhere = Conversation(other.Id, "+6281300000003", At(19, 0));
            db.Conversations.AddRange(today, old, elsewhere);
            db.InboundMessages.AddRange(
                Inbound(papua.Id, At(15, 0)),
                Inbound(papua.Id, At(19, 0)),
                Inbound(papua.Id, At(19, 59)),
                Inbound(papua.Id, Yesterday),
                Inbound(other.Id, At(19, 0)),
                Inbound(null, At(19, 0)));
            db.OutboundMessages.AddRange(
                Outbound(today, OutboundStatus.Sent, sentAt: At(16, 0)),
                Outbound(today, OutboundStatus.Delivered, sentAt: At(16, 1)),
                Outbound(today, OutboundStatus.Read, sentAt: Yesterday),
                Outbound(today, OutboundStatus.Failed, updatedAt: At(17, 0)),
                Outbound(today, OutboundStatus.Failed, updatedAt: Yesterday),
                Outbound(elsewhere, OutboundStatus.Sent, sentAt: At(19, 0)),
                Outbound(elsewhere, OutboundStatus.Failed, updatedAt: At(19, 0)));
            db.Handovers.AddRange(
                Handover(today, papua.Id, HandoverStatus.Waiting, Now.AddMinutes(-10)),
                Handover(old, papua.Id, HandoverStatus.Waiting, Now.AddMinutes(-16)),
                Handover(today, papua.Id, HandoverStatus.Active, Now.AddMinutes(-40)),
                Handover(old, papua.Id, HandoverStatus.Closed, Now.AddMinutes(-90)),
                Handover(elsewhere, other.Id, HandoverStatus.Waiting, Now.AddMinutes(-60)));
            using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        var papuaToday = await figures.ForOfficesAsync([papua], CancellationToken.None);
        Assert.Equal(new TodayFigures(3, 2, 1, 1, 2, 1, 1, Now), papuaToday);

        var both = await figures.ForOfficesAsync([papua, other], CancellationToken.None);
        Assert.Equal(new TodayFigures(4, 3, 2, 2, 3, 1, 2, Now), both);

        // A row stored later the same day counts too (the cached id bound stays below it).
        await using (var db = Host.Store.CreateDbContext())
        {
            db.InboundMessages.Add(Inbound(papua.Id, At(19, 59)));
            using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        Assert.Equal(4, (await figures.ForOfficesAsync([papua], CancellationToken.None)).MessagesReceived);

        // Past midnight WIT (15:00 UTC) the papua office starts a new day with nothing in it.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        var tomorrow = await figures.ForOfficesAsync([papua], CancellationToken.None);
        Assert.Equal(0, tomorrow.MessagesReceived);
        Assert.Equal(0, tomorrow.RepliesSent);
        Assert.Equal(2, tomorrow.HandoversWaiting);
        Assert.Equal(2, tomorrow.HandoversOverdue);
    }

    [Fact]
    public void A_local_day_is_bounded_by_the_office_midnight()
    {
        var papua = new Office { Code = "X", Name = "X", TimeZoneId = "Asia/Jayapura" };
        var (start, end) = DashboardFigures.LocalDay(papua, Now);
        Assert.Equal(new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc), end);
    }

    private static DateTime At(int hour, int minute) => new(2026, 11, 22, hour, minute, 0, DateTimeKind.Utc);

    private static Conversation Conversation(int officeId, string phone, DateTime lastActivity) => new()
    {
        OfficeId = officeId,
        Channel = ChannelKind.Simulator,
        UserAddress = phone,
        CreatedAt = lastActivity,
        LastInboundAt = lastActivity,
        LastActivityAt = lastActivity,
    };

    private static InboundMessage Inbound(int? officeId, DateTime at) => new()
    {
        Channel = ChannelKind.Simulator,
        ProviderMessageId = Guid.NewGuid().ToString("N"),
        OfficeId = officeId,
        From = "+6281300000009",
        To = "",
        Body = "halo",
        ReceivedAt = at,
        ProcessedAt = at,
        Status = InboundStatus.Done,
    };

    private static OutboundMessage Outbound(Conversation conversation, OutboundStatus status, DateTime? sentAt = null, DateTime? updatedAt = null) => new()
    {
        Conversation = conversation,
        Channel = ChannelKind.Simulator,
        To = conversation.UserAddress,
        Body = "balasan",
        Status = status,
        CreatedAt = sentAt ?? updatedAt ?? Now,
        NextAttemptAt = sentAt ?? updatedAt ?? Now,
        SentAt = sentAt,
        StatusUpdatedAt = updatedAt ?? sentAt,
        Attempts = 1,
    };

    private static Handover Handover(Conversation conversation, int officeId, HandoverStatus status, DateTime requestedAt) => new()
    {
        Conversation = conversation,
        OfficeId = officeId,
        Status = status,
        RequestedAt = requestedAt,
    };
}
