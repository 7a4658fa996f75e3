using ChatBot.Bot.Logging;
using Serilog.Formatting.Display;

namespace ChatBot.Bot.Tests.Logging;

public class MaskingTextFormatterTests
{
    private static string Format(Serilog.Events.LogEvent logEvent, string template = "{Message:lj}{NewLine}{Exception}")
    {
        var formatter = new MaskingTextFormatter(new MessageTemplateTextFormatter(template, System.Globalization.CultureInfo.InvariantCulture));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Format(logEvent, writer);
        return writer.ToString();
    }

    [Fact]
    public void Exception_messages_are_masked_in_output()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        var inner = new InvalidOperationException("NIK 3171234567890001 rejected for budi@mail.co.id");
        var exception = new HttpRequestException("Sending to whatsapp:+6281234567890 failed", inner);

        using (logger)
        {
            logger.Error(exception, "Delivery on {Channel} failed", "whatsapp");
        }

        var output = Format(sink.Single);

        Assert.Contains("Sending to whatsapp:+62812****7890 failed", output);
        Assert.Contains("NIK 317123********** rejected for b***@mail.co.id", output);
        Assert.Contains(nameof(HttpRequestException), output);
        Assert.DoesNotContain("+6281234567890", output);
        Assert.DoesNotContain("3171234567890001", output);
        Assert.DoesNotContain("budi@", output);
    }

    [Fact]
    public void Thrown_exception_with_stack_trace_is_masked()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        using (logger)
        {
            try
            {
                throw new ArgumentException("Unknown number 0812-3456-7890");
            }
            catch (ArgumentException ex)
            {
                logger.Warning(ex, "Lookup failed");
            }
        }

        var output = Format(sink.Single);

        Assert.Contains("Unknown number 0812****7890", output);
        Assert.Contains(nameof(Thrown_exception_with_stack_trace_is_masked), output);
        Assert.DoesNotContain("0812-3456-7890", output);
    }

    [Fact]
    public void Personal_data_written_into_the_template_text_is_masked()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        var phone = "081234567890";
        using (logger)
        {
            // Deliberately the mistake this formatter guards against: data concatenated into the template.
            logger.Information("Message from " + phone);
        }

        Assert.Equal("Message from 0812****7890" + Environment.NewLine, Format(sink.Single));
    }

    [Fact]
    public void Output_without_personal_data_is_unchanged()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        using (logger)
        {
            logger.Information("Order {OrderId} at {When}", 12345, "2026-12-25 08:30");
        }

        const string template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}";
        Assert.Equal(InMemorySink.Render(sink.Single, template), Format(sink.Single, template));
    }
}
