using ChatBot.Bot.Tests.Support;
using MimeKit;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>
/// The e-mail channel against real Dovecot and Postfix on 127.0.0.1: a citizen's mail is answered in
/// their own mailbox, threaded to it; automatic mail is never answered.
/// </summary>
public sealed class EmailEndToEndTests(MailServer server) : IClassFixture<MailServer>, IAsyncLifetime
{
    private readonly MailHarness _mail = new(server);

    // The burst below is about the listener, not about the limit of answers per person per minute.
    public async Task InitializeAsync() =>
        await _mail.StartHostAsync(more: new Dictionary<string, string?> { ["Channels:Email:MaxRepliesPerSenderPerMinute"] = "100" });

    public async Task DisposeAsync() => await _mail.Host!.DisposeAsync();

    [Fact]
    public async Task A_citizen_mail_is_answered_in_their_mailbox_threaded_to_it()
    {
        var sent = await _mail.SendAsync("warga1", "Tanya layanan", "halo\n\n-- \nSiti");

        var reply = await _mail.WaitForAnswerAsync(sent);
        Assert.Equal("Re: Tanya layanan", reply.Subject);
        Assert.Contains(sent.MessageId, reply.References);
        Assert.Equal("auto-replied", reply.Headers[HeaderId.AutoSubmitted]);
        Assert.Contains("Selamat datang", reply.TextBody);
        Assert.Contains("Pendaftaran kunjungan video call", reply.TextBody);
        Assert.NotNull(reply.HtmlBody);
    }

    [Fact]
    public async Task An_out_of_office_reply_is_not_answered()
    {
        var outOfOffice = _mail.Compose("warga2", "Out of office", "Saya sedang cuti.");
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await _mail.SendAsync(outOfOffice);
        var sent = await _mail.SendAsync("warga2", "Tanya", "halo");

        await _mail.WaitForAnswerAsync(sent);
        await Task.Delay(1000);
        Assert.Equal(1, await server.MessageCountAsync("warga2"));
    }

    [Fact]
    public async Task Mail_arriving_while_earlier_mail_is_handled_is_answered_too()
    {
        // Mail that lands while the listener moves earlier mail is announced in the answer to its
        // own command, not in IDLE: a burst finds out whether the listener looks again.
        var sent = new List<MimeMessage>();
        for (var i = 0; i < 8; i++)
        {
            sent.Add(await _mail.SendAsync("warga3", $"Pertanyaan {i}", "halo"));
        }

        foreach (var message in sent)
        {
            await _mail.WaitForAnswerAsync(message);
        }
        Assert.Equal(sent.Count, await server.MessageCountAsync("warga3"));
    }
}
