using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Tests.Domain.Visits;

public sealed class InmateNameMatcherTests
{
    [Theory]
    [InlineData("Muhammad Rizki", "MUHAMMAD RIZKI")]
    [InlineData("muhamad rizki", "Muhammad Rizki")]
    [InlineData("M. Rizki", "Muhammad Rizki")]
    [InlineData("Moh Rizki", "Muhammad Rizki")]
    [InlineData("  budi   santoso ", "Budi Santoso")]
    [InlineData("Budi Santosa", "Budi Santoso")]
    [InlineData("Soekarno Hadi", "Sukarno Hadi")]
    [InlineData("Djoko Susilo", "Joko Susilo")]
    [InlineData("Achmad Yani", "Ahmad Yani")]
    [InlineData("Dewi Letsari", "Dewi Lestari")]
    public void Spelling_variants_of_the_same_name_match(string typed, string roster) =>
        Assert.True(InmateNameMatcher.Matches(typed, roster));

    [Theory]
    [InlineData("Budi", "Budi Santoso")]
    [InlineData("Andi", "Adi")]
    [InlineData("Dewi Lestari", "Dewi Kartika")]
    [InlineData("", "Budi")]
    [InlineData("123", "Budi")]
    public void Different_names_do_not_match(string typed, string roster) =>
        Assert.False(InmateNameMatcher.Matches(typed, roster));

    [Theory]
    [InlineData("rizki pratama", "Muhammad Rizki Pratama")]
    [InlineData("muhamad rizky", "Muhammad Rizki Pratama")]
    [InlineData("M. Rizki Pratama", "Muhammad Rizki Pratama bin Ahmad")]
    [InlineData("budi santosa", "Budi Santoso Wibowo")]
    public void Part_of_a_name_in_order_matches_partly(string typed, string roster) =>
        Assert.True(InmateNameMatcher.KeysPartlyMatch(InmateNameMatcher.Key(typed), InmateNameMatcher.Key(roster)));

    [Theory]
    [InlineData("rizki", "Muhammad Rizki Pratama")]
    [InlineData("pratama rizki", "Muhammad Rizki Pratama")]
    [InlineData("rizki pratama", "Rizki Pratama")]
    [InlineData("rizki santoso", "Muhammad Rizki Pratama")]
    [InlineData("b i", "Budi Ilham Santoso")]
    public void One_word_another_order_or_another_word_is_no_partial_match(string typed, string roster) =>
        Assert.False(InmateNameMatcher.KeysPartlyMatch(InmateNameMatcher.Key(typed), InmateNameMatcher.Key(roster)));

    [Fact]
    public void Registration_numbers_compare_by_letters_and_digits() =>
        Assert.Equal(Roster.RegistrationKey("b.i - 101/2024"), Roster.RegistrationKey("BI101/2024"));
}
