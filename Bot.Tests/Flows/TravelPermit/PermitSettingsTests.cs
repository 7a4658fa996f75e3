using ChatBot.Bot.Tests.Support;
using ChatBot.Domain;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary>Permit settings are checked when the service starts, each problem named; English speakers get the flow in English.</summary>
public sealed class PermitSettingsTests
{
    [Fact]
    public async Task A_letter_pattern_that_cannot_number_letters_or_a_bad_maximum_stops_the_start_with_both_named()
    {
        var problem = await Assert.ThrowsAsync<SettingsException>(() => TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Permits:LetterNumberPattern"] = "W/PK/{tahun}",
            ["Permits:MaxDays"] = "0",
        }));
        Assert.Contains(problem.Problems, p => p.StartsWith("Permits:LetterNumberPattern", StringComparison.Ordinal) && p.Contains("{tahun}", StringComparison.Ordinal));
        Assert.Contains(problem.Problems, p => p.StartsWith("Permits:MaxDays", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_flow_speaks_English_when_asked_and_a_shorter_maximum_is_told()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Permits:MaxDays"] = "7" });
        var client = await PermitWorld.AddClientAsync(host);
        var depart = PermitWorld.Today(host).AddDays(1);
        await host.Chat("081300088001")
            .Send("halo").Send("english").Send("5").Expect("Out-of-town permit", "Request an out-of-town permit")
            .Send("1").Expect("Personal Data Protection").Send("yes").Expect("Item 1 of 10", "Lawyer")
            .Send("1").Send("Budi Santoso").Expect("registration number")
            .Send(client.RegistrationNumber).Send("17-08-1990").Expect("is matched", "Item 4 of 10")
            .Send("Semarang").Send("Jl. Pandanaran 10").Send("Work").Expect("Item 7 of 10")
            .Send(PermitWorld.Typed(depart)).Expect("Item 8 of 10")
            .Send(PermitWorld.Typed(depart.AddDays(8))).Expect("at most 7 days")
            .Send(PermitWorld.Typed(depart.AddDays(7))).Expect("Item 9 of 10")
            .RunAsync();
    }
}
