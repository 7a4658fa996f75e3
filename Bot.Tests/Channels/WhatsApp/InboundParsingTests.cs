using System.Text.Json;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>Reading Twilio's WhatsApp webhook form.</summary>
public sealed class InboundParsingTests
{
    private static WhatsAppInboundMessage Parse(params (string Key, string Value)[] fields)
    {
        Assert.True(WhatsAppInbound.TryParse(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), out var message, out var problem), problem);
        return message;
    }

    private static (string, string)[] Basic(params (string, string)[] more) =>
    [
        ("MessageSid", "SM11111111111111111111111111111111"),
        ("AccountSid", WebhookTestHost.AccountSid),
        ("From", "whatsapp:+6281234567890"),
        ("To", "whatsapp:+14155238886"),
        .. more,
    ];

    [Fact]
    public void A_text_message_becomes_an_envelope_with_a_plain_number_and_the_address_as_sent()
    {
        var message = Parse(Basic(("Body", "halo"), ("ProfileName", "Budi"), ("WaId", "6281234567890")));

        var envelope = message.ToEnvelope();
        Assert.Equal(ChannelKind.WhatsApp, envelope.Channel);
        Assert.Equal("SM11111111111111111111111111111111", envelope.ProviderMessageId);
        Assert.Equal("+6281234567890", envelope.From);
        Assert.Equal("whatsapp:+14155238886", envelope.To);
        Assert.Equal("halo", envelope.Body);
        Assert.Equal("Budi", envelope.SenderName);
        Assert.Null(envelope.Attachments);
        Assert.Equal("6281234567890", message.WaId);
        Assert.Equal(WebhookTestHost.AccountSid, message.AccountSid);
    }

    [Fact]
    public void SmsMessageSid_stands_in_when_MessageSid_is_absent()
    {
        var message = Parse(("SmsMessageSid", "SM22222222222222222222222222222222"), ("From", "whatsapp:+6281234567890"), ("To", "whatsapp:+14155238886"));

        Assert.Equal("SM22222222222222222222222222222222", message.MessageSid);
        Assert.Null(message.Text);
    }

    [Theory]
    [InlineData("MessageSid")]
    [InlineData("From")]
    [InlineData("To")]
    public void A_form_missing_an_essential_field_is_rejected_with_a_reason(string missing)
    {
        var fields = Basic(("Body", "halo")).Where(f => f.Item1 != missing).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2));

        Assert.False(WhatsAppInbound.TryParse(fields, out _, out var problem));
        Assert.Contains(missing, problem);
    }

    [Fact]
    public void A_button_reply_without_body_uses_the_payload_then_the_text()
    {
        Assert.Equal("visit_yes", Parse(Basic(("Body", ""), ("ButtonText", "Ya"), ("ButtonPayload", "visit_yes"))).Text);
        Assert.Equal("Ya", Parse(Basic(("ButtonText", "Ya"))).Text);
        Assert.Equal("ya dong", Parse(Basic(("Body", "ya dong"), ("ButtonText", "Ya"), ("ButtonPayload", "visit_yes"))).Text);
    }

    [Fact]
    public void A_shared_location_without_body_reads_as_Lokasi()
    {
        var message = Parse(Basic(("Latitude", "-6.2088"), ("Longitude", "106.8456"), ("Address", "Jakarta")));

        Assert.Equal("Lokasi: -6.2088, 106.8456", message.Text);
        Assert.Equal(-6.2088, message.Latitude);
        Assert.Equal("Di sini", Parse(Basic(("Body", "Di sini"), ("Latitude", "-6.2"), ("Longitude", "106.8"))).Text);
    }

    [Fact]
    public void Media_are_listed_in_order_and_kept_in_the_payload()
    {
        var message = Parse(Basic(
            ("NumMedia", "2"),
            ("MediaUrl0", "https://api.twilio.com/a"),
            ("MediaContentType0", "image/jpeg"),
            ("MediaUrl1", "https://api.twilio.com/b"),
            ("MediaContentType1", "application/pdf"),
            ("OriginalRepliedMessageSid", "SM33333333333333333333333333333333")));

        Assert.Equal([new WhatsAppMedia("https://api.twilio.com/a", "image/jpeg"), new WhatsAppMedia("https://api.twilio.com/b", "application/pdf")], message.Media);
        Assert.Equal(message.Media, WhatsAppInbound.ReadMedia(message.Payload));
        Assert.Equal("SM33333333333333333333333333333333", message.OriginalRepliedMessageSid);
        Assert.Null(message.Text);
    }

    [Fact]
    public void The_payload_keeps_every_field_including_unknown_and_repeated_ones()
    {
        var message = Parse(Basic(("Body", "halo \"kutip\" ✓"), ("BrandNewField", "x"), ("Repeated", "1"), ("Repeated", "2")));

        using var payload = JsonDocument.Parse(message.Payload);
        var root = payload.RootElement;
        Assert.Equal("halo \"kutip\" ✓", root.GetProperty("Body").GetString());
        Assert.Equal("x", root.GetProperty("BrandNewField").GetString());
        Assert.Equal(["1", "2"], root.GetProperty("Repeated").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("whatsapp:+6281234567890", root.GetProperty("From").GetString());
        Assert.Equal(0, root.GetProperty("media").GetArrayLength());
    }

    [Theory]
    [InlineData("+6281234567890", "+62812****7890")]
    [InlineData("whatsapp:+6281234567890", "+62812****7890")]
    [InlineData("+12345", "****")]
    [InlineData(null, "(none)")]
    public void Addresses_are_masked_for_logs(string? address, string expected)
    {
        Assert.Equal(expected, WhatsAppInbound.MaskAddress(address));
    }

    [Fact]
    public void A_payload_that_is_not_ours_has_no_media()
    {
        Assert.Empty(WhatsAppInbound.ReadMedia(null));
        Assert.Empty(WhatsAppInbound.ReadMedia("not json"));
        Assert.Empty(WhatsAppInbound.ReadMedia("""{"media": 3}"""));
    }
}
