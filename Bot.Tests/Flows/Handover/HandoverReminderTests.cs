using ChatBot.Bot.Flows.Handover;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Flows.Handover;

/// <summary>While waiting for an officer, a person who writes hears their place in the queue again, now and then (fake clock).</summary>
public sealed class HandoverReminderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_waiting_person_who_writes_is_told_their_place_again_at_most_every_three_minutes()
    {
        const string first = "081200007101";
        const string second = "081200007102";
        await _host.Chat(first).Send("petugas").Expect("antrean ke-*1*").RunAsync();
        await _host.Chat(second).Send("petugas").Expect("antrean ke-*2*")
            // Just told: nothing again yet.
            .Send("halo pak? ada orang?").ExpectSilence()
            .RunAsync();

        _clock.Advance(TimeSpan.FromMinutes(4));
        await _host.Chat(second)
            .Send("halo pak? ada orang?").Expect("masih berada di antrean ke-*2*", "Petugas akan membalas di sini", "*batal*")
            .Send("saya mau tanya jadwal besuk").ExpectSilence()
            .RunAsync();

        _clock.Advance(TimeSpan.FromMinutes(2));
        await _host.Chat(second).Send("pak?").ExpectSilence().RunAsync();

        // The person ahead is taken by an officer: the place moves up.
        var accounts = _host.Services.GetRequiredService<OfficerAccounts>();
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var officer = await accounts.CreateAsync("rina", "Rina Wati", OfficerRole.ServiceOfficer, office.Id, "merah-putih-2026", "test", CancellationToken.None);
        long firstHandover;
        await using (var db = _host.Store.CreateDbContext())
        {
            firstHandover = await db.Handovers.Where(h => h.Conversation!.UserAddress == "+6281200007101").Select(h => h.Id).SingleAsync();
        }

        Assert.Equal(HandoverActionResult.Done, await _host.Services.GetRequiredService<HandoverService>().TakeAsync(firstHandover, officer, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1.5));
        await _host.Chat(second).Send("pak?").Expect("masih berada di antrean ke-*1*").RunAsync();

        // Every message is kept for the officer.
        await using var check = _host.Store.CreateDbContext();
        var conversation = await check.Conversations.SingleAsync(c => c.UserAddress == "+6281200007102");
        Assert.Equal(ConversationMode.HandoverWaiting, conversation.Mode);
        var written = await check.InboundMessages.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        Assert.Equal(["petugas", "halo pak? ada orang?", "halo pak? ada orang?", "saya mau tanya jadwal besuk", "pak?", "pak?"], written);
    }
}
