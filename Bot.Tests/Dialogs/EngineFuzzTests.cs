using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Dialogs;

/// <summary>
/// Thousands of random messages straight through the dialog engine: no turn may throw, every turn
/// must answer something, and the saved state must always load again.
/// </summary>
public sealed class EngineFuzzTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private static readonly string[] Words =
    [
        "halo", "menu", "batal", "kembali", "bantuan", "petugas", "operator", "english", "bahasa", "ya", "tidak",
        "1", "2", "3", "4", "5", "6", "7", "0", "-1", "besok", "lusa", "25-12-2026", "31-02-2026", "25 Desember",
        "081234567890", "+6281234567890", "nama@mail.com", "3171234567890001", "Siti", "😀", "🙏🏽", "中文", "русский",
        "١٢٣", "\u0000", "\u200B", "\t", "\r\n", "*", "<script>alert(1)</script>", "' OR 1=1 --", "%s%n", "{0}", "\\", "\"",
    ];

    [Fact]
    public async Task Five_thousand_random_turns_never_throw_and_always_answer()
    {
        var engine = shared.Host.Services.GetRequiredService<DialogEngine>();
        var office = shared.Host.Services.GetRequiredService<OfficeDirectory>().Default!;
        var random = new Random(20261122);
        var conversations = Enumerable.Range(0, 25)
            .Select(i => new Conversation { Id = 10_000 + i, OfficeId = office.Id, UserAddress = $"+62812999{i:D5}", Channel = ChannelKind.Simulator })
            .ToArray();
        await using var db = shared.Host.Store.CreateDbContext();
        var now = new DateTime(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

        for (var turn = 0; turn < 5000; turn++)
        {
            var conversation = conversations[random.Next(conversations.Length)];
            var raw = RandomMessage(random);
            var input = new TurnInput(TextNormalizer.Normalize(raw), [], ChannelKind.Simulator, conversation.UserAddress, null, now);

            var replies = await engine.RunTurnAsync(conversation, office, input, new UnitOfWork(db, now, CancellationToken.None));

            Assert.True(replies.Count > 0, $"No answer to {Describe(raw)}");
            Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), $"Blank answer to {Describe(raw)}"));
            Assert.NotNull(DialogStack.TryDeserialize(conversation.DialogState));
        }
    }

    private static string RandomMessage(Random random)
    {
        return random.Next(6) switch
        {
            0 => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0, 0x3000)).ToArray()),
            1 => new string('x', random.Next(1000, 6000)),
            2 => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)])),
            _ => Words[random.Next(Words.Length)],
        };
    }

    private static string Describe(string raw) =>
        raw.Length > 60 ? $"a {raw.Length}-character message" : $"\"{string.Concat(raw.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()))}\"";
}
