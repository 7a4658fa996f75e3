using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Tests.Dialogs.Recognizers;

public class DateRecognizerTests
{
    /// <summary>A Wednesday.</summary>
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static Recognized<DateOnly> Recognize(string text, DateDirection direction = DateDirection.Any) =>
        DateRecognizer.Recognize(text, Today, direction);

    private static Recognized<DateOnly> Ok(string iso) => Recognized<DateOnly>.Success(DateOnly.Parse(iso));

    [Theory]
    [InlineData("25-12-2026", "2026-12-25")]
    [InlineData("25/12/2026", "2026-12-25")]
    [InlineData("25.12.2026", "2026-12-25")]
    [InlineData("25 / 12 / 2026", "2026-12-25")]
    [InlineData("5-1-2027", "2027-01-05")]
    [InlineData("05-01-2027", "2027-01-05")]
    [InlineData("2026-12-25", "2026-12-25")]
    [InlineData("2026/12/25", "2026-12-25")]
    [InlineData("2026-1-5", "2026-01-05")]
    [InlineData("25-12-26", "2026-12-25")]
    [InlineData("25/12", "2026-12-25")]
    [InlineData("25-12", "2026-12-25")]
    [InlineData("Kamis 11/6", "2026-06-11")]
    [InlineData("12/06/2026 jam 09.00", "2026-06-12")]
    [InlineData("25 Desember", "2026-12-25")]
    [InlineData("25 desember 2026", "2026-12-25")]
    [InlineData("25 DESEMBER 2026", "2026-12-25")]
    [InlineData("25 Des 2026", "2026-12-25")]
    [InlineData("25 Des. 2026", "2026-12-25")]
    [InlineData("25-Des-2026", "2026-12-25")]
    [InlineData("25-Des-26", "2026-12-25")]
    [InlineData("25 Des '26", "2026-12-25")]
    [InlineData("25Des2026", "2026-12-25")]
    [InlineData("25 December 2026", "2026-12-25")]
    [InlineData("25 Dec 2026", "2026-12-25")]
    [InlineData("25th December 2026", "2026-12-25")]
    [InlineData("December 25, 2026", "2026-12-25")]
    [InlineData("Dec 25", "2026-12-25")]
    [InlineData("1 Januari 2027", "2027-01-01")]
    [InlineData("1 Jan 2027", "2027-01-01")]
    [InlineData("14 Februari 2026", "2026-02-14")]
    [InlineData("14 Pebruari 2026", "2026-02-14")]
    [InlineData("14 Peb 2026", "2026-02-14")]
    [InlineData("14 Feb 2026", "2026-02-14")]
    [InlineData("1 Maret 2026", "2026-03-01")]
    [InlineData("1 Mar 2026", "2026-03-01")]
    [InlineData("1 April 2026", "2026-04-01")]
    [InlineData("1 Apr 2026", "2026-04-01")]
    [InlineData("5 Mei 2026", "2026-05-05")]
    [InlineData("5 May 2026", "2026-05-05")]
    [InlineData("1 Juni 2026", "2026-06-01")]
    [InlineData("1 Jun 2026", "2026-06-01")]
    [InlineData("1 Juli 2026", "2026-07-01")]
    [InlineData("1 Jul 2026", "2026-07-01")]
    [InlineData("17 Agustus 2026", "2026-08-17")]
    [InlineData("17 Agu 2026", "2026-08-17")]
    [InlineData("17 Agt 2026", "2026-08-17")]
    [InlineData("17 Ags 2026", "2026-08-17")]
    [InlineData("17 Aug 2026", "2026-08-17")]
    [InlineData("1 September 2026", "2026-09-01")]
    [InlineData("1 Sep 2026", "2026-09-01")]
    [InlineData("1 Sept 2026", "2026-09-01")]
    [InlineData("1 Oktober 2026", "2026-10-01")]
    [InlineData("1 Okt 2026", "2026-10-01")]
    [InlineData("1 Oct 2026", "2026-10-01")]
    [InlineData("10 November 2026", "2026-11-10")]
    [InlineData("10 Nopember 2026", "2026-11-10")]
    [InlineData("10 Nop 2026", "2026-11-10")]
    [InlineData("10 Nov 2026", "2026-11-10")]
    [InlineData("tanggal 25 Desember ya", "2026-12-25")]
    [InlineData("tgl 25/12/2026", "2026-12-25")]
    [InlineData("Tgl. 25-12-2026", "2026-12-25")]
    [InlineData("saya mau berkunjung tanggal 25 Desember 2026 jam 10.00", "2026-12-25")]
    [InlineData("tanggal 25", "2026-06-25")]
    [InlineData("tgl 5", "2026-06-05")]
    [InlineData("25 Desember 2026 (Jumat)", "2026-12-25")] // a Friday: the weekday agrees
    [InlineData("Senin, 28 Desember 2026", "2026-12-28")]
    [InlineData("sekarang saya mau tanggal 25 Desember", "2026-12-25")] // "sekarang" is only small talk here
    [InlineData("25-12-2026 atau 25/12/2026", "2026-12-25")] // the same date twice
    [InlineData("\u200B25-12-2026\u0000", "2026-12-25")]
    [InlineData("你好 25-12-2026 مرحبا", "2026-12-25")]
    public void Recognizes_explicit_dates(string text, string expected)
    {
        Assert.Equal(Ok(expected), Recognize(text));
    }

