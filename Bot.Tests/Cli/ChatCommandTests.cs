using System.Diagnostics;
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
        AssertInOrder(output, "> halo", "Selamat datang", "> 5", "segera hadir", "> bantuan", "*Bantuan*");
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
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBot.Bot.dll"));
        start.ArgumentList.Add("chat");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
