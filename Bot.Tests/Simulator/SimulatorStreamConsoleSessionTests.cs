using System.Net;
using System.Net.Http.Json;
using ChatBot.Bot.Simulator;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>
/// From another machine the simulator is there only for a signed-in officer, so a live stream the
/// officer's console sign-in let through lasts no longer than that sign-in.
/// </summary>
public sealed class SimulatorStreamConsoleSessionTests(ConsoleHost service) : IClassFixture<ConsoleHost>
{
    private TestHost Host => service.Host;

    [Fact]
    public async Task A_stream_opened_from_elsewhere_on_an_officers_sign_in_ends_when_the_officer_signs_out()
    {
        using var officer = ConsoleClient.For(Host);
        officer.Http.DefaultRequestHeaders.Add(PretendRemoteAddress.Header, "203.0.113.21");
        var account = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SignInAsync(account.UserName, ConsoleClient.Password)).StatusCode);

        using var claim = await officer.Http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest("081200004231"));
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        var session = (await claim.Content.ReadFromJsonAsync<SimulatorSessionResponse>())!;
        using var stream = await officer.Http.GetAsync($"/simulator/api/stream?session={Uri.EscapeDataString(session.Token)}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/console", [], action: "/console/keluar")).StatusCode);

        // The stream checks again at its next keep-alive (every 15 seconds).
        Assert.True(await EndsWithinAsync(reader, TimeSpan.FromSeconds(25)), "The simulator stream outlived the officer's sign-in.");
    }

    private static async Task<bool> EndsWithinAsync(StreamReader reader, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            while (await reader.ReadLineAsync(wait.Token) is not null)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
