using ChatBot.Bot.OfficerConsole.Conversations;

namespace ChatBot.Bot.Tests.Console.Conversations;

public sealed class ConversationFormatTests
{
    [Theory]
    [InlineData("*Bantuan* layanan", "<strong>Bantuan</strong> layanan")]
    [InlineData("ketik *1* atau _batal_, ~lama~", "ketik <strong>1</strong> atau <em>batal</em>, <s>lama</s>")]
    [InlineData("2 * 3 * 4 dan email_saya_x@mail.com", "2 * 3 * 4 dan email_saya_x@mail.com")]
    [InlineData("*<script>alert(1)</script>*", "<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>")]
    [InlineData("*tidak\nditutup*", "*tidak\nditutup*")]
    public void Whatsapp_formatting_is_shown_and_nothing_typed_becomes_markup(string body, string html) =>
        Assert.Equal(html, ConversationFormat.WhatsAppHtml(body).Value);
}
