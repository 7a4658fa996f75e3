using System.Diagnostics;
using ChatBot.Bot.Cli;
using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Cli;

/// <summary>An operator who mistypes a setting is told which ones, as a list, and the service does not start.</summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task Every_bad_setting_is_named_in_a_list_without_a_stack_trace_and_the_exit_code_is_not_zero()
    {
        var (exitCode, output) = await RunAsync(
            "serve",
            "--Urls=http://127.0.0.1:0",
            "--Channels:WhatsApp:Enabled=true",
            "--Channels:WhatsApp:AccountSid=AC0123456789abcdef0123456789abcdef",
            "--Channels:WhatsApp:AuthToken=secret",
            "--Channels:WhatsApp:From=whatsapp:+14155238886",
            "--Channels:WhatsApp:MaxSendsPerSecond=5000",
            "--Lookups:MaxFailures=lima");

        Assert.Equal(CommandLine.BadSettings, exitCode);
        Assert.Contains("- Channels:WhatsApp:MaxSendsPerSecond must be between 1 and 1000.", output);
        Assert.Contains("'lima' at 'Lookups:MaxFailures'", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Values_that_would_silently_stop_a_worker_or_a_flow_are_refused_at_start()
    {
        // A batch of zero would take no message at all: every turn would wait forever.
        var (exitCode, output) = await RunAsync(
            "serve",
            "--Urls=http://127.0.0.1:0",
            "--Workers:TurnProcessor:BatchSize=0",
            "--Outbox:PollInterval=00:00:00",
            "--Visits:OfferedSlots=0",
            "--IntegrationInfo:ResumeAfter=-01:00:00",
            "--Console:SessionTimeout=00:00:00");

        Assert.Equal(CommandLine.BadSettings, exitCode);
        Assert.Contains("- Workers:TurnProcessor:BatchSize must be between 1 and 10000.", output);
        Assert.Contains("- Outbox:PollInterval must be longer than zero", output);
        Assert.Contains("- Visits:OfferedSlots must be between 1 and 20.", output);
        Assert.Contains("- IntegrationInfo:ResumeAfter must be longer than zero", output);
        Assert.Contains("- Console:SessionTimeout must be positive.", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_bad_log_level_is_named_too()
    {
        var (exitCode, output) = await RunAsync("migrate", "--Logging:Level=loud");

        Assert.Equal(CommandLine.BadSettings, exitCode);
        Assert.Contains("- Configuration value 'loud' for Logging:Level is not a log level.", output);
        Assert.DoesNotContain("   at ", output);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => CommandRun.RunAsync(_directory, args, timeout: TimeSpan.FromSeconds(60));
}
