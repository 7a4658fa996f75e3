using ChatBot.Bot.Tests.Flows.VisitBooking;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Domain.Visits;

/// <summary>Many families book the last free place at once: exactly one gets it, on SQLite and on PostgreSQL.</summary>
public sealed class VisitBookingConcurrencyTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Families = 12;

    [Fact]
    public async Task Exactly_one_of_many_parallel_bookings_gets_the_last_slot_on_sqlite()
    {
        await using var host = await TestHost.StartAsync(settings: VisitWorld.Settings());
        await AssertOneWinnerAsync(host);
    }

    [Fact]
    public async Task Exactly_one_of_many_parallel_bookings_gets_the_last_slot_on_postgres()
    {
        var settings = VisitWorld.Settings(new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync() });
        await using var host = await TestHost.StartAsync(settings: settings);
        await AssertOneWinnerAsync(host);
    }

    [Fact]
    public async Task Queue_numbers_start_at_one_each_day_and_parallel_bookings_never_share_one_on_postgres()
    {
        var settings = VisitWorld.Settings(new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync() });
        await using var host = await TestHost.StartAsync(settings: settings);
        await AssertQueueNumbersAsync(host);
    }

    [Fact]
    public async Task Queue_numbers_start_at_one_each_day_and_parallel_bookings_never_share_one_on_sqlite()
    {
        await using var host = await TestHost.StartAsync(settings: VisitWorld.Settings());
        await AssertQueueNumbersAsync(host);
    }

    /// <summary>The day's first booking is 1 even for a late slot; the next ones, made at once, are 2…N; a cancelled number is not given again.</summary>
    private static async Task AssertQueueNumbersAsync(TestHost host)
    {
        var roster = "registration_number,full_name,birth_date\n" + string.Join("\n", Enumerable.Range(1, Families + 1).Select(i => $"Q-{i},Warga {i},1990-01-01"));
        await VisitWorld.SeedAsync(host, stations: 4, roster: roster);
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var bookings = host.Services.GetRequiredService<VisitBookings>();
        var now = DateTime.UtcNow;
        List<Inmate> inmates;
        List<Conversation> conversations;
        List<DateTime> slots;
        await using (var db = host.Store.CreateDbContext())
        {
            inmates = await db.Inmates.OrderBy(i => i.Id).ToListAsync();
            conversations = await AddConversationsAsync(db, office, Families + 1, "+62813300", now);
            var morning = VisitBookings.ToUtc(office, office.LocalDate(now).AddDays(3).ToDateTime(new TimeOnly(8, 0)));
            slots = (await bookings.FreeSlotsAsync(new UnitOfWork(db, morning, CancellationToken.None), office, inmates[0].Id, null))
                .Where(s => office.LocalDate(s.StartUtc) == office.LocalDate(morning)).Select(s => s.StartUtc).ToList();
        }

        BookingRequest Request(int i, DateTime slot) =>
            new(office.Id, inmates[i].Id, conversations[i].Id, ChannelKind.Simulator, $"Keluarga {i}", "parent", conversations[i].UserAddress, slot, now);

        // The last slot of the day is booked first: it is number 1 all the same.
        var first = await bookings.BookAsync(office, Request(Families, slots[^1]), now, CancellationToken.None);
        Assert.Equal(1, first.Visit!.QueueNumber);
        Assert.True(await bookings.CancelAsync(first.Visit.Id, conversations[Families].Id, now, CancellationToken.None));

        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, Families).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await bookings.BookAsync(office, Request(i, slots[i % slots.Count]), now, CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.All(results, r => Assert.Equal(BookingOutcome.Booked, r.Outcome));
        Assert.Equal(Enumerable.Range(2, Families), results.Select(r => r.Visit!.QueueNumber).Order());
    }

    [Fact]
    public async Task Relatives_booking_one_inmate_at_once_cannot_beat_the_weekly_limit_on_postgres()
    {
        var settings = VisitWorld.Settings(new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync() });
        await using var host = await TestHost.StartAsync(settings: settings);
        await VisitWorld.SeedAsync(host, stations: 4, weeklyLimit: 1, roster: "registration_number,full_name,birth_date\nR-1,Warga Satu,1990-01-01");
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var bookings = host.Services.GetRequiredService<VisitBookings>();
        var now = DateTime.UtcNow;
        Inmate inmate;
        List<Conversation> relatives;
        List<DateTime> slots;
        await using (var db = host.Store.CreateDbContext())
        {
            inmate = await db.Inmates.SingleAsync();
            relatives = await AddConversationsAsync(db, office, 5, "+62813200", now);
            // Different slots of one morning, so all in one week (the schedule is open every day, all day).
            var morning = VisitBookings.ToUtc(office, office.LocalDate(now).AddDays(2).ToDateTime(new TimeOnly(8, 0)));
            slots = (await bookings.FreeSlotsAsync(new UnitOfWork(db, morning, CancellationToken.None), office, inmate.Id, null)).Take(relatives.Count).Select(s => s.StartUtc).ToList();
        }

        var week = VisitBookings.WeekStart(DateOnly.FromDateTime(office.ToLocal(slots[0])));
        Assert.All(slots, slot => Assert.Equal(week, VisitBookings.WeekStart(DateOnly.FromDateTime(office.ToLocal(slot)))));
        using var start = new ManualResetEventSlim();
        var attempts = relatives.Select((relative, i) => Task.Run(async () =>
        {
            start.Wait();
            return await bookings.BookAsync(office, new(office.Id, inmate.Id, relative.Id, ChannelKind.Simulator, $"Keluarga {i}", "sibling", relative.UserAddress, slots[i], now), now, CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r.Outcome == BookingOutcome.Booked));
        Assert.Equal(relatives.Count - 1, results.Count(r => r.Outcome == BookingOutcome.WeeklyLimit));
    }

    private static async Task AssertOneWinnerAsync(TestHost host)
    {
        // Two stations; the first is already taken, so one place is left.
        var roster = "registration_number,full_name,birth_date\n" + string.Join("\n", Enumerable.Range(1, Families + 1).Select(i => $"R-{i},Warga {i},1990-01-01"));
        await VisitWorld.SeedAsync(host, stations: 2, roster: roster);
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var bookings = host.Services.GetRequiredService<VisitBookings>();
        var now = DateTime.UtcNow;
        List<Inmate> inmates;
        List<Conversation> conversations;
        await using (var db = host.Store.CreateDbContext())
        {
            inmates = await db.Inmates.OrderBy(i => i.Id).ToListAsync();
            conversations = await AddConversationsAsync(db, office, Families + 1, "+62813100", now);
        }

        BookingRequest Request(int i, DateTime slot) =>
            new(office.Id, inmates[i].Id, conversations[i].Id, ChannelKind.Simulator, $"Keluarga {i}", "parent", conversations[i].UserAddress, slot, now);

        DateTime slot;
        await using (var db = host.Store.CreateDbContext())
        {
            slot = (await bookings.FreeSlotsAsync(new UnitOfWork(db, now, CancellationToken.None), office, inmates[0].Id, null))[1].StartUtc;
        }

        Assert.Equal(BookingOutcome.Booked, (await bookings.BookAsync(office, Request(Families, slot), now, CancellationToken.None)).Outcome);

        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, Families).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await bookings.BookAsync(office, Request(i, slot), now, CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r.Outcome == BookingOutcome.Booked));
        Assert.Equal(Families - 1, results.Count(r => r.Outcome == BookingOutcome.SlotTaken));
        await using var check = host.Store.CreateDbContext();
        var held = await check.Visits.Where(v => v.SlotStart == slot && v.Station != null).OrderBy(v => v.Station).ToListAsync();
        Assert.Equal([1, 2], held.Select(v => v.Station!.Value));
        Assert.Equal(held.Select(v => v.QueueNumber).Distinct().Count(), held.Count);
    }

    /// <summary><paramref name="count"/> simulator conversations of the office, numbered from <paramref name="prefix"/>00001.</summary>
    private static async Task<List<Conversation>> AddConversationsAsync(ChatBotDb db, Office office, int count, string prefix, DateTime now)
    {
        var conversations = Enumerable.Range(1, count).Select(i => new Conversation
        {
            OfficeId = office.Id, Channel = ChannelKind.Simulator, UserAddress = $"{prefix}{i:D5}",
            CreatedAt = now, LastInboundAt = now, LastActivityAt = now,
        }).ToList();
        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync();
        return conversations;
    }
}
