using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>
/// Forms read well by e-mail: the answer says how to reply, and a person may answer several
/// questions of a flow that allows it in one mail, one answer per line, below their greeting.
/// </summary>
public sealed class EmailFormTests(MailServer server) : IClassFixture<MailServer>, IAsyncLifetime
{
    private readonly MailHarness _mail = new(server);

    public async Task InitializeAsync() => await _mail.StartHostAsync(extraDialogs: [new TestFormDialog(severalAnswers: true)]);

    public async Task DisposeAsync() => await _mail.Host!.DisposeAsync();

    [Fact]
    public async Task Several_answers_in_one_mail_fill_the_form_up_to_the_confirmation()
    {
        var menu = await _mail.WaitForAnswerAsync(await _mail.SendAsync("warga1", "Daftar", "halo"));
        Assert.Contains("1. ", menu.TextBody);
        Assert.Contains("Balas email ini untuk menjawab", menu.TextBody);

        var firstQuestion = await _mail.WaitForAnswerAsync(await _mail.SendAsync(_mail.ComposeReply("warga1", menu, "1")));
        Assert.Contains("Siapa nama Anda?", firstQuestion.TextBody);

        var answers = await _mail.SendAsync(_mail.ComposeReply("warga1", firstQuestion,
            "Selamat pagi,\n\nBudi Santoso\n25-12-2030\n0812 3456 7890\n\nTerima kasih"));
        var confirmation = await _mail.WaitForAnswerAsync(answers);

        Assert.Contains("Benar: Budi Santoso, 25-12-2030, +6281234567890?", confirmation.TextBody);
        Assert.DoesNotContain("tanggal berapa", confirmation.TextBody);
        Assert.DoesNotContain("Nomor HP", confirmation.TextBody);
    }

    [Fact]
    public async Task An_answer_that_is_not_understood_stops_there_and_says_what_was_not_read()
    {
        var menu = await _mail.WaitForAnswerAsync(await _mail.SendAsync("warga2", "Daftar", "halo"));
        var firstQuestion = await _mail.WaitForAnswerAsync(await _mail.SendAsync(_mail.ComposeReply("warga2", menu, "1")));

        var answers = await _mail.SendAsync(_mail.ComposeReply("warga2", firstQuestion, "Siti\nkapan saja\n081234567890"));
        var reply = await _mail.WaitForAnswerAsync(answers);

        Assert.Contains("1 baris berikutnya dalam email Anda belum kami baca", reply.TextBody);
        Assert.DoesNotContain("Nomor HP", reply.TextBody);
        Assert.DoesNotContain("Benar:", reply.TextBody);
    }
}
