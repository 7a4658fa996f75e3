using System.Text.Json;
using ChatBot.Channels.Simulator;

namespace ChatBot.Bot.Simulator;

/// <summary>The request a simulated phone sends.</summary>
public sealed record SimulatorSendRequest(string? From, string? Text, string? ClientId, string? Office);

/// <summary>The <c>/simulator</c> page and its small JSON API.</summary>
public static class SimulatorEndpoints
{
    private const int MaxTextLength = 10_000;

    public static void MapSimulator(this WebApplication app, string webRoot)
    {
        var group = app.MapGroup("/simulator");
        group.MapGet("", () => Results.File(Path.Combine(webRoot, "simulator.html"), "text/html; charset=utf-8"));

        group.MapPost("/api/messages", async (SimulatorSendRequest request, SimulatorGateway gateway, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.From))
            {
                return Results.Problem("Nomor telepon wajib diisi.", statusCode: 400);
            }

            if (request.Text is { Length: > MaxTextLength })
            {
                return Results.Problem($"Pesan terlalu panjang (paling banyak {MaxTextLength} karakter).", statusCode: 413);
            }

            var result = await gateway.SendAsync(request.From, request.Text, request.ClientId, request.Office, ct);
            return result is null
                ? Results.Problem("Nomor telepon tidak valid. Contoh: 081234567890.", statusCode: 400)
                : Results.Accepted(value: new { id = result.InboundMessageId, duplicate = result.Duplicate });
        });

        group.MapGet("/api/messages", async (string? from, SimulatorGateway gateway, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(from)
                ? Results.Problem("Parameter 'from' wajib diisi.", statusCode: 400)
                : Results.Ok(await gateway.HistoryAsync(from, 200, ct)));

        group.MapGet("/api/turns/{id:long}", async (long id, int? timeout, SimulatorGateway gateway, CancellationToken ct) =>
        {
            var wait = TimeSpan.FromSeconds(Math.Clamp(timeout ?? 15, 1, 60));
            return Results.Ok(await gateway.WaitForRepliesAsync(id, wait, ct));
        });

        group.MapGet("/api/stream", StreamAsync);
    }

    /// <summary>Server-sent events: every message delivered to the simulated number, as it is sent.</summary>
    private static async Task StreamAsync(HttpContext http, string? from, SimulatorHub hub, CancellationToken ct)
    {
        var phone = Dialogs.Recognizers.PhoneRecognizer.Recognize(from ?? "");
        if (!phone.Ok)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = hub.Subscribe(phone.Value);
        await http.Response.WriteAsync(": connected\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var delivery = await subscription.Reader.ReadAsync(heartbeat.Token);
                    var json = JsonSerializer.Serialize(new { id = delivery.OutboundId, body = delivery.Body, at = delivery.SentAt }, JsonSerializerOptions.Web);
                    await http.Response.WriteAsync($"event: message\ndata: {json}\n\n", ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                }

                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }
}
