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
