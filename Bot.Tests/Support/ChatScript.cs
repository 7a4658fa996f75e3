namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// A conversation test that reads like the chat:
/// <code>await host.Chat("0812…").Send("halo").Expect("Selamat datang").Send("1").Expect("segera hadir").RunAsync();</code>
/// Each message goes through the simulator channel (inbox → turn → outbox) and each
/// <see cref="Expect"/> checks the bot's answer to the message before it.
/// </summary>
public sealed class ChatScript(TestHost host, string phone)
{
    private readonly List<Func<Task>> _steps = [];
    private string? _lastSent;
    private string _lastReply = "";

    /// <summary>The bot's last answer, as the person read it.</summary>
    public string LastReply => _lastReply;

    public ChatScript Send(string text)
    {
        _steps.Add(async () =>
        {
            _lastSent = text;
            var sent = await host.Gateway.SendAsync(phone, text, null, null, CancellationToken.None)
                ?? throw new InvalidOperationException($"'{phone}' is not a phone number.");
            var replies = await host.Gateway.WaitForRepliesAsync(sent.InboundMessageId, TimeSpan.FromSeconds(15), CancellationToken.None);
            Assert.False(replies.TimedOut, $"No answer within 15 s to \"{text}\".");
            _lastReply = string.Join("\n\n", replies.Replies);
        });
        return this;
    }

    /// <summary>The answer to the last message contains every fragment (case-insensitive).</summary>
    public ChatScript Expect(params string[] fragments)
    {
        _steps.Add(() =>
        {
            foreach (var fragment in fragments)
            {
                Assert.True(
                    _lastReply.Contains(fragment, StringComparison.OrdinalIgnoreCase),
                    $"After \"{_lastSent}\" the bot said:\n{_lastReply}\n\nExpected it to contain: \"{fragment}\"");
            }

            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The answer to the last message contains none of the fragments.</summary>
    public ChatScript ExpectNot(params string[] fragments)
    {
        _steps.Add(() =>
        {
            foreach (var fragment in fragments)
            {
                Assert.False(
                    _lastReply.Contains(fragment, StringComparison.OrdinalIgnoreCase),
                    $"After \"{_lastSent}\" the bot said:\n{_lastReply}\n\nExpected it not to contain: \"{fragment}\"");
            }

            return Task.CompletedTask;
        });
        return this;
    }

    public async Task RunAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }
    }
}
