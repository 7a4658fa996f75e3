using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Bot.Hosting;
using ChatBot.Bot.Simulator;

namespace ChatBot.Bot.Cli;

/// <summary>
/// <c>chat --from PHONE</c>: a conversation in the terminal through the simulator channel. When the
/// service is already running it talks to it over HTTP (one store, one pipeline); otherwise it runs
/// the pipeline in this process. Each line read is one message; the bot's answer is printed before
/// the next line is sent, and the command ends with its input.
/// </summary>
public static class ChatCommand
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var from = CommandLine.Option(args, "--from") ?? "+6281234567890";
        var office = CommandLine.Option(args, "--office");
        var configArgs = CommandLine.OnlyConfiguration(args);

        await using var transport = await ConnectAsync(configArgs, CommandLine.Flag(args, "--local"), CommandLine.Option(args, "--url"));
        // Over HTTP the number is claimed first: one tab or chat process per number, and the answers
        // to this number are shown to this process only.
        var start = await transport.StartAsync(from);
        if (start is not null)
        {
            Console.Error.WriteLine(start.Message);
            return start.ExitCode;
        }

        // Ctrl+C ends the conversation like Ctrl+D does, so the number is freed on the way out
        // (the runtime's own ending would not wait for that).
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            // Not inline: the conversation's ending unregisters this handler, which must not happen on
            // the signal's own thread while the handler still runs (it would wait for itself).
            _ = interrupted.CancelAsync();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await ConverseAsync(transport, from, office, interrupted.Token);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            return 130; // what a shell reports for a program ended by Ctrl+C
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            await transport.EndAsync();
        }
    }

    private static async Task<int> ConverseAsync(IChatTransport transport, string from, string? office, CancellationToken interrupted)
    {
        var interactive = !Console.IsInputRedirected;
        if (interactive)
        {
            Console.WriteLine($"Chat sebagai {from}. Ketik pesan lalu Enter; Ctrl+D untuk keluar.");
        }

        while (true)
        {
            if (interactive)
            {
                Console.Write("> ");
            }

            // Console.In reads synchronously even when asked asynchronously: read on a pool thread, so
            // Ctrl+C is not stuck behind a read.
            var line = await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(interrupted);
            if (line is null)
            {
                break;
            }

            if (!interactive)
            {
                Console.WriteLine($"> {line}");
            }

            var sent = await transport.SendAsync(from, line, office).WaitAsync(interrupted);
            if (sent.Refusal is { } refusal)
            {
                Console.Error.WriteLine(refusal.Message);
                return refusal.ExitCode;
            }

            var replies = await transport.WaitAsync(sent.Id).WaitAsync(interrupted);
            if (replies.TimedOut)
            {
                Console.Error.WriteLine("(belum ada balasan dalam 15 detik)");
            }

            foreach (var reply in replies.Replies)
            {
                Console.WriteLine(reply);
                Console.WriteLine();
            }
        }

        return 0;
    }

    /// <summary>The running service at <paramref name="baseUrl"/>, or null when none answers its health check within a second.</summary>
    private static async Task<IChatTransport?> ProbeAsync(string baseUrl)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = ReplyTimeout + TimeSpan.FromSeconds(10) };
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var health = await http.GetAsync("/health", timeout.Token);
            if (health.IsSuccessStatusCode)
            {
                return new HttpTransport(http);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Not running there.
        }

        http.Dispose();
        return null;
    }

    /// <summary>
    /// The service at <paramref name="url"/> (and nothing else when it is given), else the service at the
    /// configured <c>Urls</c>, else — saying so — the pipeline in this process.
    /// </summary>
    private static async Task<IChatTransport> ConnectAsync(string[] configArgs, bool forceLocal, string? url)
    {
        if (url is not null)
        {
            return Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var given) && given.Scheme is "http" or "https"
                ? await ProbeAsync(given.ToString().TrimEnd('/')) ?? new RefusedTransport(new Refusal($"No chatbot service answers at {url} (is it running, on that port?).", 2))
                : new RefusedTransport(new Refusal($"--url '{url}' is not an http:// or https:// address.", 2));
        }

        if (!forceLocal)
        {
            var probe = BotHost.BuildCommandLine([.. configArgs, "--Logging:Console:Enabled=false"]);
            var urls = probe.Services.GetRequiredService<IConfiguration>()["Urls"] ?? BotHost.DefaultUrls;
            probe.Dispose();
            var baseUrl = LoopbackUrl(urls.Split(';')[0].TrimEnd('/'));
            if (await ProbeAsync(baseUrl) is { } service)
            {
                return service;
            }

            Console.Error.WriteLine($"No service answers at {baseUrl}: this chat runs the pipeline itself on the configured store. Use --url to talk to a service on another address.");
        }

        // Logs go to the log file only: the terminal is the conversation.
        var host = BotHost.BuildCommandLine([.. configArgs, "--Logging:Console:Enabled=false"]);
        if (!host.Services.GetRequiredService<ChatBot.Channels.Simulator.SimulatorOptions>().Enabled)
        {
            // Nothing would deliver the answers, and starting would run this settings' real channels
            // (a second mailbox listener, Twilio sends) beside the service they belong to.
            host.Dispose();
            return new RefusedTransport(SimulatorOff);
        }

        await host.StartAsync();
        return new LocalTransport(host);
    }

    /// <summary>
    /// The address to reach a service that listens on every interface (<c>0.0.0.0</c>, <c>[::]</c>,
    /// <c>*</c>, <c>+</c>): its loopback one, the only name the simulator answers on this machine.
    /// </summary>
    private static string LoopbackUrl(string url)
    {
        foreach (var (wildcard, loopback) in new[] { ("://0.0.0.0", "://127.0.0.1"), ("://[::]", "://[::1]"), ("://*", "://localhost"), ("://+", "://localhost") })
        {
            var at = url.IndexOf(wildcard, StringComparison.Ordinal);
            var end = at + wildcard.Length;
            if (at >= 0 && (end == url.Length || url[end] is ':' or '/'))
            {
                return string.Concat(url.AsSpan(0, at), loopback, url.AsSpan(end));
            }
        }

        return url;
    }

    /// <summary>Why the chat cannot go on: what to tell the person, and the exit code.</summary>
    private sealed record Refusal(string Message, int ExitCode);

    private readonly record struct Sent(long Id, Refusal? Refusal);

    private static readonly Refusal InvalidNumber = new("Nomor telepon tidak valid. Contoh: --from 081234567890", 2);

    private static readonly Refusal SimulatorOff = new(
        "Simulator dimatikan di pengaturan ini: Channels:Simulator:Enabled=false, atau kanal WhatsApp/e-mail aktif dan "
        + "Channels:Simulator:Enabled tidak diisi. Nyalakan dengan --Channels:Simulator:Enabled=true.",
        1);

    private interface IChatTransport : IAsyncDisposable
    {
        /// <summary>Prepares to chat as <paramref name="from"/>; null when it may, else why not.</summary>
        Task<Refusal?> StartAsync(string from);

        Task<Sent> SendAsync(string from, string text, string? office);

        Task<TurnReplies> WaitAsync(long inboundId);

        /// <summary>Frees the number (safe to call more than once).</summary>
        ValueTask EndAsync();
    }

    /// <summary>No chat at all, for the reason given.</summary>
    private sealed class RefusedTransport(Refusal refusal) : IChatTransport
    {
        public Task<Refusal?> StartAsync(string from) => Task.FromResult<Refusal?>(refusal);

        public Task<Sent> SendAsync(string from, string text, string? office) => Task.FromResult(new Sent(0, refusal));

        public Task<TurnReplies> WaitAsync(long inboundId) => Task.FromResult(new TurnReplies(inboundId, [], TimedOut: false));

        public ValueTask EndAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class LocalTransport(IHost host) : IChatTransport
    {
        private readonly SimulatorGateway _gateway = host.Services.GetRequiredService<SimulatorGateway>();

        public Task<Refusal?> StartAsync(string from) =>
            Task.FromResult(Dialogs.Recognizers.PhoneRecognizer.Recognize(from).Ok ? null : InvalidNumber);

        public async Task<Sent> SendAsync(string from, string text, string? office)
        {
            if (SimulatorGateway.InputProblem(from, null, office) is { } problem)
            {
                return new Sent(0, new Refusal(problem, 2));
            }

            return await _gateway.SendAsync(from, text, null, office, CancellationToken.None) is { } sent
                ? new Sent(sent.InboundMessageId, null)
                : new Sent(0, InvalidNumber);
        }

        public Task<TurnReplies> WaitAsync(long inboundId) => _gateway.WaitForRepliesAsync(inboundId, ReplyTimeout, CancellationToken.None);

        public ValueTask EndAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>The running service's simulator API, under a session of its own for the number.</summary>
    private sealed class HttpTransport(HttpClient http) : IChatTransport
    {
        private string? _from;
        private string? _token;

        public async Task<Refusal?> StartAsync(string from)
        {
            _from = from;
            using var response = await http.PostAsJsonAsync("/simulator/api/sessions", new SimulatorSessionRequest(from));
            if (response.StatusCode == HttpStatusCode.Created && await response.Content.ReadFromJsonAsync<SimulatorSessionResponse>() is { } session)
            {
                _token = session.Token;
                http.DefaultRequestHeaders.Remove(SimulatorSessions.Header);
                http.DefaultRequestHeaders.Add(SimulatorSessions.Header, session.Token);
                return null;
            }

            return response.StatusCode switch
            {
                HttpStatusCode.Conflict => new Refusal(await DetailAsync(response) ?? SimulatorEndpoints.InUseText, 3),
                HttpStatusCode.BadRequest => InvalidNumber,
                HttpStatusCode.NotFound => new Refusal("Simulator tidak tersedia di layanan ini (dimatikan, atau hanya untuk komputer layanan dan petugas yang masuk).", 1),
                _ => new Refusal($"Layanan menolak sesi chat ({(int)response.StatusCode}).", 1),
            };
        }

        public async Task<Sent> SendAsync(string from, string text, string? office)
        {
            var request = new SimulatorSendRequest(from, text, Guid.NewGuid().ToString("N"), office);
            var response = await http.PostAsJsonAsync("/simulator/api/messages", request);
            if (response.StatusCode == HttpStatusCode.Unauthorized && _from is not null)
            {
                // The session ran out while the terminal sat idle: claim the number again, once.
                response.Dispose();
                if (await StartAsync(_from) is { } refusal)
                {
                    return new Sent(0, refusal);
                }

                response = await http.PostAsJsonAsync("/simulator/api/messages", request);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    return new Sent(0, new Refusal(await DetailAsync(response) ?? "Pesan gagal dikirim.", 2));
                }

                var stored = await response.Content.ReadFromJsonAsync<StoredReply>();
                return new Sent(stored!.Id, null);
            }
        }

        public async Task<TurnReplies> WaitAsync(long inboundId)
        {
            using var response = await http.GetAsync($"/simulator/api/turns/{inboundId}?timeout={(int)ReplyTimeout.TotalSeconds}");
            return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<TurnReplies>() is { } replies
                ? replies
                : new TurnReplies(inboundId, [], TimedOut: true);
        }

        public async ValueTask EndAsync()
        {
            if (Interlocked.Exchange(ref _token, null) is not { } token)
            {
                return;
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, "/simulator/api/sessions/current");
                request.Headers.Add(SimulatorSessions.Header, token);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                using var response = await http.SendAsync(request, timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The service is gone; the session ends by itself when it has been idle long enough.
            }
        }

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }

        private static async Task<string?> DetailAsync(HttpResponseMessage response)
        {
            try
            {
                return (await response.Content.ReadFromJsonAsync<Problem>())?.Detail;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private sealed record StoredReply(long Id, bool Duplicate);

        private sealed record Problem(string? Detail);
    }
}