    [Theory]
    [InlineData("hari ini", "2026-06-10")]
    [InlineData("Hari ini saja", "2026-06-10")]
    [InlineData("sekarang", "2026-06-10")]
    [InlineData("today", "2026-06-10")]
    [InlineData("besok", "2026-06-11")]
    [InlineData("Besok!", "2026-06-11")]
    [InlineData("besuk", "2026-06-11")]
    [InlineData("tomorrow", "2026-06-11")]
    [InlineData("lusa", "2026-06-12")]
    [InlineData("besok lusa", "2026-06-12")]
    [InlineData("day after tomorrow", "2026-06-12")]
    [InlineData("kemarin", "2026-06-09")]
    [InlineData("kemaren", "2026-06-09")]
    [InlineData("yesterday", "2026-06-09")]
    [InlineData("kemarin lusa", "2026-06-08")]
    [InlineData("day before yesterday", "2026-06-08")]
    [InlineData("besok kamis", "2026-06-11")] // tomorrow is a Thursday
    [InlineData("hari ini rabu", "2026-06-10")] // today is a Wednesday
    [InlineData("sekarang saya mau jumat", "2026-06-12")]
    [InlineData("besok pagi jam 9", "2026-06-11")]
    [InlineData("3 hari lagi", "2026-06-13")]
    [InlineData("2 minggu lagi", "2026-06-24")]
    [InlineData("seminggu lagi", "2026-06-17")]
    [InlineData("sepekan ke depan", "2026-06-17")]
    [InlineData("10 hari dari sekarang", "2026-06-20")]
    [InlineData("in 3 days", "2026-06-13")]
    [InlineData("in 2 weeks", "2026-06-24")]
    public void Recognizes_relative_words(string text, string expected)
    {
        Assert.Equal(Ok(expected), Recognize(text));
    }

    [Theory]
    [InlineData("senin", "2026-06-15")]
    [InlineData("Selasa", "2026-06-16")]
    [InlineData("rabu", "2026-06-17")] // today is a Wednesday: strictly after today
    [InlineData("kamis", "2026-06-11")]
    [InlineData("jumat", "2026-06-12")]
    [InlineData("jum'at", "2026-06-12")]
    [InlineData("Jum’at", "2026-06-12")]
    [InlineData("sabtu", "2026-06-13")]
    [InlineData("minggu", "2026-06-14")]
    [InlineData("hari minggu", "2026-06-14")]
    [InlineData("ahad", "2026-06-14")]
    [InlineData("monday", "2026-06-15")]
    [InlineData("Friday", "2026-06-12")]
    [InlineData("sunday", "2026-06-14")]
    [InlineData("hari senin", "2026-06-15")]
    [InlineData("senin depan", "2026-06-15")]
    [InlineData("jumat depan", "2026-06-12")]
    [InlineData("next monday", "2026-06-15")]
    [InlineData("rabu ini", "2026-06-10")]
    [InlineData("jumat ini", "2026-06-12")]
    [InlineData("this friday", "2026-06-12")]
    [InlineData("senin minggu depan", "2026-06-15")]
    [InlineData("jumat minggu depan", "2026-06-19")]
    [InlineData("jumat pekan depan", "2026-06-19")]
    [InlineData("friday next week", "2026-06-19")]
    [InlineData("minggu minggu depan", "2026-06-21")]
    [InlineData("senin lalu", "2026-06-08")]
    [InlineData("senin kemarin", "2026-06-08")]
    [InlineData("last monday", "2026-06-08")]
    [InlineData("jumat minggu lalu", "2026-06-05")]
    [InlineData("saya bisa datang hari sabtu pagi", "2026-06-13")]
    public void Recognizes_weekdays(string text, string expected)
    {
        Assert.Equal(Ok(expected), Recognize(text));
    }

