using System.Text;
using ChatBot.Channels.Email;
using MimeKit;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>The dialog sees only what the person just wrote.</summary>
public sealed class EmailTextTests
{
    [Theory]
    [InlineData("Ya, saya setuju.\n\nOn Mon, 23 Nov 2026 at 10:00, Bot <bot@example.test> wrote:\n> Apakah Anda setuju?\n> 1. Ya")]
    [InlineData("Ya, saya setuju.\n\nOn Mon, 23 Nov 2026 at 10:00, Layanan Rutan <bot@example.test>\nwrote:\n> Apakah Anda setuju?")]
    [InlineData("Ya, saya setuju.\n\nPada Sen, 23 Nov 2026 pukul 10.00 Layanan Rutan <bot@example.test> menulis:\n> Apakah Anda setuju?")]
    [InlineData("Ya, saya setuju.\n\n-----Original Message-----\nFrom: Bot\nSent: Monday\nApakah Anda setuju?")]
    [InlineData("Ya, saya setuju.\n\n________________________________\nFrom: Layanan Rutan <bot@example.test>\nSent: Monday, 23 November 2026 10:00\nSubject: Re: Kunjungan")]
    [InlineData("Ya, saya setuju.\n\nDari: Layanan Rutan <bot@example.test>\nDikirim: Senin, 23 November 2026\nPerihal: Kunjungan")]
    [InlineData("Ya, saya setuju.\n-- \nSiti Aminah\nJl. Merdeka 1")]
    [InlineData("Ya, saya setuju.\n\nSent from my iPhone")]
    [InlineData("Ya, saya setuju.\n\nDikirim dari Yahoo Mail di Android")]
    [InlineData("> Apakah Anda setuju?\nYa, saya setuju.")]
    public void Quoted_history_and_signatures_are_left_out(string body) =>
        Assert.Equal("Ya, saya setuju.", EmailText.NewPart(body));

    [Fact]
    public void Several_lines_the_person_wrote_are_kept_in_order() =>
        Assert.Equal("Nama: Siti\nHubungan: istri", EmailText.NewPart("Nama: Siti\r\nHubungan: istri\r\n\r\nOn Mon, 23 Nov 2026, Bot wrote:\r\n> Nama?"));

    [Fact]
    public void Html_only_mail_becomes_text_without_the_quoted_part()
    {
        var raw = """
            From: Siti <siti@mail.example.test>
            To: bot@rutan.example.test
            Subject: Re: Kunjungan
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><head><style>p{color:red}</style><script>alert(1)</script></head><body>
            <div>Ya,&nbsp;saya <b>setuju</b>.</div><div>Terima kasih</div>
            <div class="gmail_quote">On Mon, Bot wrote:<blockquote>Apakah Anda setuju?</blockquote></div>
            </body></html>
            """;
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("Ya, saya setuju.\nTerima kasih", EmailText.NewPart(message));
    }
}
