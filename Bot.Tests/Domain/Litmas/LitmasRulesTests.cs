using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Domain.Litmas;

namespace ChatBot.Bot.Tests.Domain.Litmas;

public sealed class LitmasRulesTests
{
    [Theory]
    [InlineData("LIT-123/PKU/2026", "LIT123PKU2026")]
    [InlineData(" lit 123 / pku - 2026 ", "LIT123PKU2026")]
    [InlineData("Lit.123_pku\\2026", "LIT123PKU2026")]
    [InlineData("///---", "")]
    [InlineData("", "")]
    public void Numbers_are_matched_whatever_the_spaces_slashes_dashes_and_case(string typed, string key) =>
        Assert.Equal(key, LitmasNumber.Key(typed));

    [Fact]
    public void A_very_long_number_is_cut_to_the_stored_length() =>
        Assert.Equal(LitmasCase.NumberLength, LitmasNumber.Key(new string('a', 500)).Length);

    [Theory]
    [InlineData("diterima", LitmasStage.Diterima)]
    [InlineData("pk_ditunjuk", LitmasStage.PkDitunjuk)]
    [InlineData(" PENELITIAN ", LitmasStage.Penelitian)]
    [InlineData("penyusunan_laporan", LitmasStage.PenyusunanLaporan)]
    [InlineData("sidang_tpp", LitmasStage.SidangTpp)]
    [InlineData("selesai", LitmasStage.Selesai)]
    public void Stage_codes_read_back(string code, LitmasStage stage)
    {
        Assert.Equal(stage, LitmasStages.Parse(code));
        Assert.Equal(code.Trim().ToLowerInvariant(), LitmasStages.Code(stage));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PkDitunjuk")]
    [InlineData("1")]
    public void Unknown_stage_codes_are_refused(string? code) => Assert.Null(LitmasStages.Parse(code));

    [Theory]
    [InlineData("Lapas Kelas IIA Pekanbaru", RequestingInstitution.Lapas)]
    [InlineData("RUTAN Kelas I Pekanbaru", RequestingInstitution.Rutan)]
    [InlineData("LPKA Kelas II Pekanbaru", RequestingInstitution.Lpka)]
    [InlineData("Polresta Pekanbaru", RequestingInstitution.Polisi)]
    [InlineData("Polsek Tampan", RequestingInstitution.Polisi)]
    [InlineData("Kepolisian Daerah Riau", RequestingInstitution.Polisi)]
    [InlineData("Kejaksaan Negeri Bandung", RequestingInstitution.Kejaksaan)]
    [InlineData("Kejari Pekanbaru", RequestingInstitution.Kejaksaan)]
    [InlineData("Pengadilan Negeri Pekanbaru", RequestingInstitution.Pengadilan)]
    [InlineData("PN Bandung Kelas IA Khusus", RequestingInstitution.Pengadilan)]
    public void The_requesting_institution_is_read_from_the_letterhead(string text, RequestingInstitution institution) =>
        Assert.Equal(institution, RequestingInstitutions.Parse(text));

    [Fact]
    public void Other_institutions_are_not_guessed() => Assert.Null(RequestingInstitutions.Parse("Dinas Sosial Kota Pekanbaru"));

    [Theory]
    [InlineData(60, ChatBot.Domain.Sla.Timeliness.OnTime)]
    [InlineData(61, ChatBot.Domain.Sla.Timeliness.Late)]
    [InlineData(null, ChatBot.Domain.Sla.Timeliness.NotMeasured)]
    public void The_one_hour_standard_runs_from_letter_to_published_status(int? minutesBefore, ChatBot.Domain.Sla.Timeliness expected)
    {
        var published = new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
        var c = new LitmasCase
        {
            RegistrationNumber = "X", NumberKey = "X", ClientName = "-", PkName = "-", RequestedBy = "-",
            PublishedAt = published,
            LetterReceivedAt = minutesBefore is { } m ? published.AddMinutes(-m) : null,
        };
        Assert.Equal(expected, LitmasStandard.Timeliness(c));
    }

    [Theory]
    [InlineData("status litmas LIT-1/2026", "LIT-1/2026")]
    [InlineData("Status Litmas  lit 1 2026 ", "lit 1 2026")]
    [InlineData("*cek litmas* LIT-1", "LIT-1")]
    [InlineData("status litmas: LIT-1", "LIT-1")]
    public void Status_litmas_with_a_number_is_a_command(string text, string number) =>
        Assert.Equal(number, LitmasStatusFlow.StatusCommand.Match(text));

    [Theory]
    [InlineData("status litmas")]
    [InlineData("status litmas   ")]
    [InlineData("bagaimana status litmas anak saya")]
    [InlineData("litmas")]
    public void Without_a_number_or_not_at_the_start_it_is_not(string text) =>
        Assert.Null(LitmasStatusFlow.StatusCommand.Match(text));
}
