using ChatBot.Bot.OfficerConsole.Live;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console;

/// <summary>The console's live event stream: who receives what, and the pipeline's part in it.</summary>
public sealed class ConsoleLiveTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private TestHost Host => service.Host;

    [Fact]
    public async Task Events_reach_only_officers_who_may_see_the_office()
    {
        var home = ConsoleData.DefaultOfficeId(Host);
        var lapas = await ConsoleData.AddOfficeAsync(Host, OfficeType.Lapas);
        var kanwil = await ConsoleData.AddOfficeAsync(Host, OfficeType.Kanwil);
        using var homeOfficer = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk, home);
        using var lapasOfficer = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer, lapas.Id);
        using var regionalAdmin = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin, kanwil.Id);
        using var regionalHead = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala, kanwil.Id);
        using var homeStream = await EventStream.OpenAsync(homeOfficer);
        using var lapasStream = await EventStream.OpenAsync(lapasOfficer);
        using var adminStream = await EventStream.OpenAsync(regionalAdmin);
        using var headStream = await EventStream.OpenAsync(regionalHead);

        var events = Host.Services.GetRequiredService<ConsoleEvents>();
        events.Publish(new ConsoleEvent("handover", lapas.Id, "handover/7"));
        events.Publish(new ConsoleEvent("status", home, "conversation/9"));
        events.Publish(new ConsoleEvent("handover", kanwil.Id, "handover/8"));
        events.Publish(new ConsoleEvent("message", lapas.Id, "conversation/10"));

        // Events arrive in order, so the first one an officer gets shows what was left out before it.
        Assert.Equal(new ReceivedEvent("status", "conversation/9", home), await homeStream.NextAsync(Wait));
        Assert.Equal(new ReceivedEvent("handover", "handover/7", lapas.Id), await lapasStream.NextAsync(Wait));
        Assert.Equal(new ReceivedEvent("message", "conversation/10", lapas.Id), await lapasStream.NextAsync(Wait));
        Assert.Equal(new ReceivedEvent("handover", "handover/8", kanwil.Id), await headStream.NextAsync(Wait));
        Assert.Equal(
            [new("handover", "handover/7", lapas.Id), new("status", "conversation/9", home), new("handover", "handover/8", kanwil.Id), new("message", "conversation/10", lapas.Id)],
            [(await adminStream.NextAsync(Wait))!, (await adminStream.NextAsync(Wait))!, (await adminStream.NextAsync(Wait))!, (await adminStream.NextAsync(Wait))!]);

        Assert.Null(await homeStream.NextAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Null(await headStream.NextAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_message_through_the_pipeline_is_announced_to_its_office()
    {
        using var officer = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);
        using var stream = await EventStream.OpenAsync(officer);

        var sent = await Host.Gateway.SendAsync("081234577001", "halo", null, null, CancellationToken.None);
        var conversationId = await WaitForConversationAsync(sent!.InboundMessageId);

        var e = await stream.WaitForAsync(e => e.Subject == $"conversation/{conversationId}", Wait);
        Assert.Equal("message", e.Kind);
        Assert.Equal(ConsoleData.DefaultOfficeId(Host), e.OfficeId);
    }

    [Fact]
    public async Task The_event_stream_refuses_anyone_not_signed_in()
    {
        using var anonymous = ConsoleClient.For(Host);
        var response = await anonymous.Http.GetAsync("/console/events");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public void Event_kinds_cannot_break_the_stream_format()
    {
        var text = ConsoleEventStream.Format(new ConsoleEvent("evil\ndata: x", 3, "conversation/\n1"));
        Assert.Equal("event: evildatax\ndata: {\"subject\":\"conversation/\\n1\",\"officeId\":3}\n\n", text);
    }

    private async Task<long> WaitForConversationAsync(long inboundId)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Host.Store.CreateDbContext();
            if (await db.InboundMessages.Where(m => m.Id == inboundId).Select(m => m.ConversationId).SingleAsync() is { } id)
            {
                return id;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The message was not processed.");
    }
}
