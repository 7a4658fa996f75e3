using System.Globalization;
using ChatBot.Domain.Persistence;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Sinks.File;

namespace ChatBot.Bot.Logging;

/// <summary>
/// The bot's logging set-up: Serilog with console and rolling file output, personal data masked
/// everywhere. Hosts call <c>builder.UseChatBotLogging()</c>; nothing else is needed.
/// </summary>
/// <remarks>
/// <para>Configuration keys (all optional):</para>
/// <list type="bullet">
/// <item><c>Logging:Level</c> — minimum level (<c>Verbose</c>/<c>Trace</c>, <c>Debug</c>, <c>Information</c>,
/// <c>Warning</c>, <c>Error</c>, <c>Fatal</c>/<c>Critical</c>); <c>Serilog:MinimumLevel</c> (or its
/// <c>Default</c> child) is read as a fallback. Default <c>Information</c>.</item>
/// <item><c>Logging:File:Enabled</c> — <c>false</c> turns the file output off. Default <c>true</c>.</item>
/// <item><c>Logging:File:Path</c> — file path pattern, relative paths are taken from the content root.
/// Default <c>{contentRoot}/logs/chatbot-.log</c> (the date is inserted before the extension).</item>
/// </list>
/// <para>Masking happens twice on purpose: <see cref="PersonalDataMaskingEnricher"/> cleans the
/// structured properties (and with them the rendered message) for every sink, and
/// <see cref="MaskingTextFormatter"/> cleans the final text of each line, which covers exception
/// messages and literal template text.</para>
/// </remarks>
public static class LoggingSetup
{
    internal const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {ShortSourceContext:l}: {Message:lj}{NewLine}{Exception}";

    internal const string FileTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext:l}: {Message:lj}{NewLine}{Exception}";

    internal const string LevelKey = "Logging:Level";
    internal const string FileEnabledKey = "Logging:File:Enabled";
    internal const string FilePathKey = "Logging:File:Path";
    internal const string ConsoleEnabledKey = "Logging:Console:Enabled";

    private const int RetainedFileCount = 14;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Applies the bot's logging set-up to <paramref name="config"/>.</summary>
    /// <param name="config">The Serilog configuration to extend.</param>
    /// <param name="configuration">Application configuration; see the class remarks for the keys read.</param>
    /// <param name="contentRoot">Base directory for the default and relative log file paths.</param>
    /// <exception cref="InvalidOperationException">A configured value cannot be parsed.</exception>
    public static void Configure(LoggerConfiguration config, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);

        config
            .MinimumLevel.Is(ReadMinimumLevel(configuration))
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With(new ShortSourceContextEnricher())
            // Last, so that properties added by the enrichers before it are masked too.
            .Enrich.With(new PersonalDataMaskingEnricher());

        // The chat command turns the console off: there the terminal is the conversation.
        if (configuration.GetValue(ConsoleEnabledKey, true))
        {
            config.WriteTo.Console(CreateConsoleFormatter());
        }

        if (ReadFileEnabled(configuration))
        {
            // Masked as they are, logs still tell who wrote when: owner-only, like the store.
            var path = ResolveFilePath(configuration, contentRoot);
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                OwnerOnly.CreateDirectory(folder);
            }

            config.WriteTo.File(
                CreateFileFormatter(),
                path,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: RetainedFileCount,
                shared: false,
                flushToDiskInterval: FlushInterval,
                hooks: new OwnerOnlyLogFiles());
        }
    }

    /// <summary>
    /// Replaces the host's logging with Serilog configured by <see cref="Configure"/>.
    /// Enrichers and sinks registered in the service container are picked up as well; the masking
    /// enricher runs after them.
    /// </summary>
    public static IHostBuilder UseChatBotLogging(this IHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.UseSerilog((context, services, config) =>
        {
            config.ReadFrom.Services(services);
            Configure(config, context.Configuration, context.HostingEnvironment.ContentRootPath);
        });
    }

    /// <inheritdoc cref="UseChatBotLogging(IHostBuilder)"/>
    public static HostApplicationBuilder UseChatBotLogging(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSerilog((services, config) =>
        {
            config.ReadFrom.Services(services);
            Configure(config, builder.Configuration, builder.Environment.ContentRootPath);
        });
        return builder;
    }

    /// <inheritdoc cref="UseChatBotLogging(IHostBuilder)"/>
    public static WebApplicationBuilder UseChatBotLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Host.UseChatBotLogging();
        return builder;
    }

    internal static ITextFormatter CreateConsoleFormatter() =>
        new MaskingTextFormatter(new MessageTemplateTextFormatter(ConsoleTemplate, CultureInfo.InvariantCulture));

    internal static ITextFormatter CreateFileFormatter() =>
        new MaskingTextFormatter(new MessageTemplateTextFormatter(FileTemplate, CultureInfo.InvariantCulture));

    internal static LogEventLevel ReadMinimumLevel(IConfiguration configuration)
    {
        var value = configuration[LevelKey]
            ?? configuration["Serilog:MinimumLevel:Default"]
            ?? configuration["Serilog:MinimumLevel"];

        if (string.IsNullOrWhiteSpace(value))
        {
            return LogEventLevel.Information;
        }

        // Accept the Microsoft.Extensions.Logging names as well, people mix them up.
        var trimmed = value.Trim();
        if (trimmed.Equals("Trace", StringComparison.OrdinalIgnoreCase))
        {
            return LogEventLevel.Verbose;
        }

        if (trimmed.Equals("Critical", StringComparison.OrdinalIgnoreCase))
        {
            return LogEventLevel.Fatal;
        }

        if (Enum.TryParse<LogEventLevel>(trimmed, ignoreCase: true, out var level)
            && Enum.IsDefined(level)
            && !int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return level;
        }

        throw new ChatBot.Domain.SettingsException(
            $"Configuration value '{value}' for {LevelKey} is not a log level. "
            + "Use Verbose, Debug, Information, Warning, Error or Fatal.");
    }

    internal static bool ReadFileEnabled(IConfiguration configuration)
    {
        var value = configuration[FileEnabledKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        return bool.TryParse(value.Trim(), out var enabled)
            ? enabled
            : throw new ChatBot.Domain.SettingsException(
                $"Configuration value '{value}' for {FileEnabledKey} must be true or false.");
    }

    internal static string ResolveFilePath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[FilePathKey];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine("logs", "chatbot-.log")
            : configured.Trim();

        // Path.Combine keeps an absolute configured path as it is.
        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}

/// <summary>Makes each log file owner-only (0600) as the sink opens it, the daily new one included.</summary>
internal sealed class OwnerOnlyLogFiles : FileLifecycleHooks
{
    public override Stream OnFileOpened(string path, Stream underlyingStream, System.Text.Encoding encoding)
    {
        OwnerOnly.Restrict(path);
        return underlyingStream;
    }
}
