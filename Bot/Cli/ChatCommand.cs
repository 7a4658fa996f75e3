using System.Net.Http.Json;
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

        await using var transport = await ConnectAsync(configArgs, CommandLine.Flag(args, "--local"));
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

            var line = await Console.In.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            if (!interactive)
            {
                Console.WriteLine($"> {line}");
            }

            var sent = await transport.SendAsync(from, line, office);
            if (sent is null)
            {
                Console.Error.WriteLine("Nomor telepon tidak valid. Contoh: --from 081234567890");
                return 2;
            }

            var replies = await transport.WaitAsync(sent.Value);
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

    private static async Task<IChatTransport> ConnectAsync(string[] configArgs, bool forceLocal)
    {
        if (!forceLocal)
        {
            var probe = BotHost.BuildCommandLine([.. configArgs, "--Logging:Console:Enabled=false"]);
            var urls = probe.Services.GetRequiredService<IConfiguration>()["Urls"] ?? BotHost.DefaultUrls;
            probe.Dispose();
            var baseUrl = urls.Split(';')[0].TrimEnd('/');
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
                // Not running: use the pipeline in this process.
            }

            http.Dispose();
        }

        // Logs go to the log file only: the terminal is the conversation.
        var host = BotHost.BuildCommandLine([.. configArgs, "--Logging:Console:Enabled=false"]);
        await host.StartAsync();
        return new LocalTransport(host);
    }

    private interface IChatTransport : IAsyncDisposable
    {
        Task<long?> SendAsync(string from, string text, string? office);

        Task<TurnReplies> WaitAsync(long inboundId);
    }

    private sealed class LocalTransport(IHost host) : IChatTransport
    {
        private readonly SimulatorGateway _gateway = host.Services.GetRequiredService<SimulatorGateway>();

        public async Task<long?> SendAsync(string from, string text, string? office) =>
            (await _gateway.SendAsync(from, text, null, office, CancellationToken.None))?.InboundMessageId;

        public Task<TurnReplies> WaitAsync(long inboundId) => _gateway.WaitForRepliesAsync(inboundId, ReplyTimeout, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private sealed class HttpTransport(HttpClient http) : IChatTransport
    {
        public async Task<long?> SendAsync(string from, string text, string? office)
        {
            using var response = await http.PostAsJsonAsync("/simulator/api/messages", new SimulatorSendRequest(from, text, Guid.NewGuid().ToString("N"), office));
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var stored = await response.Content.ReadFromJsonAsync<StoredReply>();
            return stored?.Id;
        }

        public async Task<TurnReplies> WaitAsync(long inboundId) =>
            await http.GetFromJsonAsync<TurnReplies>($"/simulator/api/turns/{inboundId}?timeout={(int)ReplyTimeout.TotalSeconds}")
            ?? new TurnReplies(inboundId, [], TimedOut: true);

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }

        private sealed record StoredReply(long Id, bool Duplicate);
    }
}
