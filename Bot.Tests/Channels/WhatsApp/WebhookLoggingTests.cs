using System.Net;
using ChatBot.Bot.Tests.Logging;
using ChatBot.Channels.WhatsApp;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// Runs alone: the host's Serilog logger is process-wide (the last host started writes every host's
/// events), so another host starting in parallel would take this test's events away from its sink.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebhookLoggingCollection
{
    public const string Name = "WhatsApp webhook logging";
}

/// <summary>What the webhooks write to the log: enough to see what happened, nothing personal, no secret.</summary>
[Collection(WebhookLoggingCollection.Name)]
public sealed class WebhookLoggingTests
{
    [Fact]
    public async Task Refusals_and_failures_are_logged_without_the_number_the_body_or_the_token()
    {
        var sink = new InMemorySink();
        await using var host = await WebhookTestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Logging:Level"] = "Debug" },
            services: s => s.AddSingleton<ILogEventSink>(sink));
        const string body = "NIK saya rahasia-isi-pesan";
        const string path = WhatsAppEndpoints.MessagesPath;

        var forged = await host.PostAsync(path, WebhookTests.TwilioForm(WebhookTests.NewSid(), body), token: "forged");
        var unsigned = await host.PostAsync(path, WebhookTests.TwilioForm(WebhookTests.NewSid(), body), sign: false);
        var foreign = await host.PostAsync(path, WebhookTests.TwilioForm(WebhookTests.NewSid(), body, accountSid: "AC" + new string('d', 32)));
        var accepted = await host.PostAsync(path, WebhookTests.TwilioForm(WebhookTests.NewSid(), body));
        var status = await host.PostAsync(WhatsAppEndpoints.StatusPath,
        [
            new("MessageSid", WebhookTests.NewSid()), new("MessageStatus", "undelivered"), new("ErrorCode", "63016"),
            new("AccountSid", WebhookTestHost.AccountSid), new("To", "whatsapp:+6281234567890"),
        ]);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK],
            [forged.StatusCode, unsigned.StatusCode, foreign.StatusCode, accepted.StatusCode, status.StatusCode]);
        var lines = sink.Events
            .Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values) + " " + e.Exception)
            .ToList();
        Assert.Contains(lines, l => l.Contains("invalid", StringComparison.Ordinal) && l.Contains("signature", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("missing", StringComparison.Ordinal) && l.Contains("signature", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("another account", StringComparison.Ordinal));
        Assert.All(lines, l =>
        {
            Assert.DoesNotContain("1234567890", l, StringComparison.Ordinal);
            Assert.DoesNotContain("rahasia", l, StringComparison.Ordinal);
            Assert.DoesNotContain(WebhookTestHost.AuthToken, l, StringComparison.Ordinal);
        });
    }
}
