using System.Net;
using System.Text.Json;

namespace ChatBot.Bot.Tests.Console;

/// <summary>One server-sent event as the console's page receives it.</summary>
public sealed record ReceivedEvent(string Kind, string Subject, int OfficeId);

/// <summary>An open <c>/console/events</c> stream, read the way <c>EventSource</c> reads it.</summary>
public sealed class EventStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private Task<string?>? _pendingLine;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Opens the stream and waits until the service has subscribed it.</summary>
    public static async Task<EventStream> OpenAsync(ConsoleClient client)
    {
        var response = await client.Http.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        while (await stream.ReadLineAsync(TimeSpan.FromSeconds(10)) is { } line)
        {
            if (line == ": connected")
            {
                return stream;
            }
        }

        throw new InvalidOperationException("The event stream closed before it was connected.");
    }

    /// <summary>The next event, or null when none comes within <paramref name="timeout"/>.</summary>
    public async Task<ReceivedEvent?> NextAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? kind = null;
        string? data = null;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || await ReadLineAsync(remaining) is not { } line)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (kind is not null && data is not null)
                {
                    using var json = JsonDocument.Parse(data);
                    return new ReceivedEvent(kind, json.RootElement.GetProperty("subject").GetString()!, json.RootElement.GetProperty("officeId").GetInt32());
                }

                kind = data = null;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kind = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }

    /// <summary>Reads events until one matches, or fails after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedEvent> WaitForAsync(Func<ReceivedEvent, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await NextAsync(deadline - DateTime.UtcNow) is { } e && match(e))
            {
                return e;
            }
        }

        throw new TimeoutException("The expected console event did not arrive.");
    }

    /// <summary>
    /// True when the service ends the stream within <paramref name="timeout"/> (keep-alives and
    /// events are read past); false when it is still open then.
    /// </summary>
    public async Task<bool> EndsWithinAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (deadline - DateTime.UtcNow is { } remaining && remaining > TimeSpan.Zero)
        {
            _pendingLine ??= _reader.ReadLineAsync();
            if (await Task.WhenAny(_pendingLine, Task.Delay(remaining)) != _pendingLine)
            {
                return false;
            }

            var line = await _pendingLine;
            _pendingLine = null;
            if (line is null)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _response.Dispose();
        _reader.Dispose();
    }

    private async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        // A line read that timed out stays pending and is picked up by the next call.
        _pendingLine ??= _reader.ReadLineAsync();
        var finished = await Task.WhenAny(_pendingLine, Task.Delay(timeout));
        if (finished != _pendingLine)
        {
            return null;
        }

        var line = await _pendingLine;
        _pendingLine = null;
        return line;
    }
}
