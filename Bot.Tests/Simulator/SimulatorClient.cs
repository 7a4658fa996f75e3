using System.Net;
using System.Net.Http.Json;
using ChatBot.Bot.Simulator;
using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Simulator;

/// <summary>
/// What the simulator page or the chat command does over HTTP: claim a number, then call the API
/// with the session's token.
/// </summary>
public sealed class SimulatorClient : IDisposable
{
    private SimulatorClient(TestHost host, string token, string from)
    {
        Http = host.CreateClient();
        Http.DefaultRequestHeaders.Add(SimulatorSessions.Header, token);
        Token = token;
        From = from;
    }

    /// <summary>Sends the token with every request.</summary>
    public HttpClient Http { get; }

    public string Token { get; }

    /// <summary>The claimed number, normalised (E.164).</summary>
    public string From { get; }

    /// <summary>Claims <paramref name="phone"/>; fails the test when the service refuses.</summary>
    public static async Task<SimulatorClient> ClaimAsync(TestHost host, string phone)
    {
        using var response = await TryClaimAsync(host, phone);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Claiming {phone}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var session = await response.Content.ReadFromJsonAsync<SimulatorSessionResponse>();
        return new SimulatorClient(host, session!.Token, session.From);
    }

    public static async Task<HttpResponseMessage> TryClaimAsync(TestHost host, string phone)
    {
        using var http = host.CreateClient();
        return await http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest(phone));
    }

    public Task<HttpResponseMessage> SendAsync(string text, string? from = null, string? clientId = null) =>
        Http.PostAsJsonAsync("/simulator/api/messages", new SimulatorSendRequest(from, text, clientId, null));

    /// <summary>Sends a message and returns its stored id.</summary>
    public async Task<long> SendOkAsync(string text, string? clientId = null)
    {
        using var response = await SendAsync(text, clientId: clientId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Stored>())!.Id;
    }

    public Task<HttpResponseMessage> TurnAsync(long inboundId) => Http.GetAsync($"/simulator/api/turns/{inboundId}?timeout=15");

    /// <summary>The bot's answer to one of this session's messages.</summary>
    public async Task<TurnReplies> RepliesAsync(long inboundId)
    {
        using var response = await TurnAsync(inboundId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<TurnReplies>())!;
        Assert.False(replies.TimedOut, $"No answer to message {inboundId} in time.");
        return replies;
    }

    public async Task<List<SimulatorLine>> HistoryAsync()
    {
        using var response = await Http.GetAsync("/simulator/api/messages");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<SimulatorLine>>())!;
    }

    public Task<HttpResponseMessage> EndAsync() => Http.DeleteAsync("/simulator/api/sessions/current");

    public void Dispose() => Http.Dispose();

    public sealed record Stored(long Id, bool Duplicate);
}

/// <summary>An open <c>/simulator/api/stream</c>, read the way the page's EventSource reads it.</summary>
public sealed class SimulatorStream : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly System.Threading.Channels.Channel<string> _bodies = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly Task _reading;

    private SimulatorStream(HttpClient http, HttpResponseMessage response, StreamReader reader)
    {
        _http = http;
        _response = response;
        _reading = Task.Run(async () =>
        {
            try
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        using var json = System.Text.Json.JsonDocument.Parse(line["data: ".Length..]);
                        await _bodies.Writer.WriteAsync(json.RootElement.GetProperty("body").GetString()!);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException)
            {
                // Closed by the test.
            }
            finally
            {
                _bodies.Writer.TryComplete();
            }
        });
    }

    /// <summary>Opens the stream with the token in the query (as EventSource must) and waits until it is subscribed.</summary>
    public static async Task<SimulatorStream> OpenAsync(TestHost host, string token)
    {
        var http = host.CreateClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        var response = await http.GetAsync($"/simulator/api/stream?session={Uri.EscapeDataString(token)}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());
        return new SimulatorStream(http, response, reader);
    }

    /// <summary>The next message body delivered, or null when none comes in time.</summary>
    public async Task<string?> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return await _bodies.Reader.ReadAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _response.Dispose();
        _reading.Wait(TimeSpan.FromSeconds(5));
        _http.Dispose();
    }
}
