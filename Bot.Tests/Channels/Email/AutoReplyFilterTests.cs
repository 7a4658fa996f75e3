using System.Text;
using ChatBot.Channels.Email;
using MimeKit;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>Mail the bot must not answer is recognised from its headers.</summary>
public sealed class AutoReplyFilterTests
{
    private const string OwnAddress = "bot@rutan.example.test";
    private const string OwnIds = "chatbot.rutan.example.test";

    [Fact]
    public void A_person_writing_is_answered() =>
        Assert.Null(AutoReplyFilter.ReasonToIgnore(Parse(Citizen()), OwnAddress, OwnIds));

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\n", "Auto-Submitted")]
    [InlineData("Auto-Submitted: auto-generated\n", "Auto-Submitted")]
    [InlineData("List-Id: <warga.lists.example.test>\n", "mailing list")]
    [InlineData("List-Unsubscribe: <mailto:leave@example.test>\n", "mailing list")]
    [InlineData("Precedence: bulk\n", "Precedence")]
    [InlineData("Precedence: junk\n", "Precedence")]
    [InlineData("X-Auto-Response-Suppress: OOF\n", "X-Auto-Response-Suppress")]
    [InlineData("X-Autoreply: yes\n", "X-Autoreply")]
    public void Automatic_and_list_mail_is_not_answered(string header, string reason) =>
        Assert.Contains(reason, AutoReplyFilter.ReasonToIgnore(Parse(Citizen(extraHeaders: header)), OwnAddress, OwnIds));

    [Fact]
    public void Auto_submitted_no_is_a_person() =>
        Assert.Null(AutoReplyFilter.ReasonToIgnore(Parse(Citizen(extraHeaders: "Auto-Submitted: no\n")), OwnAddress, OwnIds));

    [Theory]
    [InlineData("Return-Path: <>\n")]
    [InlineData("")]
    public void A_bounce_or_mail_without_return_path_is_not_answered(string returnPath) =>
        Assert.NotNull(AutoReplyFilter.ReasonToIgnore(Parse(Citizen(returnPath: returnPath)), OwnAddress, OwnIds));

    [Theory]
    [InlineData("MAILER-DAEMON@mail.example.test")]
    [InlineData("postmaster@example.test")]
    [InlineData("no-reply@bank.example.test")]
    [InlineData("warga-request@lists.example.test")]
    [InlineData("owner-warga@lists.example.test")]
    [InlineData("BOT@rutan.example.test")]
    public void System_senders_and_our_own_mail_are_not_answered(string from) =>
        Assert.NotNull(AutoReplyFilter.ReasonToIgnore(Parse(Citizen(from: from)), OwnAddress, OwnIds));

    [Fact]
    public void Our_own_message_ids_are_recognised_while_colleagues_on_the_same_domain_are_answered()
    {
        Assert.NotNull(AutoReplyFilter.ReasonToIgnore(Parse(Citizen(extraHeaders: "").Replace("<m1@mail.example.test>", "<abc@chatbot.rutan.example.test>")), OwnAddress, OwnIds));
        Assert.Null(AutoReplyFilter.ReasonToIgnore(Parse(Citizen(from: "kasi@rutan.example.test")), OwnAddress, OwnIds));
    }

    [Fact]
    public void A_delivery_report_is_not_answered()
    {
        var raw = """
            Return-Path: <bounce@example.test>
            From: Mail Delivery System <MAILER-DAEMON@example.test>
            To: bot@rutan.example.test
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <dsn1@example.test>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            The mail could not be delivered.
            --b--
            """;
        Assert.NotNull(AutoReplyFilter.ReasonToIgnore(Parse(raw), OwnAddress, OwnIds));
    }

    private static string Citizen(string from = "siti@mail.example.test", string extraHeaders = "", string returnPath = "Return-Path: <siti@mail.example.test>\n") =>
        $"{returnPath}From: Siti <{from}>\nTo: bot@rutan.example.test\nSubject: Tanya jadwal\nMessage-ID: <m1@mail.example.test>\n{extraHeaders}MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nSelamat pagi, kapan jadwal kunjungan?\n";

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw.Replace("\r\n", "\n", StringComparison.Ordinal))));
}
