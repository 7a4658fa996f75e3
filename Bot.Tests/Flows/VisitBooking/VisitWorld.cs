using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.VisitBooking;

/// <summary>A roster and a schedule for visit tests: visits every day, all day, so slots exist whenever tests run.</summary>
public static class VisitWorld
{
    public const string Roster = """
        registration_number,full_name,birth_date,cell_block,video_call_allowed
        B.I-101/2024,Budi Santoso,1990-08-17,A-1,true
        B.I-102/2024,MUHAMMAD RIZKI,1995-01-05,B-2,true
        B.I-103/2024,Agus Salim,1980-03-03,C-1,false
        B.I-104/2024,Dewi Lestari,1992-12-12,,
        B.I-105/2024,Muhammad Rizki Pratama,1998-03-21,B-3,true
        """;

    /// <summary>Settings for a host whose slots start right away and whose lookups pause after three misses.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Visits:MinimumLead"] = "00:00:00",
            ["Visits:ReminderBefore"] = "00:05:00",
            ["Lookups:MaxFailures"] = "3",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task SeedAsync(TestHost host, int stations = 1, int weeklyLimit = 0, string roster = Roster, string? callerNumber = "+6277100001111", int days = 127)
    {
        var office = host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await using (var db = host.Store.CreateDbContext())
        {
            db.VisitSchedules.RemoveRange(await db.VisitSchedules.Where(s => s.OfficeId == office.Id).ToListAsync());
            db.VisitSchedules.Add(new VisitSchedule
            {
                OfficeId = office.Id,
                Days = days,
                OpensAt = new TimeOnly(0, 0),
                ClosesAt = new TimeOnly(23, 59),
                SlotMinutes = 15,
                Stations = stations,
                WeeklyLimitPerInmate = weeklyLimit,
                CallerNumber = callerNumber,
            });
            await db.SaveChangesAsync();
        }

        var result = await host.Services.GetRequiredService<RosterImport>().ImportAsync(office.Id, new StringReader(roster), CancellationToken.None);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
    }

    public static async Task<List<Visit>> VisitsOfAsync(TestHost host, string phone)
    {
        var address = "+62" + phone.TrimStart('0');
        await using var db = host.Store.CreateDbContext();
        var conversationIds = await db.Conversations.Where(c => c.UserAddress == address).Select(c => c.Id).ToListAsync();
        return await db.Visits.Include(v => v.Inmate).Where(v => conversationIds.Contains(v.ConversationId)).OrderBy(v => v.Id).ToListAsync();
    }
}

/// <summary>One service with the visit roster for a test class.</summary>
public sealed class VisitHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(settings: VisitWorld.Settings());
        await VisitWorld.SeedAsync(Host);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
