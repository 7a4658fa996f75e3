using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Simulator;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.LitmasStatus;

/// <summary>
/// One running service for the litmas tests, with the real litmas flow, a test form standing in for the
/// visit booking (to interrupt), and a low guessing limit (3 unknown numbers an hour).
/// </summary>
public sealed class LitmasHost : IAsyncLifetime
{
    public const int MaxFailures = 3;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await TestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Lookups:MaxFailures"] = MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            extraDialogs: [new TestFormDialog()]);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public LitmasCaseService Cases => Host.Services.GetRequiredService<LitmasCaseService>();

    public int OfficeId => Host.Services.GetRequiredService<OfficeDirectory>().Default!.Id;

    /// <summary>Enters a case as an officer would, received a few minutes ago; returns its id.</summary>
    public async Task<long> AddCaseAsync(string number, string pk = "Dewi Lestari, S.Sos", string client = "Andi Saputra")
    {
        var received = DateTime.UtcNow.AddMinutes(-5);
        var (result, id) = await Cases.CreateAsync(
            OfficeId,
            new NewLitmasCase(number, client, pk, RequestingInstitution.Lapas, "Lapas Kelas IIA Pekanbaru", received),
            new Actor(null, "pk-test"),
            CancellationToken.None);
        Assert.Equal(LitmasActionResult.Done, result);
        return id!.Value;
    }

    /// <summary>The next message delivered to the phone that contains <paramref name="fragment"/>.</summary>
    public static async Task<string> NextAsync(SimulatorHub.Subscription inbox, string fragment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var delivery = await inbox.Reader.ReadAsync(timeout.Token);
            if (delivery.Body.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return delivery.Body;
            }
        }
    }
}
