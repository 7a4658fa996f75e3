using ChatBot.Bot.Hosting;
using ChatBot.Channels.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>WhatsApp settings are checked when the service starts, with a clear message per problem.</summary>
public sealed class TwilioOptionsTests
{
    [Fact]
    public void A_disabled_channel_needs_no_settings() => Assert.Empty(new TwilioOptions().Problems());

    [Fact]
    public void Complete_settings_have_no_problems() =>
        Assert.Empty(new TwilioOptions { Enabled = true, AccountSid = "AC" + new string('a', 32), AuthToken = "t", From = "whatsapp:+14155238886" }.Problems());

    [Fact]
    public void Each_missing_or_malformed_setting_is_named()
    {
        var problems = new TwilioOptions
        {
            Enabled = true,
            AccountSid = "12345",
            From = "+14155238886",
            ApiBaseUrl = "not a url",
            MaxSendsPerSecond = 0,
            Templates = { ["visit_reminder"] = new WhatsAppTemplate { ContentSid = "abc" } },
        }.Problems();

        Assert.Contains(problems, p => p.Contains("AccountSid"));
        Assert.Contains(problems, p => p.Contains("AuthToken"));
        Assert.Contains(problems, p => p.Contains("From"));
        Assert.Contains(problems, p => p.Contains("ApiBaseUrl"));
        Assert.Contains(problems, p => p.Contains("MaxSendsPerSecond"));
        Assert.Contains(problems, p => p.Contains("visit_reminder"));
        Assert.DoesNotContain(problems, p => p.Contains("secret-token"));
    }

    [Fact]
    public void The_service_refuses_to_start_with_incomplete_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = "AC" + new string('b', 32),
        }).Build();

        var error = Assert.Throws<ChatBot.Domain.SettingsException>(() => new ServiceCollection().AddChatBotCore(configuration, Path.GetTempPath()));
        Assert.Contains("AuthToken", error.Message);
        Assert.Contains("From", error.Message);
    }
}
