using System.Text.Json;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Channels.Media;
using ChatBot.Channels.Simulator;
using ChatBot.Channels.WhatsApp;
using Microsoft.AspNetCore.Http.Features;

namespace ChatBot.Bot.Simulator;

/// <summary>The request a simulated phone sends; <see cref="From"/> may be left out (the session's number).</summary>
public sealed record SimulatorSendRequest(string? From, string? Text, string? ClientId, string? Office);

/// <summary>Claiming a simulated number.</summary>
public sealed record SimulatorSessionRequest(string? From);

/// <summary>A new simulator session: the token to send with every other request, and the number, normalised.</summary>
public sealed record SimulatorSessionResponse(string Token, string From);

/// <summary>
/// The <c>/simulator</c> page and its small JSON API. Every API route but the claim itself needs a
/// session (<see cref="SimulatorSessions"/>) and shows only the simulator chat of the session's
/// number since the session began. Who may reach any of it at all is <see cref="SimulatorAccess"/>'s rule.
/// </summary>
public static class SimulatorEndpoints
{
    public const string BasePath = "/simulator";

    private const int MaxTextLength = 10_000;

    public const string InUseText = "Nomor ini sedang dipakai di tab atau sesi chat lain. Pakai nomor lain.";

    private const string NoSessionText = "Sesi simulator tidak ada atau sudah berakhir. Mulai sesi baru.";

    private const string NotYourNumberText = "Sesi ini hanya boleh memakai nomornya sendiri.";

    private const string InvalidNumberText = "Nomor telepon tidak valid. Contoh: 081234567890.";

