using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.VisitBooking;

/// <summary>Choosing a slot beyond the first five: the next ones, or the ones of a day the family names.</summary>
public sealed class VisitSlotChoiceTests(VisitHost shared) : IClassFixture<VisitHost>
{
    private TestHost Host => shared.Host;

    private ChatScript ToSlots(string phone) => Host.Chat(phone)
        .Send("halo").Send("1").Send("Dewi Lestari").Send("12-12-1992").Send("Rina").Send("3").Send("ya")
        .Expect("Pilih jadwal video call (waktu WIB)", "*lainnya*", "1. ", "5. ").ExpectNot("6. ");

    [Fact]
    public async Task Lainnya_offers_the_next_slots_and_one_of_them_is_booked()
    {
        const string phone = "081300012001";
        var first = ToSlots(phone);
        await first.RunAsync();
        var firstPage = Lines(first.LastReply);

        var more = Host.Chat(phone).Send("lainnya").Expect("Jadwal berikutnya", "1. ", "5. ").ExpectNot("6. ", "tidak kami kenali");
        await more.RunAsync();
        var secondPage = Lines(more.LastReply);
        Assert.Empty(secondPage.Intersect(firstPage));

        var third = Host.Chat(phone).Send("yang lain").Expect("Jadwal berikutnya");
        await third.RunAsync();
        Assert.Empty(Lines(third.LastReply).Intersect(secondPage));

        var chosen = Lines(third.LastReply)[1];
        await Host.Chat(phone).Send("2").Expect("berhasil", chosen.Split(' ')[^1]).RunAsync();
        var visit = Assert.Single(await VisitWorld.VisitsOfAsync(Host, phone));
        Assert.Contains(VisitTexts(visit.SlotStart), chosen);
    }

    [Fact]
    public async Task A_day_named_even_as_a_question_offers_that_days_free_slots()
    {
        const string phone = "081300012002";
        var friday = Next(DayOfWeek.Friday);
        var monday = Next(DayOfWeek.Monday);
        var chat = ToSlots(phone)
            .Send("hari jumat bisa?").Expect($"pada *Jumat, {friday:dd-MM-yyyy}*", "1. ").ExpectNot("pertanyaan", "tidak kami kenali", "Mohon jawab");
        await chat.RunAsync();
        Assert.All(Lines(chat.LastReply), line => Assert.Contains($"Jumat, {friday:dd-MM-yyyy}", line));

        chat = Host.Chat(phone).Send("kemarin").Expect("sudah lewat")
            .Send("senin pagi").Expect($"pada *Senin, {monday:dd-MM-yyyy}*");
        await chat.RunAsync();
        var mornings = Lines(chat.LastReply);
        Assert.NotEmpty(mornings);
        Assert.All(mornings, line =>
        {
            Assert.Contains($"Senin, {monday:dd-MM-yyyy}", line);
            var hour = int.Parse(line.Split(' ')[^1][..2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(hour, 5, 10);
        });

        await Host.Chat(phone).Send("2").Expect("berhasil", $"Senin, {monday:dd-MM-yyyy}", mornings[1].Split(' ')[^1]).RunAsync();
    }

    private DateOnly Next(DayOfWeek day)
    {
        var today = Host.Services.GetRequiredService<OfficeDirectory>().Default!.LocalDate(DateTime.UtcNow);
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    private string VisitTexts(DateTime slotUtc)
    {
        var local = Host.Services.GetRequiredService<OfficeDirectory>().Default!.ToLocal(slotUtc);
        return $"{local:dd-MM-yyyy HH\\.mm}";
    }

    /// <summary>The offered slots' labels, without their numbers.</summary>
    internal static List<string> Lines(string reply) =>
        [.. reply.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 3 && char.IsAsciiDigit(l[0]) && l[1] == '.' && l[2] == ' ').Select(l => l[3..])];
}

/// <summary>A day the office has no visits on: said politely, with the nearest days that have free slots.</summary>
public sealed class VisitClosedDayTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(settings: VisitWorld.Settings());
        await VisitWorld.SeedAsync(_host, days: 127 & ~(1 << (int)DayOfWeek.Saturday));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_closed_day_is_said_politely_and_the_nearest_days_are_offered()
    {
        var today = _host.Services.GetRequiredService<OfficeDirectory>().Default!.LocalDate(DateTime.UtcNow);
        var ahead = ((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7;
        var saturday = today.AddDays(ahead == 0 ? 7 : ahead);
        var chat = _host.Chat("081300012101")
            .Send("halo").Send("1").Send("Budi Santoso").Send("17-08-1990").Send("Siti").Send("2").Send("ya").Expect("Pilih jadwal")
            .Send("sabtu").Expect($"Mohon maaf, pada *Sabtu, {saturday:dd-MM-yyyy}* tidak ada jadwal", $"Jumat, {saturday.AddDays(-1):dd-MM-yyyy}", $"Minggu, {saturday.AddDays(1):dd-MM-yyyy}");
        await chat.RunAsync();
        var offered = VisitSlotChoiceTests.Lines(chat.LastReply);
        Assert.Contains(offered, line => line.StartsWith("Jumat", StringComparison.Ordinal));
        Assert.Contains(offered, line => line.StartsWith("Minggu", StringComparison.Ordinal));
        Assert.DoesNotContain(offered, line => line.StartsWith("Sabtu", StringComparison.Ordinal));

        await _host.Chat("081300012101").Send(offered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Expect("berhasil", "Minggu").RunAsync();
    }
}
