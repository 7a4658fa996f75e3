namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// A conversation test that reads like the chat:
/// <code>await host.Chat("0812…").Send("halo").Expect("Selamat datang").Send("4").Expect("Layanan pengaduan").RunAsync();</code>
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

    public ChatScript Send(string text) => Send(text, null);

    /// <summary>Sends a file, as a checked attachment the channel stored (type from its bytes, size).</summary>
    public ChatScript SendFile(string contentType, long size, string caption = "") =>
        Send(caption, [new ChatBot.Domain.Conversations.StoredAttachment(contentType, size, $"test/{Guid.NewGuid():N}", "ktp")]);

    private ChatScript Send(string text, IReadOnlyList<ChatBot.Domain.Conversations.StoredAttachment>? attachments)
    {
        _steps.Add(async () =>
        {
            _lastSent = attachments is null ? text : $"[file {attachments[0].ContentType}, {attachments[0].Size} bytes] {text}";
            var sent = await host.Gateway.SendAsync(phone, text, null, null, CancellationToken.None, attachments)
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

    /// <summary>Adds the answer to the last message to <paramref name="replies"/> (for counting answers over many chats).</summary>
    public ChatScript Keep(ICollection<string> replies)
    {
        _steps.Add(() =>
        {
            replies.Add(_lastReply);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The bot said nothing to the last message (an officer has the conversation).</summary>
    public ChatScript ExpectSilence()
    {
        _steps.Add(() =>
        {
            Assert.True(_lastReply.Length == 0, $"After \"{_lastSent}\" the bot should stay silent but said:\n{_lastReply}");
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
