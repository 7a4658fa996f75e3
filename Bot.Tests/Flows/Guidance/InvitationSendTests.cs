using ChatBot.Bot.Flows.Guidance;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatBot.Bot.Tests.Flows.Guidance;

/// <summary>Timing-sensitive: runs alone, so other tests' load does not skew the measured rate.</summary>
[CollectionDefinition(nameof(InvitationSendCollection), DisableParallelization = true)]
public sealed class InvitationSendCollection;

/// <summary>
/// 200 invitations for one session go out through the outbox to the fake Twilio (on 127.0.0.1): each client
/// exactly once, even when the officer presses send again, as the template for the topic (the clients' 24-hour
/// windows are closed), never faster than <c>Channels:WhatsApp:MaxSendsPerSecond</c>.
/// </summary>
[Collection(nameof(InvitationSendCollection))]
public sealed class InvitationSendTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Limit = 40;
    private const int Clients = 200;
    private const string ContentSid = "HX11112222333344445555666677778888";
    private FakeTwilioServer _twilio = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = _twilio.BaseAddress.ToString().TrimEnd('/'),
            ["Channels:WhatsApp:MaxSendsPerSecond"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:WhatsApp:Templates:guidance-invitation:ContentSid"] = ContentSid,
            ["Channels:WhatsApp:Templates:guidance-invitation:Variables:1"] = "session_topic",
            ["Channels:WhatsApp:Templates:guidance-invitation:Variables:2"] = "session_date",
            ["Channels:WhatsApp:Templates:guidance-invitation:Variables:3"] = "invitation_id",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Two_hundred_invitations_reach_each_client_once_within_the_rate_limit()
    {
        var desk = _host.Services.GetRequiredService<GuidanceDesk>();
        var pk = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.Pk);
        var kasubsi = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.Kasubsi);
        var ids = new List<long>();
        for (var i = 0; i < Clients; i++)
        {
            ids.Add((await GuidanceWorld.ClientAsync(_host, $"Klien Nomor {i}", pk.Id, phone: $"+6281377{i:000000}")).Id);
        }

        Assert.True((await desk.ProposeAsync(pk, ids, "semua klien PB", CancellationToken.None)).Ok);
        long[] proposals;
        await using (var db = _host.Store.CreateDbContext())
        {
            proposals = await db.GuidanceProposals.Select(p => p.Id).ToArrayAsync();
        }

        var start = DateTime.Now.Date.AddDays(7).AddHours(9);
        var session = await desk.CollectAsync(kasubsi, proposals, new SessionPlan("Mengelola emosi", "Aula Bapas", start, start.AddHours(2)), CancellationToken.None);
        Assert.True(session.Ok, session.Problem);
        Assert.Equal(Clients, session.Count);

        var first = await desk.SendInvitationsAsync(kasubsi, session.Id!.Value, CancellationToken.None);
        var again = await desk.SendInvitationsAsync(kasubsi, session.Id!.Value, CancellationToken.None);
        Assert.Equal((true, Clients), (first.Ok, first.Count));
        Assert.Equal((true, 0), (again.Ok, again.Count));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_twilio.Accepted.Count < Clients && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Settle: anything sent twice would arrive now.
        await Task.Delay(1000);
        var accepted = _twilio.Accepted;
        var perRecipient = accepted.GroupBy(r => r.To).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(Clients, perRecipient.Count);
        Assert.All(perRecipient, p => Assert.Equal(1, p.Value));
        Assert.All(accepted, r => Assert.Equal(ContentSid, r.ContentSid));
        Assert.Contains("Mengelola emosi", accepted[0].ContentVariables);

        var arrivals = accepted.Select(r => r.ArrivedAt).Order().ToList();
        var maxInWindow = FakeTwilioServer.MaxInAnyWindow(arrivals, TimeSpan.FromSeconds(1));
        var rate = (arrivals.Count - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        output.WriteLine($"{Clients} invitations: {rate:0.0}/s overall, at most {maxInWindow} in any 1 s window (limit {Limit}/s)");
        Assert.True(maxInWindow <= Limit, $"{maxInWindow} sends in one second; the limit is {Limit}.");
        Assert.True(rate <= Limit * 1.05, $"Sent at {rate:0.0}/s; the limit is {Limit}/s.");

        await using (var db = _host.Store.CreateDbContext())
        {
            var invitations = await db.GuidanceInvitations.AsNoTracking().Where(i => i.SessionId == session.Id).ToListAsync();
            Assert.All(invitations, i => Assert.NotNull(i.OutboundMessageId));
            Assert.Equal(Clients, invitations.Select(i => i.OutboundMessageId).Distinct().Count());
            Assert.Equal(Clients, await db.OutboundMessages.CountAsync(m => m.Topic == GuidanceDesk.InvitationTopic && m.Channel == ChannelKind.WhatsApp));
            var stored = await db.GuidanceSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id);
            Assert.Equal(GuidanceSessionStatus.Invited, stored.Status);
        }
    }
}