    [Theory]
    [InlineData("senin", DateDirection.PastOrToday, "2026-06-08")]
    [InlineData("rabu", DateDirection.PastOrToday, "2026-06-03")]
    [InlineData("rabu", DateDirection.FutureOrToday, "2026-06-17")]
    [InlineData("25 Desember", DateDirection.PastOrToday, "2025-12-25")]
    [InlineData("25 Desember", DateDirection.FutureOrToday, "2026-12-25")]
    [InlineData("1 Januari", DateDirection.FutureOrToday, "2027-01-01")]
    [InlineData("1 Januari", DateDirection.PastOrToday, "2026-01-01")]
    [InlineData("10 Juni", DateDirection.FutureOrToday, "2026-06-10")]
    [InlineData("10 Juni", DateDirection.PastOrToday, "2026-06-10")]
    [InlineData("9/6", DateDirection.FutureOrToday, "2027-06-09")]
    [InlineData("29 Feb", DateDirection.FutureOrToday, "2028-02-29")]
    [InlineData("29 Feb", DateDirection.PastOrToday, "2024-02-29")]
    [InlineData("tanggal 5", DateDirection.FutureOrToday, "2026-07-05")]
    [InlineData("tanggal 5", DateDirection.PastOrToday, "2026-06-05")]
    [InlineData("tanggal 10", DateDirection.FutureOrToday, "2026-06-10")]
    [InlineData("tanggal 31", DateDirection.FutureOrToday, "2026-07-31")]
    [InlineData("tanggal 31", DateDirection.PastOrToday, "2026-05-31")]
    [InlineData("01-01-90", DateDirection.PastOrToday, "1990-01-01")]
    [InlineData("01-01-90", DateDirection.Any, "2090-01-01")]
    [InlineData("01-01-26", DateDirection.PastOrToday, "2026-01-01")]
    [InlineData("01-12-26", DateDirection.PastOrToday, "1926-12-01")]
    [InlineData("01-12-26", DateDirection.FutureOrToday, "2026-12-01")]
    [InlineData("10-06-26", DateDirection.PastOrToday, "2026-06-10")]
    [InlineData("hari ini", DateDirection.FutureOrToday, "2026-06-10")]
    [InlineData("hari ini", DateDirection.PastOrToday, "2026-06-10")]
    public void Direction_resolves_missing_parts(string text, DateDirection direction, string expected)
    {
        Assert.Equal(Ok(expected), Recognize(text, direction));
    }

    [Theory]
    [InlineData("kemarin", DateDirection.FutureOrToday)]
    [InlineData("25-12-2020", DateDirection.FutureOrToday)]
    [InlineData("9 Juni 2026", DateDirection.FutureOrToday)]
    [InlineData("senin lalu", DateDirection.FutureOrToday)]
    [InlineData("besok", DateDirection.PastOrToday)]
    [InlineData("25-12-2030", DateDirection.PastOrToday)]
    [InlineData("senin depan", DateDirection.PastOrToday)]
    [InlineData("tanggal 25 Desember 2026", DateDirection.PastOrToday)]
    public void Dates_against_the_direction_are_range(string text, DateDirection direction)
    {
        Assert.Equal(Recognized<DateOnly>.Fail("range"), Recognize(text, direction));
    }

