using ChatBot.Channels.WhatsApp;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>Twilio's request signature, against the vector Twilio publishes in its docs and SDK tests.</summary>
public sealed class SignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Expected = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static readonly List<KeyValuePair<string, string>> Params =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void The_published_vector_computes_to_the_published_signature()
    {
        Assert.Equal(Expected, TwilioSignature.Compute(Token, Url, Params));
    }

    [Fact]
    public void Parameter_order_in_the_request_does_not_matter()
    {
        var shuffled = Params.AsEnumerable().Reverse().ToList();

        Assert.Equal(Expected, TwilioSignature.Compute(Token, Url, shuffled));
        Assert.True(TwilioSignature.IsValid(Token, Url, shuffled, Expected));
    }

    [Fact]
    public void The_published_vector_validates()
    {
        Assert.True(TwilioSignature.IsValid(Token, Url, Params, Expected));
    }

    [Fact]
    public void A_signature_over_the_url_with_the_standard_port_validates_against_the_url_without_it()
    {
        var withPort = TwilioSignature.Compute(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Params);

        Assert.NotEqual(Expected, withPort);
        Assert.True(TwilioSignature.IsValid(Token, Url, Params, withPort));
    }

    [Fact]
    public void A_signature_over_the_url_without_port_validates_against_the_url_with_the_standard_port()
    {
        Assert.True(TwilioSignature.IsValid(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Params, Expected));
    }

    [Fact]
    public void Http_uses_port_80_as_its_standard_port()
    {
        var signature = TwilioSignature.Compute(Token, "http://mycompany.com:80/myapp.php", Params);

        Assert.True(TwilioSignature.IsValid(Token, "http://mycompany.com/myapp.php", Params, signature));
        Assert.False(TwilioSignature.IsValid(Token, "http://mycompany.com:8080/myapp.php", [], signature));
    }

    [Fact]
    public void Url_variants_keep_everything_but_the_port_as_given()
    {
        Assert.Equal(
            ["https://MyCompany.com/A%20b?x=1", "https://MyCompany.com:443/A%20b?x=1"],
            TwilioSignature.UrlVariants("https://MyCompany.com/A%20b?x=1"));
        Assert.Equal(
            ["http://127.0.0.1:5080/webhooks/whatsapp", "http://127.0.0.1/webhooks/whatsapp"],
            TwilioSignature.UrlVariants("http://127.0.0.1:5080/webhooks/whatsapp"));
        Assert.Equal(
            ["https://[::1]:8443/x", "https://[::1]/x"],
            TwilioSignature.UrlVariants("https://[::1]:8443/x"));
    }

    [Fact]
    public void A_tampered_parameter_fails()
    {
        var tampered = Params.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p).ToList();

        Assert.False(TwilioSignature.IsValid(Token, Url, tampered, Expected));
    }

    [Fact]
    public void An_added_or_removed_parameter_fails()
    {
        Assert.False(TwilioSignature.IsValid(Token, Url, [.. Params, new("Extra", "")], Expected));
        Assert.False(TwilioSignature.IsValid(Token, Url, Params.Skip(1), Expected));
    }

    [Fact]
    public void A_tampered_url_fails()
    {
        Assert.False(TwilioSignature.IsValid(Token, "https://mycompany.com/myapp.php?foo=1&bar=3", Params, Expected));
        Assert.False(TwilioSignature.IsValid(Token, "http://mycompany.com/myapp.php?foo=1&bar=2", Params, Expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ==")]
    [InlineData("not base64 at all")]
    public void A_missing_empty_or_mangled_signature_fails(string? signature)
    {
        Assert.False(TwilioSignature.IsValid(Token, Url, Params, signature));
    }

    [Fact]
    public void Another_token_or_no_token_fails()
    {
        Assert.False(TwilioSignature.IsValid("54321", Url, Params, Expected));
        Assert.False(TwilioSignature.IsValid("", Url, Params, Expected));
    }

    [Fact]
    public void A_repeated_key_contributes_each_value_sorted()
    {
        List<KeyValuePair<string, string>> repeated = [new("b", "2"), new("a", "y"), new("a", "x")];

        var signature = TwilioSignature.Compute(Token, "https://example.org/hook", repeated);

        Assert.Equal(TwilioSignature.Compute(Token, "https://example.org/hookaxayb2"), signature);
    }

    [Fact]
    public void The_json_variant_checks_the_url_signature_and_the_body_hash()
    {
        // Twilio's published JSON vector.
        const string body = """{"property": "value", "boolean": true}""";
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        const string signature = "a9nBmqA0ju/hNViExpshrM61xv4=";

        Assert.True(TwilioSignature.IsValidJson(Token, url, body, signature));
        Assert.False(TwilioSignature.IsValidJson(Token, url, body + " ", signature));
        Assert.False(TwilioSignature.IsValidJson(Token, Url, body, TwilioSignature.Compute(Token, Url)));
    }
}
