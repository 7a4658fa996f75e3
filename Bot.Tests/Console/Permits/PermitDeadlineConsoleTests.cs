using ChatBot.Bot.Tests.Flows.TravelPermit;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Console.Permits;

/// <summary>The permit list against 14 working days on a fake clock: weekends and holidays do not count; rows at risk and late rows stand out.</summary>
public sealed class PermitDeadlineConsoleTests : IAsyncLifetime
{
    // Friday 18 December 2026, 10.00 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 18, 3, 0, 0, TimeSpan.Zero));
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["Sla:Holidays:0"] = "2026-12-24", ["Sla:Holidays:1"] = "2026-12-25", ["Sla:Holidays:2"] = "2027-01-01" },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_turns_at_risk_with_under_three_working_days_left_and_late_after_the_fourteenth()
    {
        var permit = await PermitStepsTests.FileAsync(_host, "081300083001");
        var pk = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.Pk);

        Assert.Contains("Sisa 14 hari kerja", await RowAsync(pk.UserName, permit.Code));

        // Through Christmas and New Year (24, 25 December and 1 January off, and the weekends): Thursday
        // 7 January is the 11th working day, and the 14th is Tuesday 12 January.
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 7, 8, 0, 0, TimeSpan.Zero));
        var row = await RowAsync(pk.UserName, permit.Code);
        Assert.Contains("data-timeliness=\"on-time\"", row);
        Assert.Contains("Sisa 3 hari kerja", row);

        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 8, 2, 0, 0, TimeSpan.Zero));
        row = await RowAsync(pk.UserName, permit.Code);
        Assert.Contains("data-timeliness=\"at-risk\"", row);
        Assert.Contains("row-at-risk", row);
        Assert.Contains("12 Jan 2027 23:59 WIB", row);
        Assert.Contains("sisa 2 hari kerja", row);

        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 13, 1, 0, 0, TimeSpan.Zero));
        row = await RowAsync(pk.UserName, permit.Code);
        Assert.Contains("data-timeliness=\"late\"", row);
        Assert.Contains("row-late", row);
        Assert.Contains("Lewat batas", row);
    }

    /// <summary>The list's row of <paramref name="code"/>, signed in afresh (a jump of the clock outlives any session).</summary>
    private async Task<string> RowAsync(string userName, string code)
    {
        using var officer = ConsoleClient.For(_host);
        await officer.SignInAsync(userName, ConsoleClient.Password);
        var html = await officer.Http.GetStringAsync("/console/izin");
        var start = html.IndexOf($"data-code=\"{code}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"No row for {code} in:\n{html}");
        var rowStart = html.LastIndexOf("<tr", start, StringComparison.Ordinal);
        return html[rowStart..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
