using ChatBot.Channels.WhatsApp;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>How a long WhatsApp body is cut into parts of at most 1,600 characters.</summary>
public sealed class SenderMessageSplitterTests
{
    [Fact]
    public void A_body_that_fits_is_one_part_unchanged()
    {
        var body = "  Halo!\n\n" + new string('a', 1591);
        Assert.Equal([body], MessageSplitter.Split(body));
        Assert.Equal([""], MessageSplitter.Split(""));
    }

    [Fact]
    public void Parts_end_at_line_breaks_and_keep_the_lines_whole()
    {
        var lines = Enumerable.Range(1, 100).Select(i => $"Baris {i:000}: " + new string('k', 20)).ToList(); // 31 characters each
        var body = string.Join('\n', lines);

        var parts = MessageSplitter.Split(body, 100);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 100));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
        Assert.Equal(34, parts.Count); // three lines (95 characters) a part
    }

    [Fact]
    public void Blank_lines_at_a_cut_are_dropped_and_windows_line_breaks_are_kept_inside_parts()
    {
        var body = "Paragraf satu.\r\nMasih satu.\r\n\r\n\r\nParagraf dua yang panjang sekali.";

        var parts = MessageSplitter.Split(body, 30);

        Assert.Equal(["Paragraf satu.\r\nMasih satu.", "Paragraf dua yang panjang", "sekali."], parts);
    }

    [Fact]
    public void A_line_longer_than_a_part_is_cut_between_words()
    {
        var words = Enumerable.Range(1, 400).Select(i => $"kata{i}").ToList();
        var body = string.Join(' ', words);

        var parts = MessageSplitter.Split(body, 1600);

        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 1600));
        Assert.All(parts, p => Assert.False(char.IsWhiteSpace(p[0]) || char.IsWhiteSpace(p[^1])));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')));
    }

    [Fact]
    public void Only_a_word_longer_than_a_part_is_cut_inside_and_an_emoji_is_never_halved()
    {
        var giant = string.Concat(Enumerable.Repeat("a🙂", 40)); // 120 UTF-16 units; the 50th is half of an emoji
        var body = "awal " + giant + " akhir";

        var parts = MessageSplitter.Split(body, 50);

        Assert.Equal(4, parts.Count);
        Assert.Equal("awal", parts[0]);
        Assert.Equal(49, parts[1].Length);
        Assert.EndsWith(" akhir", parts[3]);
        Assert.Equal(body, parts[0] + " " + string.Concat(parts.Skip(1)));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 50));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0])));
    }

    [Fact]
    public void A_typical_long_answer_splits_into_two_parts_in_order()
    {
        var body = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"{i}. Syarat kunjungan nomor {i} harus dipenuhi."));
        Assert.InRange(body.Length, 1601, 3200);

        var parts = MessageSplitter.Split(body);

        Assert.Equal(2, parts.Count);
        Assert.Equal(body, string.Join('\n', parts));
    }
}