    public static void MapSimulator(this WebApplication app, string webRoot)
    {
        var group = app.MapGroup(BasePath);
        group.MapGet("", () => Results.File(Path.Combine(webRoot, "simulator.html"), "text/html; charset=utf-8"));

        group.MapPost("/api/sessions", async (SimulatorSessionRequest request, SimulatorSessions sessions, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.From))
            {
                return Results.Problem("Nomor telepon wajib diisi.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (SimulatorGateway.InputProblem(request.From, null, null) is { } problem)
            {
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            }

            return await sessions.ClaimAsync(request.From, ct) switch
            {
                SimulatorClaim.Claimed claimed => Results.Json(new SimulatorSessionResponse(claimed.Token, claimed.Address), statusCode: StatusCodes.Status201Created),
                SimulatorClaim.InUse => Results.Problem(InUseText, statusCode: StatusCodes.Status409Conflict),
                _ => Results.Problem(InvalidNumberText, statusCode: StatusCodes.Status400BadRequest),
            };
        });

        group.MapDelete("/api/sessions/current", async (HttpRequest http, SimulatorSessions sessions, CancellationToken ct) =>
            await sessions.EndAsync(SimulatorSessions.TokenOf(http), ct) ? Results.NoContent() : NoSession());

        group.MapPost("/api/messages", async (HttpRequest http, SimulatorSendRequest request, SimulatorSessions sessions, SimulatorGateway gateway, CancellationToken ct) =>
        {
            if (await sessions.FindAsync(SimulatorSessions.TokenOf(http), ct) is not { } session)
            {
                return NoSession();
            }

            if (SimulatorGateway.InputProblem(request.From, request.ClientId, request.Office) is { } problem)
            {
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            }

            if (!IsSessionNumber(session, request.From))
            {
                return NotYourNumber();
            }

            if (request.Text is { Length: > MaxTextLength })
            {
                return Results.Problem($"Pesan terlalu panjang (paling banyak {MaxTextLength} karakter).", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var result = await gateway.SendAsync(session, request.Text, request.ClientId, request.Office, ct);
            return result is null
                ? Results.Problem(InvalidNumberText, statusCode: StatusCodes.Status400BadRequest)
                : Results.Accepted(value: new { id = result.InboundMessageId, duplicate = result.Duplicate });
        });

        // A photo or scan from the simulated phone, through the same checks and private store as a
        // WhatsApp file: its type read from its bytes (JPEG, PNG, PDF), at most Channels:WhatsApp:MaxMediaBytes.
        // A refused file still reaches the turn, which tells the person why, as on WhatsApp.
        group.MapPost("/api/files", async (HttpRequest http, SimulatorSessions sessions, SimulatorGateway gateway, MediaStore media, TwilioOptions whatsApp, CancellationToken ct) =>
        {
            if (await sessions.FindAsync(SimulatorSessions.TokenOf(http), ct) is not { } session)
            {
                return NoSession();
            }

            if (!http.HasFormContentType)
            {
                return Results.Problem("Kirim berkas sebagai multipart/form-data dengan kolom 'file'.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            // Up to twice the limit is read, so the media store refuses it as too large and the bot says so.
            IFormCollection form;
            try
            {
                form = await http.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = (2 * whatsApp.MaxMediaBytes) + 65536 }, ct);
            }
            catch (InvalidDataException)
            {
                return Results.Problem($"Berkas terlalu besar (paling besar {whatsApp.MaxMediaBytes / (1024 * 1024)} MB).", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var from = form["from"].ToString();
            var text = form["text"].ToString();
            var problem = SimulatorGateway.InputProblem(from, form["clientId"], form["office"]);
            if (problem is not null || form.Files.GetFile("file") is not { } file)
            {
                return Results.Problem(problem ?? "Pilih berkas yang akan dikirim.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (!IsSessionNumber(session, from))
            {
                return NotYourNumber();
            }

            if (text.Length > MaxTextLength)
            {
                return Results.Problem($"Pesan terlalu panjang (paling banyak {MaxTextLength} karakter).", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            await using var body = file.OpenReadStream();
            var saved = await media.SaveAsync(body, whatsApp.MaxMediaBytes, $"simulator-{session.Id}", file.ContentType, null, ct);
            var result = saved is MediaResult.Stored stored
                ? await gateway.SendAsync(session, text, form["clientId"], form["office"], ct, attachments: [stored.Attachment])
                : await gateway.SendAsync(session, text, form["clientId"], form["office"], ct, refused: [((MediaResult.Refused)saved).Reason]);
            return result is null
                ? Results.Problem(InvalidNumberText, statusCode: StatusCodes.Status400BadRequest)
                : Results.Accepted(value: new { id = result.InboundMessageId, duplicate = result.Duplicate });
        }).DisableAntiforgery();

        group.MapGet("/api/messages", async (HttpRequest http, string? from, SimulatorSessions sessions, SimulatorGateway gateway, CancellationToken ct) =>
        {
            if (await sessions.FindAsync(SimulatorSessions.TokenOf(http), ct) is not { } session)
            {
                return NoSession();
            }

            return IsSessionNumber(session, from)
                ? Results.Ok(await gateway.HistoryAsync(session.Address, 200, ct, since: session.StartedAt))
                : NotYourNumber();
        });

        group.MapGet("/api/turns/{id:long}", async (HttpRequest http, long id, int? timeout, SimulatorSessions sessions, SimulatorGateway gateway, CancellationToken ct) =>
        {
            if (await sessions.FindAsync(SimulatorSessions.TokenOf(http), ct) is not { } session)
            {
                return NoSession();
            }

            // Someone else's message, another channel's, or none at all: the same answer, so ids cannot be probed.
            if (!await gateway.IsOwnMessageAsync(session, id, ct))
            {
                return Results.Problem("Pesan tidak ditemukan.", statusCode: StatusCodes.Status404NotFound);
            }

            var wait = TimeSpan.FromSeconds(Math.Clamp(timeout ?? 15, 1, 60));
            return Results.Ok(await gateway.WaitForRepliesAsync(id, wait, ct));
        });

        group.MapGet("/api/stream", StreamAsync);
    }

    /// <summary>
    /// Server-sent events: every message delivered to the session's number, as it is sent. The token
    /// comes as <c>?session=</c> (EventSource cannot set headers). An open stream keeps its session
    /// alive; the stream ends when the session does.
    /// </summary>
    private static async Task StreamAsync(HttpContext http, string? from, SimulatorHub hub, SimulatorSessions sessions, SimulatorGateway gateway, OfficerSessions officers, CancellationToken ct)
    {
        // From elsewhere only an officer's console sign-in lets the stream through; it lasts no longer than that.
        var officer = SimulatorAccess.IsLocal(http) ? null : await officers.OfRequestAsync(http);
        var token = SimulatorSessions.TokenOf(http.Request, allowQuery: true);
        if (await sessions.FindAsync(token, ct) is not { } session)
        {
            await NoSession().ExecuteAsync(http);
            return;
        }

        if (!IsSessionNumber(session, from))
        {
            await NotYourNumber().ExecuteAsync(http);
            return;
        }

        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = hub.Subscribe(session.Address);
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
                    if (await gateway.SeesAsync(session, delivery, ct))
                    {
                        var json = JsonSerializer.Serialize(new { id = delivery.OutboundId, body = delivery.Body, at = delivery.SentAt }, JsonSerializerOptions.Web);
                        await http.Response.WriteAsync($"event: message\ndata: {json}\n\n", ct);
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    if (await sessions.FindAsync(token, ct) is null || (officer is not null && !await officers.IsCurrentAsync(officer, ct)))
                    {
                        return; // Ended or taken over: the page reconnects, is refused and starts a new session.
                    }

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

    /// <summary>True when the request names no number, or the session's own.</summary>
    private static bool IsSessionNumber(SimulatorSessionInfo session, string? from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return true;
        }

        var phone = PhoneRecognizer.Recognize(from);
        return phone.Ok && phone.Value == session.Address;
    }

    private static IResult NoSession() => Results.Problem(NoSessionText, statusCode: StatusCodes.Status401Unauthorized);

    private static IResult NotYourNumber() => Results.Problem(NotYourNumberText, statusCode: StatusCodes.Status403Forbidden);
}
