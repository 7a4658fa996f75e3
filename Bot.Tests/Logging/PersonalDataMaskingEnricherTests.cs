using ChatBot.Bot.Logging;
using Serilog.Context;
using Serilog.Events;

namespace ChatBot.Bot.Tests.Logging;

public class PersonalDataMaskingEnricherTests
{
    private const string Phone = "+6281234567890";
    private const string MaskedPhone = "+62812****7890";

    [Fact]
    public void Rendered_message_has_masked_phone_and_redacted_body()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        using (logger)
        {
            logger.Information("From {Phone} said {Body}", Phone, "NIK 3171234567890001");
        }

        var rendered = sink.Single.RenderMessage();

        Assert.Contains(MaskedPhone, rendered);
        Assert.Contains(PersonalDataMaskingEnricher.RedactedValue, rendered);
        Assert.DoesNotContain(Phone, rendered);
        Assert.DoesNotContain("3171234567890001", rendered);
        Assert.DoesNotContain("317123", rendered);
    }

    [Theory]
    [InlineData("Body")]
    [InlineData("text")]
    [InlineData("MESSAGEBODY")]
    [InlineData("Password")]
    [InlineData("authToken")]
    [InlineData("Token")]
    [InlineData("nik")]
    [InlineData("Secret")]
    public void Denylisted_properties_are_redacted_whatever_they_hold(string name)
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        using (logger)
        {
            logger.ForContext(name, "harmless text").Information("Event");
            logger.ForContext(name, 42).Information("Event");
        }

        Assert.All(sink.Events, e => Assert.Equal(
            new ScalarValue(PersonalDataMaskingEnricher.RedactedValue), e.Properties[name]));
    }

    [Fact]
    public void Properties_without_personal_data_are_left_alone()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        using (logger)
        {
            logger.Information("Order {OrderId} for {Name} at {When} took {Ms} ms", "12345", "Budi", "2026-12-25 08:30", 87L);
        }

        var rendered = sink.Single.RenderMessage();

        Assert.Equal("Order \"12345\" for \"Budi\" at \"2026-12-25 08:30\" took 87 ms", rendered);
    }

    [Fact]
    public void Nested_structures_sequences_and_dictionaries_are_masked()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        var visitor = new
        {
            Name = "Budi",
            Phone = "081234567890",
            Contact = new { Email = "budi.santoso@mail.co.id", Nik = "3171234567890001" },
            OtherPhones = new[] { "+6281298765432", "12345" },
            Token = "abc",
        };
        var byPhone = new Dictionary<string, string>
        {
            ["081234567890"] = "primary",
            ["081299997890"] = "primary too",
            ["note"] = "call 0812-3456-7890",
            ["secret"] = "hunter2",
        };

        using (logger)
        {
            logger.Information("Visitor {@Visitor} contacts {Contacts}", visitor, byPhone);
        }

        var logEvent = sink.Single;
        var structure = Assert.IsType<StructureValue>(logEvent.Properties["Visitor"]);
        var props = structure.Properties.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(new ScalarValue("Budi"), props["Name"]);
        Assert.Equal(new ScalarValue("0812****7890"), props["Phone"]);
        Assert.Equal(new ScalarValue(PersonalDataMaskingEnricher.RedactedValue), props["Token"]);

        var contact = Assert.IsType<StructureValue>(props["Contact"]).Properties.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(new ScalarValue("b***@mail.co.id"), contact["Email"]);
        Assert.Equal(new ScalarValue(PersonalDataMaskingEnricher.RedactedValue), contact["Nik"]);

        var phones = Assert.IsType<SequenceValue>(props["OtherPhones"]).Elements;
        Assert.Equal([new ScalarValue("+62812****5432"), new ScalarValue("12345")], phones);

        var contacts = Assert.IsType<DictionaryValue>(logEvent.Properties["Contacts"]).Elements;
        Assert.Equal(4, contacts.Count);
        Assert.Equal(new ScalarValue("primary"), contacts[new ScalarValue("0812****7890")]);
        Assert.Equal(new ScalarValue("primary too"), contacts[new ScalarValue("0812****7890 #2")]);
        Assert.Equal(new ScalarValue("call 0812****7890"), contacts[new ScalarValue("note")]);
        Assert.Equal(new ScalarValue(PersonalDataMaskingEnricher.RedactedValue), contacts[new ScalarValue("secret")]);

        var rendered = logEvent.RenderMessage();
        Assert.False(PersonalDataMasker.ContainsPersonalData(rendered), rendered);
        Assert.DoesNotContain("hunter2", rendered);
    }

    [Fact]
    public void Context_properties_and_numeric_phone_numbers_are_masked()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        using (logger)
        using (LogContext.PushProperty("Sender", "whatsapp:" + Phone))
        {
            logger.ForContext("Caller", "081234567890").Information("Number {Msisdn}", 6281234567890L);
        }

        var properties = sink.Single.Properties;
        Assert.Equal(new ScalarValue("whatsapp:" + MaskedPhone), properties["Sender"]);
        Assert.Equal(new ScalarValue("0812****7890"), properties["Caller"]);
        Assert.Equal(new ScalarValue("62812****7890"), properties["Msisdn"]);
    }

    [Fact]
    public void Clean_event_keeps_its_property_instances()
    {
        var (logger, sink) = InMemorySink.CreateMaskingLogger();
        using (logger)
        {
            logger.Information("Order {OrderId} with {@Items}", "12345", new[] { new { Sku = "A-1", Qty = 2 } });
        }

        var logEvent = sink.Single;
        var before = logEvent.Properties.ToDictionary(p => p.Key, p => p.Value);
        // Running the enricher again on an event that is already clean must not replace anything.
        new PersonalDataMaskingEnricher().Enrich(logEvent, null!);

        Assert.All(before, p => Assert.Same(p.Value, logEvent.Properties[p.Key]));
    }
}
