using ChatBot.Bot.Logging;

namespace ChatBot.Bot.Tests.Logging;

public class PersonalDataMaskerTests
{
    [Theory]
    // Indonesian mobile numbers in every common shape.
    [InlineData("+6281234567890", "+62812****7890")]
    [InlineData("081234567890", "0812****7890")]
    [InlineData("6281234567890", "62812****7890")]
    [InlineData("+62 812-3456-7890", "+62812****7890")]
    [InlineData("+62 812 3456 7890", "+62812****7890")]
    [InlineData("0812-3456-7890", "0812****7890")]
    [InlineData("0812 3456 7890", "0812****7890")]
    [InlineData("62 812 3456 7890", "62812****7890")]
    [InlineData("0812345678901", "0812****8901")]
    [InlineData("whatsapp:+6281234567890", "whatsapp:+62812****7890")]
    [InlineData("Hubungi saya di 081234567890 ya", "Hubungi saya di 0812****7890 ya")]
    [InlineData("Nomor saya +6281234567890.", "Nomor saya +62812****7890.")]
    [InlineData("(081234567890)", "(0812****7890)")]
    [InlineData("call +6281234567890 12:30", "call +62812****7890 12:30")]
    [InlineData("+6281234567890 081298765432", "+62812****7890 0812****5432")]
    // Shortest accepted shapes keep at least three digits hidden.
    [InlineData("0812345678", "081****5678")]
    [InlineData("+12345678", "+1****5678")]
    // Other countries: the country code length is known from E.164.
    [InlineData("+14155552671", "+1415****2671")]
    [InlineData("+447911123456", "+44791****3456")]
    [InlineData("+60123456789", "+6012****6789")]
    [InlineData("+971501234567", "+97150****4567")]
    // NIK.
    [InlineData("3171234567890001", "317123**********")]
    [InlineData("NIK: 3171 2345 6789 0001", "NIK: 317123**********")]
    [InlineData("NIK 3171.2345.6789.0001 terdaftar", "NIK 317123********** terdaftar")]
    [InlineData("31.71.23.456789.0001", "317123**********")]
    [InlineData("NIK 3201-0112-0885-0001", "NIK 320101**********")]
    // E-mail.
    [InlineData("budi.santoso@mail.co.id", "b***@mail.co.id")]
    [InlineData("Email: Siti_Aminah+wbp@kemenkumham.go.id.", "Email: S***@kemenkumham.go.id.")]
    [InlineData("6281234567890@s.whatsapp.net", "6***@s.whatsapp.net")]
    // Several kinds in one text.
    [InlineData(
        "Budi (NIK 3171234567890001, HP 0812-3456-7890, budi@mail.com) minta jadwal",
        "Budi (NIK 317123**********, HP 0812****7890, b***@mail.com) minta jadwal")]
    public void Mask_masks_personal_data(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(input));
        Assert.True(PersonalDataMasker.ContainsPersonalData(input));
        Assert.False(PersonalDataMasker.ContainsPersonalData(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Tidak ada angka di sini")]
    [InlineData("12345")]
    [InlineData("Order 12345 processed in 87 ms")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-25T08:30:00.1234567+07:00")]
    [InlineData("25/12/2026 08.30")]
    [InlineData("10:30:45")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("d3b07384-d9a0-4c9f-8f1e-081234567890")]
    [InlineData("Retry 3 of 5")]
    [InlineData("Elapsed 1234.5678 ms")]
    [InlineData("Rp 1.500.000")]
    [InlineData("v10.0.15")]
    [InlineData("+5 points")]
    [InlineData("081234")]
    [InlineData("0812345")]
    [InlineData("12345678901234567")]
    [InlineData("1767225600000")]
    [InlineData("20261225083000")]
    [InlineData("0.081234567890")]
    [InlineData("abc081234567890")]
    [InlineData("user@localhost")]
    [InlineData("2026.12.25 10.30.00 12 items")]
    public void Mask_returns_same_instance_when_nothing_is_personal(string input)
    {
        Assert.Same(input, PersonalDataMasker.Mask(input));
        Assert.False(PersonalDataMasker.ContainsPersonalData(input));
    }

    [Fact]
    public void Mask_of_null_is_empty()
    {
        Assert.Equal(string.Empty, PersonalDataMasker.Mask(null));
        Assert.False(PersonalDataMasker.ContainsPersonalData(null));
    }

    [Fact]
    public void Mask_is_idempotent()
    {
        const string input = "HP +6281234567890, NIK 3171234567890001, budi@mail.co.id";
        var once = PersonalDataMasker.Mask(input);

        Assert.Same(once, PersonalDataMasker.Mask(once));
    }

    public static TheoryData<string> LongInputs() =>
    [
        new string('1', 100_000),
        string.Concat(Enumerable.Repeat("0812 ", 20_000)),
        string.Concat(Enumerable.Repeat("31.71.", 20_000)),
        "+" + string.Concat(Enumerable.Repeat("123-", 20_000)),
        string.Concat(Enumerable.Repeat("a.b-c+", 20_000)) + "@x",
        string.Concat(Enumerable.Repeat("x@y.", 20_000)),
    ];

    // Guards against patterns that backtrack catastrophically: these would hang instead of finishing.
    [Theory]
    [MemberData(nameof(LongInputs))]
    public void Mask_handles_long_adversarial_input(string input)
    {
        var masked = PersonalDataMasker.Mask(input);

        Assert.False(PersonalDataMasker.ContainsPersonalData(masked));
    }

    [Theory]
    [InlineData("KTP: NIK 3201011208850001, JPG 120 KB", "KTP: NIK 320101**********, JPG 120 KB")]
    [InlineData("nik saya 3201 0112-0885 0001", "nik saya 320101**********")]
    [InlineData("3201.0112 0885-0001", "320101**********")]
    public void MaskNik_masks_only_identity_numbers_however_they_are_grouped(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.MaskNik(input));
        Assert.Equal("HP 081234567890", PersonalDataMasker.MaskNik("HP 081234567890"));
    }
}
