using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.Flows.VisitBooking;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Tests.Flows.VisitBooking;

/// <summary>How an answer to a list of slots is read (today: Wednesday 9 December 2026).</summary>
public sealed class SlotAskTests
{
    private static readonly DateOnly Today = new(2026, 12, 9);

    private static readonly List<FreeSlot> Offered =
    [
        new(new DateTime(2026, 12, 9, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 9, 9, 0, 0)),
        new(new DateTime(2026, 12, 9, 2, 15, 0, DateTimeKind.Utc), new DateTime(2026, 12, 9, 9, 15, 0)),
    ];

    private static SlotAsk Read(string text) =>
        SlotAsk.Read(text, Today, Offered, [.. Offered.Select(s => VisitSlots.ChoiceOf(s, VisitTexts.Indonesian))]).Value!;

    [Theory]
    [InlineData("hari jumat bisa?", 11)]
    [InlineData("jumat", 11)]
    [InlineData("besok", 10)]
    [InlineData("tanggal 14", 14)]
    public void A_day_finds_that_days_slots(string text, int day) =>
        Assert.Equal(new SlotAsk(SlotAskKind.Find, Day: new DateOnly(2026, 12, day)), Read(text));

    [Fact]
    public void A_part_of_the_day_narrows_the_day() =>
        Assert.Equal(new SlotAsk(SlotAskKind.Find, Day: new DateOnly(2026, 12, 14), From: new TimeOnly(5, 0), Until: new TimeOnly(11, 0)), Read("senin pagi"));

    [Theory]
    [InlineData("lainnya")]
    [InlineData("yang lain")]
    [InlineData("jadwal berikutnya")]
    public void Other_slots_are_the_next_ones(string text) => Assert.Equal(SlotAskKind.More, Read(text).Kind);

    [Theory]
    [InlineData("2")]
    [InlineData("yang kedua")]
    [InlineData("hari ini jam 9.15")]
    [InlineData("09.15")]
    public void An_offered_slot_is_picked(string text) => Assert.Equal(new SlotAsk(SlotAskKind.Pick, Offered[1].StartUtc), Read(text));

    [Fact]
    public void A_day_that_has_passed_is_refused() =>
        Assert.Equal(RecognizerProblems.Range, SlotAsk.Read("kemarin", Today, Offered, []).Problem);
}
