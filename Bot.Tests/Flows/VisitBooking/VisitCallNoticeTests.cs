using ChatBot.Bot.OfficerConsole.Visits;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Visits;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.VisitBooking;

/// <summary>What the family hears when an officer calls their visit, at an office that has set no number to call from.</summary>
public sealed class VisitCallNoticeTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(settings: VisitWorld.Settings());
        await VisitWorld.SeedAsync(_host, callerNumber: null);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Without_a_caller_number_the_call_notice_names_no_number_and_still_reads_well()
    {
        const string phone = "081300011001";
        await _host.Chat(phone)
            .Send("halo").Send("1").Send("Budi Santoso").Send("17-08-1990").Send("Siti").Send("2").Send("ya")
            .Send("1").Expect("berhasil")
            .RunAsync();
        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(_host, phone));

        var desk = _host.Services.GetRequiredService<VisitDesk>();
        Assert.Equal(VisitMoveResult.Done, await desk.MoveAsync(visit.Id, VisitStatus.Booked, VisitStatus.Called, "petugas-uji", _ => true, CancellationToken.None));

        var notice = await WaitForMessageAsync(phone, "akan segera dimulai");
        Assert.Contains(visit.Code, notice);
        Assert.Contains("Petugas Unit Pelaksana Teknis Pemasyarakatan akan menghubungi Anda melalui video call WhatsApp", notice);
        Assert.DoesNotContain("dari nomor", notice);
        Assert.DoesNotContain("**", notice);
    }

    private async Task<string> WaitForMessageAsync(string phone, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var line = (await _host.Gateway.HistoryAsync(phone, 100, CancellationToken.None)).LastOrDefault(l => l.Direction == "out" && l.Body.Contains(text));
            if (line is not null)
            {
                return line.Body;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"\"{text}\" did not reach {phone}.");
    }
}
