using ChatBot.Domain.Offices;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;

namespace ChatBot.Bot.Tests.Domain.Complaints;

/// <summary>Ticket codes people can type back, and the SOP's deadlines in working days.</summary>
public sealed class ComplaintRulesTests
{
    [Theory]
    [InlineData("status pengaduan ADU-7K3P9Q", "ADU-7K3P9Q")]
    [InlineData("adu-7k3p9q", "ADU-7K3P9Q")]
    [InlineData("Kode saya ADU 7K3P9Q, mohon dicek", "ADU-7K3P9Q")]
    [InlineData("status pengaduan", null)]
    [InlineData("ADU-7K3P9", null)]
    [InlineData("ADU-7K3P9QX", null)]
    [InlineData("ADU-OOOOOO", null)] // letters a code never holds
    public void A_code_is_found_in_what_people_type(string text, string? code) =>
        Assert.Equal(code, TicketCode.Find("ADU", text));

    [Theory]
    [InlineData("7k3p9q", true, "ADU-7K3P9Q")]
    [InlineData("7k3p9q", false, null)]
    [InlineData("barang", false, null)] // a six-letter word is no code unless one was asked for
    [InlineData("INF-7K3P9Q", true, null)] // another service's code
    public void A_code_without_its_prefix_counts_only_where_a_code_was_asked_for(string text, bool bare, string? code) =>
        Assert.Equal(code, TicketCode.Find("ADU", text, bare));

    [Fact]
    public void New_codes_are_recognised_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => TicketCode.New("ADU")).ToList();
        Assert.All(codes, code => Assert.Equal(code, TicketCode.Find("ADU", $"status pengaduan {code}")));
        Assert.All(codes, code => Assert.Equal(ComplaintRules.CodeLength, code.Length));
        Assert.True(codes.Distinct().Count() > 195);
    }

    [Fact]
    public void Review_is_due_in_3_and_the_answer_in_14_working_days()
    {
        var calendar = new WorkingDayCalendar(new SlaOptions { Holidays = [new(2026, 12, 25)] });
        var (review, answer) = ComplaintRules.Deadlines(calendar, new ComplaintOptions(), new DateOnly(2026, 12, 18), new Office { Code = "UJI", Name = "Bapas Uji" });
        Assert.Equal(new DateOnly(2026, 12, 23), review);
        Assert.Equal(new DateOnly(2027, 1, 8), answer);

        // The office's own closure on 22 December moves both deadlines by a day.
        var closed = new Office { Code = "UJI", Name = "Bapas Uji", Holidays = "2026-12-22" };
        Assert.Equal((new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 11)), ComplaintRules.Deadlines(calendar, new ComplaintOptions(), new DateOnly(2026, 12, 18), closed));
    }

    [Fact]
    public void Late_means_past_the_deadline_and_not_yet_done()
    {
        var complaint = new Complaint { Code = "ADU-7K3P9Q", Description = "-", VerificationDue = new(2026, 12, 23), AnswerDue = new(2027, 1, 8) };
        Assert.False(complaint.IsLate(new DateOnly(2026, 12, 23)));
        Assert.True(complaint.VerificationLate(new DateOnly(2026, 12, 24)));
        complaint.Status = ComplaintStatus.Reviewed;
        Assert.False(complaint.IsLate(new DateOnly(2026, 12, 24)));
        Assert.True(complaint.AnswerLate(new DateOnly(2027, 1, 11)));
        complaint.Status = ComplaintStatus.Closed;
        Assert.False(complaint.IsLate(new DateOnly(2027, 1, 11)));
    }

    [Fact]
    public void Deadline_settings_out_of_range_are_refused() =>
        Assert.NotEmpty(new ComplaintOptions { VerificationWorkingDays = 5, AnswerWorkingDays = 3 }.Problems());
}
