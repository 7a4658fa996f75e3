using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Tests.Simulator;
using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Hosting;

/// <summary>
/// A client that gives up on a request (a closed tab, a phone out of signal while the bot is still
/// thinking) is not a server error: nothing is logged as an error and the service goes on.
/// </summary>
public sealed class AbortedRequestTests
{
    [Fact]
    public async Task A_client_that_stops_waiting_for_an_answer_is_not_logged_as_a_server_error()
    {
        await using var host = await TestHost.StartAsync(extraDialogs: [new SlowDialog()]);
        using var phone = await SimulatorClient.ClaimAsync(host, "081200009201");
        await phone.RepliesAsync(await phone.SendOkAsync("halo"));
        var waiting = await phone.SendOkAsync("2"); // the slow flow: its answer takes seconds

        using (var gaveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                phone.Http.GetAsync($"/simulator/api/turns/{waiting}?timeout=30", gaveUp.Token));
        }

        // The answer still comes, and the service logged no error about the abandoned request.
        Assert.Contains("pelan", Assert.Single((await phone.RepliesAsync(waiting)).Replies));
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(" Error ", StringComparison.Ordinal) || line.Contains(" Fatal ", StringComparison.Ordinal));
    }

    /// <summary>Stands in for menu entry 2 and takes two seconds to answer.</summary>
    private sealed class SlowDialog() : Dialog("litmas-status")
    {
        public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), dc.CancellationToken);
            dc.Say("jawaban pelan");
            return await dc.EndDialogAsync();
        }
    }
}
