using System.Diagnostics;
using ChatBot.Bot.Tests.Simulator;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Cli;

/// <summary>The <c>chat</c> command as a person scripts it: piped lines in, the bot's answers out.</summary>
public sealed class ChatCommandTests : IDisposable
{
    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task Piped_input_is_answered_line_by_line_without_a_running_service()
    {
        var (exitCode, output) = await RunChatAsync(
            "halo\n5\nbantuan\n",
            "--from", "081200006001", "--local", $"--ConnectionStrings:ChatBot=Data Source={Path.Combine(_directory, "chat.db")}");

        Assert.Equal(0, exitCode);
        AssertInOrder(output, "> halo", "Selamat datang", "> 5", "Ajukan izin ke luar kota", "> bantuan", "*Bantuan*");
    }

    [Fact]
    public async Task Without_a_running_service_settings_with_a_real_channel_and_no_simulator_setting_refuse_to_chat()
    {
        var database = Path.Combine(_directory, "whatsapp.db");
        var settings = SimulatorEnabledTests.WhatsApp().Select(s => $"--{s.Key}={s.Value}");
        var (exitCode, output) = await RunChatAsync(
            "halo\n",
            ["--from", "081200006006", "--local", $"--ConnectionStrings:ChatBot=Data Source={database}", .. settings]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Simulator dimatikan", output);
        Assert.Contains("Channels:Simulator:Enabled=true", output);
        Assert.DoesNotContain("Selamat datang", output);
        Assert.DoesNotContain("belum ada balasan", output);

        // Switched on explicitly, the same settings chat.
        (exitCode, output) = await RunChatAsync(
            "halo\n",
            ["--from", "081200006006", "--local", $"--ConnectionStrings:ChatBot=Data Source={database}", "--Channels:Simulator:Enabled=true", .. settings]);
        Assert.Equal(0, exitCode);
        AssertInOrder(output, "> halo", "Selamat datang");
    }

    [Fact]
    public async Task A_service_listening_on_every_interface_is_reached_under_a_loopback_name()
    {
        await using var host = await TestHost.StartAsync();
        // Urls as a deployment on every interface writes it; the test service itself listens on 127.0.0.1 only.
        var (exitCode, output) = await RunChatAsync(
            "halo\n",
            "--from", "081200006007", $"--Urls=http://0.0.0.0:{host.BaseAddress.Port}",
            $"--ConnectionStrings:ChatBot=Data Source={Path.Combine(_directory, "unused.db")}");

        Assert.Equal(0, exitCode);
        AssertInOrder(output, "> halo", "Selamat datang");
        await using var db = host.Store.CreateDbContext();
        Assert.Equal(1, await db.InboundMessages.CountAsync(m => m.From == "+6281200006007" && m.Channel == ChannelKind.Simulator));
    }

    [Fact]
    public async Task With_the_service_running_the_chat_goes_through_it()
    {
        await using var host = await TestHost.StartAsync();
        var (exitCode, output) = await RunChatAsync(
            "halo\nenglish\n",
            "--from", "081200006002", $"--Urls={host.BaseAddress.ToString().TrimEnd('/')}",
            $"--ConnectionStrings:ChatBot=Data Source={Path.Combine(_directory, "unused.db")}");

        Assert.Equal(0, exitCode);
        AssertInOrder(output, "> halo", "Selamat datang", "> english", "continue in English");
        await using var db = host.Store.CreateDbContext();
        Assert.Equal(2, await db.InboundMessages.CountAsync(m => m.From == "+6281200006002" && m.Channel == ChannelKind.Simulator));
    }

    [Fact]
    public async Task Url_reaches_a_service_on_another_port_and_a_wrong_one_is_named_instead_of_chatting_alone()
    {
        await using var host = await TestHost.StartAsync();
        var unused = $"--ConnectionStrings:ChatBot=Data Source={Path.Combine(_directory, "unused.db")}";
        var (exitCode, output) = await RunChatAsync("halo\n", "--from", "081200006011", "--url", host.BaseAddress.ToString(), unused);

        Assert.Equal(0, exitCode);
        AssertInOrder(output, "> halo", "Selamat datang");
        await using var db = host.Store.CreateDbContext();
        Assert.Equal(1, await db.InboundMessages.CountAsync(m => m.From == "+6281200006011"));

        (exitCode, output) = await RunChatAsync("halo\n", "--from", "081200006012", "--url", "http://127.0.0.1:9", unused);
        Assert.Equal(2, exitCode);
        Assert.Contains("No chatbot service answers at http://127.0.0.1:9", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Selamat datang", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_service_at_the_configured_address_the_chat_says_it_runs_the_pipeline_itself()
    {
        var (exitCode, output) = await RunChatAsync("halo\n", "--from", "081200006013", "--Urls=http://127.0.0.1:9",
            $"--ConnectionStrings:ChatBot=Data Source={Path.Combine(_directory, "own.db")}");

        Assert.Equal(0, exitCode);
        AssertInOrder(output, "> halo", "Selamat datang");
        Assert.Contains("No service answers at http://127.0.0.1:9: this chat runs the pipeline itself", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_http_a_number_in_use_is_refused_and_a_finished_chat_frees_its_number()
    {
        await using var host = await TestHost.StartAsync();
        var url = $"--Urls={host.BaseAddress.ToString().TrimEnd('/')}";
        var unused = $"--ConnectionStrings:ChatBot=Data Source={Path.Combine(_directory, "unused.db")}";
        using var tab = await SimulatorClient.ClaimAsync(host, "081200006003");

        var (refused, refusal) = await RunChatAsync("halo\n", "--from", "081200006003", url, unused);
        Assert.NotEqual(0, refused);
        Assert.Contains("Nomor ini sedang dipakai di tab atau sesi chat lain. Pakai nomor lain.", refusal);
        Assert.DoesNotContain("Selamat datang", refusal);

        var (exitCode, output) = await RunChatAsync("halo\n", "--from", "081200006004", url, unused);
        Assert.Equal(0, exitCode);
        AssertInOrder(output, "> halo", "Selamat datang");
        using var after = await SimulatorClient.ClaimAsync(host, "081200006004");
    }

    [Fact]
    public async Task Ctrl_c_frees_the_number_of_a_chat_over_http()
    {
        await using var host = await TestHost.StartAsync();
        using var process = Process.Start(ChatStart(
            "--from", "081200006005", $"--Urls={host.BaseAddress.ToString().TrimEnd('/')}",
            $"--ConnectionStrings:ChatBot=Data Source={Path.Combine(_directory, "unused.db")}"))!;
        var output = new System.Text.StringBuilder();
        var answered = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data?.Contains("Selamat datang", StringComparison.Ordinal) == true)
                {
                    answered.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.Append("stderr: ").AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.StandardInput.WriteAsync("halo\n");
        await process.StandardInput.FlushAsync();
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await SimulatorClient.TryClaimAsync(host, "081200006005")).StatusCode);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            lock (output)
            {
                Assert.Fail($"The chat did not end within 30 s of Ctrl+C. It wrote:\n{output}");
            }
        }

        Assert.Equal(130, process.ExitCode);
        using var after = await SimulatorClient.ClaimAsync(host, "081200006005");
    }

    private static void AssertInOrder(string output, params string[] fragments)
    {
        var at = 0;
        foreach (var fragment in fragments)
        {
            var found = output.IndexOf(fragment, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Expected \"{fragment}\" after position {at} in:\n{output}");
            at = found + fragment.Length;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunChatAsync(string input, params string[] args)
    {
        using var process = Process.Start(ChatStart(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo ChatStart(params string[] args)
    {
        var start = CommandRun.Start(AppContext.BaseDirectory, ["chat", .. args]);
        start.RedirectStandardInput = true;
        return start;
    }
}
