using System.Text.Json;
using ChatBot.Bot.OfficerConsole.Auth;

namespace ChatBot.Bot.OfficerConsole.Live;

/// <summary>
/// <c>GET /console/events</c>: server-sent events with the <see cref="ConsoleEvent"/>s of the offices
/// the officer may see, as <c>event: {kind}\ndata: {"subject":"…","officeId":N}\n\n</c>, and a
/// keep-alive comment every 15 seconds. At each keep-alive the sign-in is checked again
/// (<see cref="OfficerSessions"/>), and the stream ends when the sign-in does by time: at the
/// cookie's expiry or at <see cref="ConsoleOptions.SessionLifetime"/> after signing in, whichever
/// comes first. So a closed account, a signed-out, idle or too old session stops receiving.
/// </summary>
public static class ConsoleEventStream
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(
        HttpContext http,
        ConsoleEvents events,
        OfficeScope scope,
        OfficerSessions sessions,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        CancellationToken ct)
    {
        var user = http.User;
        if (await sessions.OfRequestAsync(http) is not { } signIn)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        http.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = events.Subscribe();
        using var session = new CancellationTokenSource(Max(signIn.EndsAt - time.GetUtcNow(), TimeSpan.Zero), time);
        // Ends with the page, with the sign-in, or when the service stops (so a stop never waits on a stream).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, session.Token, lifetime.ApplicationStopping);
        var token = linked.Token;
        try
        {
            await http.Response.WriteAsync("retry: 5000\n: connected\n\n", token);
            await http.Response.Body.FlushAsync(token);
            while (!token.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                wait.CancelAfter(KeepAliveInterval);
                try
                {
                    var e = await subscription.Reader.ReadAsync(wait.Token);
                    if (!scope.MaySee(user, e.OfficeId))
                    {
                        continue;
                    }

                    await http.Response.WriteAsync(Format(e), token);
                    // Send what else is waiting in the same write.
                    while (subscription.Reader.TryRead(out var more))
                    {
                        if (scope.MaySee(user, more.OfficeId))
                        {
                            await http.Response.WriteAsync(Format(more), token);
                        }
                    }
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    if (!await sessions.IsCurrentAsync(signIn, token))
                    {
                        return;
                    }

                    await http.Response.WriteAsync(": keep-alive\n\n", token);
                }

                await http.Response.Body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed, or the sign-in expired: the page reconnects and is told to sign in.
        }
    }

    /// <summary>One event in the wire format; the kind is reduced to letters, digits, '.', '-' and '_'.</summary>
    public static string Format(ConsoleEvent e)
    {
        var kind = new string(e.Kind.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').ToArray());
        var data = JsonSerializer.Serialize(new EventData(e.Subject, e.OfficeId), JsonSerializerOptions.Web);
        return $"event: {(kind.Length == 0 ? "message" : kind)}\ndata: {data}\n\n";
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record EventData(string Subject, int OfficeId);
}
