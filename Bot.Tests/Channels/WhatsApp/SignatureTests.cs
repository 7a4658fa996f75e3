using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using Twilio.Security;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// Twilio's request signature, against the vector Twilio publishes in its docs and SDK tests: the check the webhooks
/// use (<see cref="TwilioWebhookSignature"/>) and the tests' own signer (<see cref="TwilioSignature"/>).
/// </summary>
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
        Assert.True(TwilioWebhookSignature.IsValid(Token, Url, shuffled, Expected));
    }

    [Fact]
    public void The_published_vector_validates()
    {
        Assert.True(TwilioWebhookSignature.IsValid(Token, Url, Params, Expected));
    }

    [Fact]
    public void A_signature_over_the_url_with_the_standard_port_validates_against_the_url_without_it()
    {
        var withPort = TwilioSignature.Compute(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Params);

        Assert.NotEqual(Expected, withPort);
        Assert.True(TwilioWebhookSignature.IsValid(Token, Url, Params, withPort));
    }

    [Fact]
    public void A_signature_over_the_url_without_port_validates_against_the_url_with_the_standard_port()
    {
        Assert.True(TwilioWebhookSignature.IsValid(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Params, Expected));
    }

    [Fact]
    public void Http_uses_port_80_as_its_standard_port()
    {
        var signature = TwilioSignature.Compute(Token, "http://mycompany.com:80/myapp.php", Params);

        Assert.True(TwilioWebhookSignature.IsValid(Token, "http://mycompany.com/myapp.php", Params, signature));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "http://mycompany.com:8080/myapp.php", [], signature));
    }

    [Fact]
    public void Toggling_the_port_keeps_everything_else_as_given()
    {
        var upper = TwilioSignature.Compute(Token, "https://MyCompany.com:443/A%20b?x=1");
        var local = TwilioSignature.Compute(Token, "http://127.0.0.1/webhooks/whatsapp");
        var ipv6 = TwilioSignature.Compute(Token, "https://[::1]/x");

        Assert.True(TwilioWebhookSignature.IsValid(Token, "https://MyCompany.com/A%20b?x=1", [], upper));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "https://mycompany.com/A%20b?x=1", [], upper));
        Assert.True(TwilioWebhookSignature.IsValid(Token, "http://127.0.0.1:5080/webhooks/whatsapp", [], local));
        Assert.True(TwilioWebhookSignature.IsValid(Token, "https://[::1]:8443/x", [], ipv6));
        Assert.True(TwilioWebhookSignature.IsValid(Token, "https://[::1]:443/x", [], ipv6));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "https://[::1]:8443/y", [], ipv6));
    }

    [Fact]
    public void A_tampered_parameter_fails()
    {
        var tampered = Params.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p).ToList();

        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, tampered, Expected));
    }

    [Fact]
    public void An_added_or_removed_parameter_fails()
    {
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, [.. Params, new("Extra", "")], Expected));
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, Params.Skip(1), Expected));
    }

    [Fact]
    public void A_tampered_url_fails()
    {
        Assert.False(TwilioWebhookSignature.IsValid(Token, "https://mycompany.com/myapp.php?foo=1&bar=3", Params, Expected));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "http://mycompany.com/myapp.php?foo=1&bar=2", Params, Expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ==")]
    [InlineData("not base64 at all")]
    public void A_missing_empty_or_mangled_signature_fails(string? signature)
    {
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, Params, signature));
    }

    [Fact]
    public void Another_token_or_no_token_fails()
    {
        Assert.False(TwilioWebhookSignature.IsValid("54321", Url, Params, Expected));
        Assert.False(TwilioWebhookSignature.IsValid("", Url, Params, Expected));
    }

    [Fact]
    public void A_repeated_key_contributes_each_value_sorted()
    {
        List<KeyValuePair<string, string>> repeated = [new("b", "2"), new("a", "y"), new("a", "x")];

        var signature = TwilioSignature.Compute(Token, "https://example.org/hook", repeated);

        Assert.Equal(TwilioSignature.Compute(Token, "https://example.org/hookaxayb2"), signature);
        Assert.True(TwilioWebhookSignature.IsValid(Token, "https://example.org/hook", repeated, signature));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "https://example.org/hook", [new("b", "2"), new("a", "x,y")], signature));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "https://example.org/hook", [new("b", "2"), new("a", "x")], signature));
    }

    [Fact]
    public void A_url_that_does_not_parse_fails_instead_of_throwing()
    {
        Assert.False(TwilioWebhookSignature.IsValid(Token, "not a url", Params, Expected));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "https://", Params, Expected));
    }

    [Fact]
    public void Twilios_validator_checks_the_published_json_vector()
    {
        // No webhook takes JSON yet; should one, the library's JSON check is the one to use.
        const string body = """{"property": "value", "boolean": true}""";
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        const string signature = "a9nBmqA0ju/hNViExpshrM61xv4=";

        Assert.True(new RequestValidator(Token).Validate(url, body, signature));
        Assert.False(new RequestValidator(Token).Validate(url, body + " ", signature));
    }
}