    [Theory]
    [InlineData("31-02-2026")]
    [InlineData("29-02-2027")]
    [InlineData("29/02/27")]
    [InlineData("32-01-2026")]
    [InlineData("00-01-2026")]
    [InlineData("12/25/2026")] // month first is not supported
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("31 April 2026")]
    [InlineData("30 Februari")]
    [InlineData("29 Feb")] // Any uses the current year, 2026 is not a leap year
    [InlineData("tanggal 31")] // June has 30 days
    [InlineData("tanggal 0")]
    [InlineData("tgl 45")]
    [InlineData("25-12-0000")]
    [InlineData("32/13")]
    [InlineData("99999-99-99")]
    public void Impossible_dates_are_invalid(string text)
    {
        Assert.Equal(Recognized<DateOnly>.Fail("invalid"), Recognize(text));
    }

    [Theory]
    [InlineData("besok atau lusa")]
    [InlineData("25-12-2026 atau 26-12-2026")]
    [InlineData("Selasa, 28 Desember 2026")] // 28 December 2026 is a Monday
    [InlineData("besok jumat")] // tomorrow is a Thursday
    [InlineData("senin atau selasa")]
    [InlineData("1 Jan - 5 Jan")]
    [InlineData("1 Jan - 15 Jan")] // "15" is a day here, not the year 2015
    public void Conflicting_dates_are_ambiguous(string text)
    {
        Assert.Equal(Recognized<DateOnly>.Fail("ambiguous"), Recognize(text));
    }

    [Theory]
    [InlineData("halo")]
    [InlineData("abc")]
    [InlineData("Desember 2026")] // no day
    [InlineData("jam 10.00")]
    [InlineData("10.30")]
    [InlineData("jam 9")]
    [InlineData("1.000")]
    [InlineData("minggu depan")] // a week, not a day
    [InlineData("minggu ini")]
    [InlineData("2 minggu")]
    [InlineData("setiap minggu")]
    [InlineData("akhir minggu")]
    [InlineData("desa")]
    [InlineData("081234567890")]
    [InlineData("🙏")]
    [InlineData("مرحبا")]
    [InlineData("你好")]
    [InlineData("mayday")]
    [InlineData("25-12-99999")]
    [InlineData("99999999999999999999")]
    public void Text_without_a_date_is_format(string text)
    {
        Assert.Equal(Recognized<DateOnly>.Fail("format"), Recognize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\r\n")]
    public void Blank_input_is_empty(string? text)
    {
        Assert.Equal(Recognized<DateOnly>.Fail("empty"), Recognize(text!));
    }

    [Fact]
    public void Relative_dates_at_the_ends_of_the_calendar_do_not_throw()
    {
        Assert.Equal(Recognized<DateOnly>.Fail("range"), DateRecognizer.Recognize("besok", DateOnly.MaxValue));
        Assert.Equal(Recognized<DateOnly>.Fail("range"), DateRecognizer.Recognize("kemarin", DateOnly.MinValue));
        Assert.Equal(Recognized<DateOnly>.Fail("range"), DateRecognizer.Recognize("senin", DateOnly.MaxValue));
        Assert.Equal(
            Recognized<DateOnly>.Fail("range"),
            DateRecognizer.Recognize("1 Januari", DateOnly.MaxValue, DateDirection.FutureOrToday));
    }

    [Fact]
    public void A_5000_char_message_is_handled()
    {
        Assert.Equal(Recognized<DateOnly>.Fail("format"), Recognize(new string('x', 5000)));

        string padded = string.Join(' ', Enumerable.Repeat("halo", 500)) + " besok";
        Assert.Equal(Ok("2026-06-11"), Recognize(padded));
    }

    [Fact]
    public void Random_input_never_throws_and_respects_the_direction()
    {
        string[] codes = ["empty", "format", "invalid", "ambiguous", "range"];
        RandomInput.ForEach(seed: 5005, input =>
        {
            foreach (DateDirection direction in Enum.GetValues<DateDirection>())
            {
                Recognized<DateOnly> result = DateRecognizer.Recognize(input, Today, direction);

                if (!result.Ok)
                {
                    Assert.Contains(result.Problem, codes);
                    continue;
                }

                if (direction == DateDirection.FutureOrToday)
                {
                    Assert.True(result.Value >= Today);
                }
                else if (direction == DateDirection.PastOrToday)
                {
                    Assert.True(result.Value <= Today);
                }
            }
        });
    }
}
