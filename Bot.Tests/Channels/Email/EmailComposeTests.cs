using ChatBot.Channels.Email;
using ChatBot.Domain.Conversations;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>An answer by e-mail threads under the person's mail and reads well in any client.</summary>
public sealed class EmailComposeTests
{
    private static readonly EmailSender Sender = new(
        new EmailOptions { Enabled = true, Address = "layanan@rutan.example.test", DisplayName = "Layanan Rutan" },
        TimeProvider.System,
        NullLogger<EmailSender>.Instance);

    [Fact]
    public void An_answer_threads_under_the_mail_it_answers_and_is_marked_as_an_automatic_reply()
    {
        var mime = Sender.Compose(Row(new EmailThreading("Re: RE: Jadwal kunjungan", "<m2@mail.example.test>", "<m1@mail.example.test>").ToJson()));

        Assert.Equal("Re: Jadwal kunjungan", mime.Subject);
        Assert.Equal("m2@mail.example.test", mime.InReplyTo);
        Assert.Equal(["m1@mail.example.test", "m2@mail.example.test"], mime.References);
        Assert.Equal("auto-replied", mime.Headers[HeaderId.AutoSubmitted]);
        Assert.EndsWith("@chatbot.rutan.example.test", mime.MessageId);
        Assert.Equal("Layanan Rutan", ((MailboxAddress)mime.From[0]).Name);
        Assert.Equal("siti@mail.example.test", ((MailboxAddress)mime.To[0]).Address);
    }

    [Fact]
    public void The_text_has_a_simple_html_alternative_with_markup_escaped()
    {
        var mime = Sender.Compose(Row(null, "Silakan pilih:\n1. *Kunjungan*\n<script>x</script> 2 * 3"));

        Assert.Equal("Silakan pilih:\n1. *Kunjungan*\n<script>x</script> 2 * 3", mime.TextBody?.TrimEnd());
        Assert.Contains("<b>Kunjungan</b>", mime.HtmlBody);
        Assert.Contains("&lt;script&gt;", mime.HtmlBody);
        Assert.DoesNotContain("<script>", mime.HtmlBody);
        Assert.Contains("2 * 3", mime.HtmlBody);
    }

    [Theory]
    [InlineData(null, "Re: Layanan Pemasyarakatan")]
    [InlineData("Kunjungan", "Re: Kunjungan")]
    [InlineData("Re: Re: Kunjungan", "Re: Kunjungan")]
    [InlineData("Bls: Kunjungan", "Re: Kunjungan")]
    public void Re_is_added_once(string? subject, string expected) => Assert.Equal(expected, EmailThreading.ReplySubject(subject));

    private static OutboundMessage Row(string? payload, string body = "Terima kasih.") => new()
    {
        Id = 1,
        To = "siti@mail.example.test",
        Body = body,
        Kind = OutboundKind.Reply,
        Payload = payload,
    };
}
