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
        using var http = shared.Host.CreateClient();
        var request = new SimulatorSendRequest("0812 0000 4001", "halo", "client-msg-1", null);

        var first = await http.PostAsJsonAsync("/simulator/api/messages", request);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var stored = await first.Content.ReadFromJsonAsync<Stored>();
        var replies = await http.GetFromJsonAsync<TurnReplies>($"/simulator/api/turns/{stored!.Id}?timeout=15");
        Assert.Contains("Selamat datang", Assert.Single(replies!.Replies));

        var again = await (await http.PostAsJsonAsync("/simulator/api/messages", request)).Content.ReadFromJsonAsync<Stored>();
        Assert.True(again!.Duplicate);
        Assert.Equal(stored.Id, again.Id);

        var history = await http.GetFromJsonAsync<List<SimulatorLine>>("/simulator/api/messages?from=081200004001");
        Assert.Equal(["in", "out"], history!.Select(l => l.Direction));
    }

    [Theory]
    [InlineData(null, "halo", HttpStatusCode.BadRequest)]
    [InlineData("bukan nomor", "halo", HttpStatusCode.BadRequest)]
    [InlineData("12", "halo", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_a_clear_4xx(string? from, string text, HttpStatusCode expected)
    {
        using var http = shared.Host.CreateClient();
        var response = await http.PostAsJsonAsync("/simulator/api/messages", new SimulatorSendRequest(from, text, null, null));
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("Nomor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_message_is_refused_with_413()
    {
        using var http = shared.Host.CreateClient();
        var response = await http.PostAsJsonAsync("/simulator/api/messages", new SimulatorSendRequest("081200004002", new string('a', 20_000), null, null));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_crash()
    {
        using var http = shared.Host.CreateClient();
        var response = await http.PostAsync("/simulator/api/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    private sealed record Stored(long Id, bool Duplicate);
}
