using ChatBot.Bot.Tests.Support;
using ChatBot.Domain;

namespace ChatBot.Bot.Tests.Flows.Abh;

/// <summary>The escalation settings are checked at start: a value that would never alert anyone does not start the service.</summary>
public sealed class AbhOptionsTests
{
    [Fact]
    public async Task Escalation_minutes_out_of_range_and_a_console_address_that_is_not_a_web_address_are_named_at_start()
    {
        var refused = await Assert.ThrowsAsync<SettingsException>(() => TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Abh:EscalateAfterMinutes"] = "0",
            ["Abh:HeadAfterMinutes"] = "1000",
            ["Abh:CheckInterval"] = "00:00:00",
            ["Abh:ConsoleUrl"] = "konsol.bapas",
        }));

        Assert.Contains("Abh:EscalateAfterMinutes must be between 1 and 720.", refused.Problems);
        Assert.Contains("Abh:HeadAfterMinutes must be between 1 and 720.", refused.Problems);
        Assert.Contains(refused.Problems, p => p.StartsWith("Abh:CheckInterval must be longer than zero", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("Abh:ConsoleUrl must be an absolute http(s) address", StringComparison.Ordinal));
    }
}
