using ChatBot.Bot.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace ChatBot.Bot.Tests.Logging;

public sealed class LoggingSetupTests : IDisposable
{
    private const string Phone = "+6281234567890";
    private const string MaskedPhone = "+62812****7890";

    private readonly string _root = Directory.CreateTempSubdirectory("chatbot-logging-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private (Serilog.Core.Logger Logger, InMemorySink Sink) CreateLogger(IConfiguration configuration)
    {
        var sink = new InMemorySink();
        var config = new LoggerConfiguration();
        LoggingSetup.Configure(config, configuration, _root);
        return (config.WriteTo.Sink(sink).CreateLogger(), sink);
    }

    private static string ReadSingleLogFile(string directory)
    {
        var file = Assert.Single(Directory.GetFiles(directory, "*.log"));
        return File.ReadAllText(file);
    }

    [Fact]
    public void File_sink_writes_masked_phone_to_daily_file_under_content_root()
    {
        var (logger, _) = CreateLogger(Config());
        logger.ForContext<LoggingSetupTests>().Information("Message from {From}", Phone);
        logger.Dispose();

        var logs = Path.Combine(_root, "logs");
        var file = Assert.Single(Directory.GetFiles(logs));
        Assert.Matches(@"chatbot-\d{8}\.log$", file);

        var content = File.ReadAllText(file);
        Assert.Contains(MaskedPhone, content);
        Assert.DoesNotContain(Phone, content);
        Assert.Contains("[INF] ChatBot.Bot.Tests.Logging.LoggingSetupTests: Message from +62812****7890", content);
    }

    [Fact]
    public void File_output_masks_exceptions()
    {
        var (logger, _) = CreateLogger(Config());
        logger.Error(new InvalidOperationException("No inmate for NIK 3171234567890001"), "Lookup failed");
        logger.Dispose();

        var content = ReadSingleLogFile(Path.Combine(_root, "logs"));
        Assert.Contains("No inmate for NIK 317123**********", content);
        Assert.DoesNotContain("3171234567890001", content);
    }

    [Fact]
    public void File_path_can_be_configured_relative_to_content_root()
    {
        var (logger, _) = CreateLogger(Config(("Logging:File:Path", "custom/bot-.txt")));
        logger.Information("Hello");
        logger.Dispose();

        Assert.Single(Directory.GetFiles(Path.Combine(_root, "custom"), "bot-*.txt"));
        Assert.False(Directory.Exists(Path.Combine(_root, "logs")));
    }

    [Fact]
    public void File_path_can_be_absolute()
    {
        var elsewhere = Path.Combine(_root, "elsewhere");
        var (logger, _) = CreateLogger(Config(("Logging:File:Path", Path.Combine(elsewhere, "x-.log"))));
        logger.Information("Hello");
        logger.Dispose();

        Assert.Single(Directory.GetFiles(elsewhere, "x-*.log"));
    }

    [Fact]
    public void File_sink_can_be_disabled()
    {
        var (logger, sink) = CreateLogger(Config(("Logging:File:Enabled", "false")));
        logger.Information("Hello");
        logger.Dispose();

        Assert.Single(sink.Events);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Default_minimum_level_is_information()
    {
        var (logger, sink) = CreateLogger(Config(("Logging:File:Enabled", "false")));
        using (logger)
        {
            logger.Debug("hidden");
            logger.Information("shown");
        }

        Assert.Equal("shown", sink.Single.MessageTemplate.Text);
    }

    [Theory]
    [InlineData("Logging:Level", "Warning", LogEventLevel.Warning)]
    [InlineData("Logging:Level", "debug", LogEventLevel.Debug)]
    [InlineData("Logging:Level", "Trace", LogEventLevel.Verbose)]
    [InlineData("Logging:Level", "Critical", LogEventLevel.Fatal)]
    [InlineData("Serilog:MinimumLevel", "Error", LogEventLevel.Error)]
    [InlineData("Serilog:MinimumLevel:Default", "Debug", LogEventLevel.Debug)]
    public void Minimum_level_comes_from_configuration(string key, string value, LogEventLevel expected)
    {
        Assert.Equal(expected, LoggingSetup.ReadMinimumLevel(Config((key, value))));
    }

    [Fact]
    public void Configured_minimum_level_filters_events()
    {
        var (logger, sink) = CreateLogger(Config(("Logging:Level", "Warning"), ("Logging:File:Enabled", "false")));
        using (logger)
        {
            logger.Information("hidden");
            logger.Warning("shown");
        }

        Assert.Equal("shown", sink.Single.MessageTemplate.Text);
    }

    [Theory]
    [InlineData("Logging:Level", "Loud")]
    [InlineData("Logging:Level", "3")]
    [InlineData("Logging:File:Enabled", "nope")]
    public void Invalid_configuration_fails_fast(string key, string value)
    {
        var ex = Assert.Throws<ChatBot.Domain.SettingsException>(
            () => LoggingSetup.Configure(new LoggerConfiguration(), Config((key, value)), _root));
        Assert.Contains(key, ex.Message);
    }

    [Fact]
    public void Framework_categories_are_limited_to_warnings()
    {
        var (logger, sink) = CreateLogger(Config(("Logging:Level", "Debug"), ("Logging:File:Enabled", "false")));
        using (logger)
        {
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Microsoft.AspNetCore.Routing.EndpointMiddleware").Information("hidden");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Microsoft.EntityFrameworkCore.Database.Command").Information("hidden");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Microsoft.AspNetCore.Server.Kestrel").Warning("shown");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "ChatBot.Bot.Dialogs.VisitDialog").Debug("shown");
        }

        Assert.All(sink.Events, e => Assert.Equal("shown", e.MessageTemplate.Text));
        Assert.Equal(2, sink.Events.Count);
    }

    [Fact]
    public void Console_format_uses_short_source_context_and_masks()
    {
        var (logger, sink) = CreateLogger(Config(("Logging:File:Enabled", "false")));
        using (logger)
        {
            logger.ForContext<LoggingSetupTests>().Information("Reply to {To}", Phone);
            logger.Information("No category");
        }

        var lines = sink.Events.Select(e =>
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            LoggingSetup.CreateConsoleFormatter().Format(e, writer);
            return writer.ToString();
        }).ToArray();

        Assert.Matches(@"^\[\d{2}:\d{2}:\d{2} INF\] LoggingSetupTests: Reply to \+62812\*\*\*\*7890\r?\n$", lines[0]);
        Assert.Matches(@"^\[\d{2}:\d{2}:\d{2} INF\] -: No category\r?\n$", lines[1]);
    }

    [Fact]
    public async Task UseChatBotLogging_routes_host_logging_through_masked_serilog()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = _root,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection([new("Logging:File:Path", "host-logs/bot-.log")]);

        Assert.Same(builder, builder.UseChatBotLogging());

        await using (var app = builder.Build())
        {
            var logger = app.Services.GetRequiredService<ILogger<LoggingSetupTests>>();
            logger.LogInformation("Visitor {Phone} asked about visiting hours", Phone);
            logger.LogWarning("Raw body {Body}", "NIK 3171234567890001");
        }

        await Log.CloseAndFlushAsync();

        var content = ReadSingleLogFile(Path.Combine(_root, "host-logs"));
        Assert.Contains("Visitor +62812****7890 asked about visiting hours", content);
        Assert.Contains("Raw body [redacted]", content);
        Assert.DoesNotContain(Phone, content);
        Assert.DoesNotContain("3171234567890001", content);
    }
}
