using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ChatBot.Bot.Simulator;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>
/// A deployment with a real channel is not a developer's machine: there the simulator is off unless
/// it is switched on explicitly, and an explicit setting always wins. Each test starts its own
/// service; nothing leaves 127.0.0.1 (Twilio's address and the mailbox point at closed local ports).
/// </summary>
public sealed class SimulatorEnabledTests
{
    [Fact]
    public async Task With_whatsapp_on_and_the_setting_left_out_there_is_no_simulator()
    {
        await using var host = await TestHost.StartAsync(settings: WhatsApp());
        await AssertNoSimulatorAsync(host);
    }

    [Fact]
    public async Task With_email_on_and_the_setting_left_out_there_is_no_simulator()
    {
        await using var host = await TestHost.StartAsync(settings: Email());
        await AssertNoSimulatorAsync(host);
    }

    [Fact]
    public async Task With_a_real_channel_on_an_explicit_true_keeps_the_simulator_and_it_answers()
    {
        var settings = WhatsApp();
        settings["Channels:Simulator:Enabled"] = "true";
        await using var host = await TestHost.StartAsync(settings: settings);
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/simulator")).StatusCode);
        using var phone = await SimulatorClient.ClaimAsync(host, "081200004501");
        var id = await phone.SendOkAsync("halo");
        Assert.Contains("Selamat datang", Assert.Single((await phone.RepliesAsync(id)).Replies));
    }

    [Fact]
    public async Task Without_a_real_channel_an_explicit_false_still_turns_it_off()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Channels:Simulator:Enabled"] = "false" });
        await AssertNoSimulatorAsync(host);
    }

    private static async Task AssertNoSimulatorAsync(TestHost host)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/simulator")).StatusCode);
        using var claim = await http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest("081200004599"));
        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        using var home = await http.GetAsync("/");
        Assert.Equal("/console", ConsoleAccessTests.Target(home));
    }

    /// <summary>WhatsApp on, with Twilio at a closed local port (nothing is sent in these tests).</summary>
    internal static Dictionary<string, string?> WhatsApp() => new()
    {
        ["Channels:WhatsApp:Enabled"] = "true",
        ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
        ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
        ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
        ["Channels:WhatsApp:ApiBaseUrl"] = $"http://127.0.0.1:{ClosedPort()}",
    };

    /// <summary>E-mail on, with the mailbox at closed local ports (the listener keeps retrying, harmlessly).</summary>
    private static Dictionary<string, string?> Email()
    {
        var port = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            ["Channels:Email:Enabled"] = "true",
            ["Channels:Email:Address"] = "bot@example.test",
            ["Channels:Email:Imap:Host"] = "127.0.0.1",
            ["Channels:Email:Imap:Port"] = port,
            ["Channels:Email:Imap:UseSsl"] = "false",
            ["Channels:Email:Imap:Username"] = "bot",
            ["Channels:Email:Imap:Password"] = "sandi",
            ["Channels:Email:Smtp:Host"] = "127.0.0.1",
            ["Channels:Email:Smtp:Port"] = port,
            ["Channels:Email:Smtp:UseSsl"] = "false",
        };
    }

    /// <summary>A local port nothing listens on.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
