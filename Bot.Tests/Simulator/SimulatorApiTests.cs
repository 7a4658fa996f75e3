using System.Net;
using System.Net.Http.Json;
using ChatBot.Bot.Simulator;
using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>The simulator's HTTP API, as the page and the chat command use it.</summary>
public sealed class SimulatorApiTests(SharedHost shared) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task A_message_is_answered_and_a_resent_message_is_not_answered_twice()
    {
        using var phone = await SimulatorClient.ClaimAsync(shared.Host, "0812 0000 4001");
        Assert.Equal("+6281200004001", phone.From);

        var id = await phone.SendOkAsync("halo", clientId: "client-msg-1");
        var replies = await phone.RepliesAsync(id);
        Assert.Contains("Selamat datang", Assert.Single(replies.Replies));

        using var again = await phone.SendAsync("halo", clientId: "client-msg-1");
        var stored = await again.Content.ReadFromJsonAsync<SimulatorClient.Stored>();
        Assert.True(stored!.Duplicate);
        Assert.Equal(id, stored.Id);

        var history = await phone.HistoryAsync();
        Assert.Equal(["in", "out"], history.Select(l => l.Direction));
    }

    [Fact]
    public async Task Another_sessions_client_id_is_not_a_duplicate_of_its_message()
    {
        using var first = await SimulatorClient.ClaimAsync(shared.Host, "081200004011");
        using var second = await SimulatorClient.ClaimAsync(shared.Host, "081200004012");
        var firstId = await first.SendOkAsync("halo", clientId: "sama-1");
        Assert.Contains("Selamat datang", Assert.Single((await first.RepliesAsync(firstId)).Replies));

        // The second tab happens to (or means to) use the same client id: its own message is stored and answered.
        using var response = await second.SendAsync("english", clientId: "sama-1");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<SimulatorClient.Stored>();
        Assert.False(stored!.Duplicate);
        Assert.NotEqual(firstId, stored.Id);
        Assert.Contains("continue in English", Assert.Single((await second.RepliesAsync(stored.Id)).Replies));
        Assert.Equal(["english"], (await second.HistoryAsync()).Where(l => l.Direction == "in").Select(l => l.Body));
        Assert.Equal(["halo"], (await first.HistoryAsync()).Where(l => l.Direction == "in").Select(l => l.Body));
    }

    [Theory]
    [InlineData("clientId", "clientId terlalu panjang")]
    [InlineData("office", "Kode kantor terlalu panjang")]
    [InlineData("from", "Nomor telepon terlalu panjang")]
    public async Task An_oversized_client_id_office_or_number_is_a_clear_400_and_nothing_is_stored(string field, string problem)
    {
        using var phone = await SimulatorClient.ClaimAsync(shared.Host, field switch { "clientId" => "081200004021", "office" => "081200004022", _ => "081200004023" });
        var request = new Dictionary<string, string?>
        {
            ["text"] = "halo",
            ["clientId"] = field == "clientId" ? new string('c', 250) : null,
            ["office"] = field == "office" ? new string('k', 300) : null,
            ["from"] = field == "from" ? "081200004023" + new string(' ', 300) : null,
        };
        using var response = await phone.Http.PostAsJsonAsync("/simulator/api/messages", request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync());
        Assert.Empty(await phone.HistoryAsync());

        // The session is fine: a message of normal size goes through.
        var id = await phone.SendOkAsync("halo", clientId: new string('c', SimulatorGateway.MaxClientIdLength));
        Assert.Contains("Selamat datang", Assert.Single((await phone.RepliesAsync(id)).Replies));
    }

    [Fact]
    public async Task Claiming_with_an_oversized_number_is_a_clear_400()
    {
        using var http = shared.Host.CreateClient();
        using var response = await http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest("081200004024" + new string('.', 300)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nomor telepon terlalu panjang", await response.Content.ReadAsStringAsync());
        using var claim = await SimulatorClient.ClaimAsync(shared.Host, "081200004024");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bukan nomor")]
    [InlineData("12")]
    public async Task A_number_that_is_not_a_phone_number_gets_a_clear_400(string? from)
    {
        using var http = shared.Host.CreateClient();
        var response = await http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest(from));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nomor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_message_is_refused_with_413()
    {
        using var phone = await SimulatorClient.ClaimAsync(shared.Host, "081200004002");
        var response = await phone.SendAsync(new string('a', 20_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_crash()
    {
        using var phone = await SimulatorClient.ClaimAsync(shared.Host, "081200004003");
        var response = await phone.Http.PostAsync("/simulator/api/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var claim = await shared.Host.CreateClient().PostAsync("/simulator/api/sessions", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await shared.Host.CreateClient().GetAsync("/health")).StatusCode);
    }
}
