using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;

namespace ChatBot.Bot.Logging;

/// <summary>
/// Wraps another formatter and runs its complete output through <see cref="PersonalDataMasker"/>.
/// </summary>
/// <remarks>
/// This is how exceptions are masked. An exception's message (and its inner exceptions' messages)
/// may quote user input, and Serilog keeps the exception object itself on the event, so an enricher
/// cannot rewrite it. Masking the final text instead covers <c>{Exception}</c> in any output
/// template, keeps templates standard, and also catches personal data written directly into a
/// message template (e.g. string interpolation) rather than passed as a property.
/// Every text sink configured by <see cref="LoggingSetup"/> uses this formatter.
/// </remarks>
public sealed class MaskingTextFormatter : ITextFormatter
{
    private readonly ITextFormatter _inner;

    /// <summary>Creates a formatter that masks what <paramref name="inner"/> produces.</summary>
    public MaskingTextFormatter(ITextFormatter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        _inner.Format(logEvent, buffer);
        output.Write(PersonalDataMasker.Mask(buffer.ToString()));
    }
}
